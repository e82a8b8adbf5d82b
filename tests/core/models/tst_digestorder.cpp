// SPDX-License-Identifier: GPL-3.0-or-later
// The window ranks a day exactly as the digest does (one DigestRule): on a day full of ties, with the
// scores stored in an order unrelated to the papers' ids, the window's relevant rows in rank order are
// the digest's papers in order, and the days list counts the same number.
#include "dbfixture.h"
#include "digest/digestbuilder.h"
#include "domain/digestrule.h"
#include "domain/runsettings.h"
#include "llm/pricingtable.h"
#include "models/papertablemodel.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestDigestOrder : public QObject
{
    Q_OBJECT

private slots:
    void windowOrderIsTheDigestOrder_data();
    void windowOrderIsTheDigestOrder();
};

void TestDigestOrder::windowOrderIsTheDigestOrder_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("relevanceCutoff");
    QTest::addColumn<int>("noveltyCutoff");
    QTest::newRow("default cutoffs") << 1u << 8 << 7;
    QTest::newRow("other shuffle") << 7u << 8 << 7;
    QTest::newRow("low cutoffs: nearly all tie") << 11u << 5 << 5;
}

void TestDigestOrder::windowOrderIsTheDigestOrder()
{
    QFETCH(quint32, seed);
    QFETCH(int, relevanceCutoff);
    QFETCH(int, noveltyCutoff);

    QTemporaryDir dir;
    Database db(dir.filePath(u"p.sqlite"_s));
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    const qint64 criteria = CriteriaRepository(db).saveIfNew(Criteria::defaults());
    const QDate day(2026, 9, 24);
    const QString model = u"gpt-5"_s;

    // 40 papers on few distinct scores: many exact ties, equal sums with different relevance, and
    // followed authors with and without an answer of their own.
    struct Row
    {
        QString id;
        int relevance, novelty;
        bool author;
    };
    QList<Row> rows;
    const int scoreSets[][2] = {{9, 8}, {8, 9}, {9, 8}, {10, 7}, {8, 7}, {7, 10}, {9, 9}, {6, 6}, {8, 8}, {10, 10}};
    for (int i = 0; i < 40; ++i) {
        const auto &s = scoreSets[i % 10];
        rows.append(Row{u"2609.%1"_s.arg(10000 + (i * 37) % 97), s[0], s[1], i % 13 == 0});
    }
    QRandomGenerator random(seed);
    std::shuffle(rows.begin(), rows.end(), random); // scores arrive in no particular order

    RunSettings settings;
    settings.categories = {u"cs.LG"_s};
    settings.announceTypes = {u"new"_s, u"cross"_s};
    settings.model = model;
    settings.relevanceCutoff = relevanceCutoff;
    settings.noveltyCutoff = noveltyCutoff;
    for (const Row &r : std::as_const(rows))
        DbFixture::addPaper(db, r.id, u"Paper "_s + r.id, {u"Author "_s + r.id}, day);
    const qint64 run = DbFixture::addRun(db, day, criteria, model, settings.toJson());
    for (const Row &r : std::as_const(rows)) {
        if (r.author)
            DbFixture::addScore(db, r.id, criteria, model, u"author"_s, u"kept"_s, 0, 0, u"Author match"_s,
                                u"Author "_s + r.id, run);
        if (!r.author || r.relevance % 2 == 0)
            DbFixture::addScore(db, r.id, criteria, model, u"abstract"_s, u"scored"_s, r.relevance, r.novelty,
                                u"c"_s, {}, run);
    }

    const PricingTable prices = PricingTable::builtin();
    const std::optional<Digest> digest = DigestBuilder(db, prices).forRun(run);
    QVERIFY(digest);
    QStringList digestOrder;
    for (const DigestPaper &p : digest->papers)
        digestOrder << p.arxivId.section(u'v', 0, 0);
    QVERIFY(digestOrder.size() > 10);

    PaperTableModel window(db);
    window.setCutoffs(relevanceCutoff, noveltyCutoff);
    window.showDay(day);
    QList<QPair<int, QString>> ranked;
    for (int row = 0; row < window.rowCount(); ++row) {
        if (window.index(row, 0).data(PaperTableModel::RelevantRole).toBool())
            ranked.append({window.rankAt(row), window.paperAt(row)->arxivId});
    }
    std::sort(ranked.begin(), ranked.end());
    QStringList windowOrder;
    for (const auto &r : std::as_const(ranked))
        windowOrder << r.second;
    QCOMPARE(windowOrder, digestOrder);

    // The days list counts the same papers as relevant.
    const QList<LibraryDay> days = LibraryRepository(db).days(DigestRule(relevanceCutoff, noveltyCutoff));
    QCOMPARE(days.size(), 1);
    QCOMPARE(days.first().relevant, int(digestOrder.size()));
}

QTEST_GUILESS_MAIN(TestDigestOrder)
#include "tst_digestorder.moc"
