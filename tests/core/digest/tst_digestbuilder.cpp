// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbfixture.h"
#include "digest/digestbuilder.h"
#include "digest/markdownwriter.h"
#include "llm/pricingtable.h"
#include "domain/runsettings.h"
#include "selection/promptbuilder.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/feeddayrepository.h"
#include "storage/runrepository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestDigestBuilder : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void selectsRanksAndExplains();
    void usageOfEveryRunOfTheDay();
    void unknownPriceAndMissingRun();
    void oldRunKeepsItsOwnSettings();

private:
    qint64 seedDay(RunStatus status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_criteria = 0;
    const QDate m_day{2026, 9, 24};
};

void TestDigestBuilder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(u"p.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    CriteriaRepository criteria(*m_db);
    m_criteria = criteria.saveIfNew(Criteria::defaults());
    QVERIFY(m_criteria > 0);
}

void TestDigestBuilder::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestDigestBuilder::seedDay(RunStatus status)
{
    using namespace DbFixture;
    const QString m = u"gpt-5"_s;
    addPaper(*m_db, u"2609.00001"_s, u"Followed"_s, {u"Ada Lovelace"_s}, m_day);
    addPaper(*m_db, u"2609.00002"_s, u"Good"_s, {u"B"_s}, m_day);
    addPaper(*m_db, u"2609.00003"_s, u"Below novelty cutoff"_s, {u"C"_s}, m_day);
    addPaper(*m_db, u"2609.00004"_s, u"Best"_s, {u"D"_s}, m_day, u"cross"_s, u"cs.AI"_s);
    addPaper(*m_db, u"2609.00005"_s, u"Title dropped"_s, {u"E"_s}, m_day);
    addPaper(*m_db, u"2609.00006"_s, u"Model failed"_s, {u"F"_s}, m_day);
    addPaper(*m_db, u"2609.00007"_s, u"Never reached"_s, {u"G"_s}, m_day);
    addPaper(*m_db, u"2609.00008"_s, u"Low h-index"_s, {u"H"_s}, m_day);
    addPaper(*m_db, u"2609.00009"_s, u"A replacement"_s, {u"I"_s}, m_day, u"replace"_s);
    addPaper(*m_db, u"2609.00010"_s, u"Other day"_s, {u"J"_s}, m_day.addDays(-1));
    addPaper(*m_db, u"2609.00011"_s, u"Other category"_s, {u"K"_s}, m_day, u"new"_s, u"math.OC"_s);
    addPaper(*m_db, u"2609.00012"_s, u"Same score as Good, lower relevance"_s, {u"L"_s}, m_day);

    RunSettings s;
    s.categories = {u"cs.LG"_s, u"cs.AI"_s};
    s.announceTypes = {u"new"_s, u"cross"_s};
    s.model = m;
    const qint64 run = addRun(*m_db, m_day, m_criteria, m, s.toJson());
    addScore(*m_db, u"2609.00001"_s, m_criteria, m, u"author"_s, u"kept"_s, 0, 0, u"Author match"_s, u"Ada Lovelace"_s, run);
    addScore(*m_db, u"2609.00002"_s, m_criteria, m, u"abstract"_s, u"scored"_s, 9, 8, u"good"_s, {}, run);
    addScore(*m_db, u"2609.00003"_s, m_criteria, m, u"abstract"_s, u"scored"_s, 9, 6, u"meh"_s, {}, run);
    addScore(*m_db, u"2609.00004"_s, m_criteria, m, u"abstract"_s, u"scored"_s, 10, 10, u"best"_s, {}, run);
    addScore(*m_db, u"2609.00005"_s, m_criteria, m, u"title"_s, u"dropped"_s, 0, 0, {}, u"off topic"_s, run);
    addScore(*m_db, u"2609.00006"_s, m_criteria, m, u"title"_s, u"kept"_s, 0, 0, {}, {}, run);
    addScore(*m_db, u"2609.00006"_s, m_criteria, m, u"abstract"_s, u"unscored"_s, 0, 0, {}, u"reply was not JSON"_s, run);
    addScore(*m_db, u"2609.00008"_s, m_criteria, m, u"hindex"_s, u"dropped"_s, 0, 0, {}, u"h 3 < 10"_s, run);
    addScore(*m_db, u"2609.00009"_s, m_criteria, m, u"abstract"_s, u"scored"_s, 10, 10, u"replacement"_s, {}, run);
    addScore(*m_db, u"2609.00010"_s, m_criteria, m, u"abstract"_s, u"scored"_s, 10, 10, u"other day"_s, {}, run);
    addScore(*m_db, u"2609.00012"_s, m_criteria, m, u"abstract"_s, u"scored"_s, 8, 9, u"tie"_s, {}, run);
    // A score for another model does not count for this run.
    addScore(*m_db, u"2609.00007"_s, m_criteria, u"gpt-5-mini"_s, u"abstract"_s, u"scored"_s, 10, 10);
    RunRepository(*m_db).finish(run, status, status == RunStatus::BudgetReached ? u"Daily budget reached"_s : QString(),
                                14, 11, 4);
    FeedDayRepository(*m_db).record({m_day, u"cs.AI+cs.LG"_s, u"rss"_s, 14, 11, QDateTime::currentDateTimeUtc()});
    return run;
}

void TestDigestBuilder::selectsRanksAndExplains()
{
    const qint64 run = seedDay(RunStatus::BudgetReached);
    DigestBuilder builder(*m_db, PricingTable::builtin());
    QString error;
    const std::optional<Digest> d = builder.forRun(run, &error);
    QVERIFY2(d, qPrintable(error));
    QCOMPARE(d->day, m_day);
    QCOMPARE(d->runId, run);
    QCOMPARE(d->runStatus, u"budget"_s);
    QVERIFY(d->budgetReached);
    QCOMPARE(d->totalArxiv, 14);
    QCOMPARE(d->totalScanned, 11);

    QStringList order;
    for (const DigestPaper &p : d->papers)
        order << p.arxivId;
    // Author match first, then relevance + novelty, then relevance (9+8 beats 8+9).
    QCOMPARE(order, (QStringList{u"2609.00001"_s, u"2609.00004"_s, u"2609.00002"_s, u"2609.00012"_s}));
    QCOMPARE(d->totalRelevant, 4);
    QVERIFY(d->papers[0].authorMatch);
    QCOMPARE(d->papers[0].comment, u"Author match"_s);
    QCOMPARE(d->papers[0].followedAuthor, u"Ada Lovelace"_s);
    QVERIFY(!d->papers[0].relevance);
    QCOMPARE(d->papers[1].relevance, std::optional<int>(10));
    QCOMPARE(d->papers[1].comment, u"best"_s);
    QCOMPARE(d->papers[1].authors, QStringList{u"D"_s});

    // Unscored: the failed reply with its reason, and the papers the stopped run never reached.
    QCOMPARE(d->unscored.size(), 2);
    QCOMPARE(d->unscored[0].arxivId, u"2609.00006"_s);
    QCOMPARE(d->unscored[0].reason, u"reply was not JSON"_s);
    QCOMPARE(d->unscored[0].title, u"Model failed"_s);
    QCOMPARE(d->unscored[1].arxivId, u"2609.00007"_s);
    QVERIFY(d->unscored[1].reason.contains(u"budget"_s));

    // The prompt as sent, the papers replaced by the marker.
    const Criteria c = Criteria::defaults();
    QCOMPARE(d->systemPrompt, c.systemPrompt.trimmed());
    QVERIFY(d->userPrompt.startsWith(PromptBuilder::fixedAbstractPart(c)));
    QVERIFY(d->userPrompt.endsWith(u"[PAPER LIST HERE]"_s));

    // The same through latestForDay, and it renders.
    const std::optional<Digest> latest = builder.latestForDay(m_day);
    QVERIFY(latest);
    QCOMPARE(*latest, *d);
    const QString md = MarkdownWriter::write(*d);
    QVERIFY(md.contains(u"Total relevant papers: 4"_s));
    QVERIFY(md.contains(u"## 2. [Best](https://arxiv.org/abs/2609.00004)"_s));
}

void TestDigestBuilder::usageOfEveryRunOfTheDay()
{
    const qint64 first = seedDay(RunStatus::Failed);
    const qint64 second = DbFixture::addRun(*m_db, m_day, m_criteria, u"gpt-5"_s,
                                            RunRepository(*m_db).find(first)->settingsJson);
    const qint64 otherDay = DbFixture::addRun(*m_db, m_day.addDays(-1), m_criteria, u"gpt-5"_s);
    DbFixture::addRequest(*m_db, first, u"gpt-5"_s, 1'000'000, 200'000, 100'000, 80'000, 0);
    DbFixture::addRequest(*m_db, second, u"gpt-5"_s, 1'000'000, 0, 100'000, 0, 0);
    DbFixture::addRequest(*m_db, second, u"gpt-5-mini"_s, 10, 0, 5, 0, 0);
    DbFixture::addRequest(*m_db, otherDay, u"gpt-5"_s, 5'000'000, 0, 0, 0, 0);

    const std::optional<Digest> d = DigestBuilder(*m_db, PricingTable::builtin()).forRun(second);
    QVERIFY(d);
    QCOMPARE(d->usage.size(), 2);
    const DigestModelUsage &u = d->usage[0];
    QCOMPARE(u.model, u"gpt-5"_s);
    QCOMPARE(u.requests, 2);
    QCOMPARE(u.promptTokens, 2'000'000);
    QCOMPARE(u.cachedTokens, 200'000);
    QCOMPARE(u.completionTokens, 200'000);
    QCOMPARE(u.reasoningTokens, 80'000);
    QVERIFY(u.priceKnown);
    // gpt-5: 1.25 input, 0.125 cached, 10 output per million.
    QVERIFY(qAbs(u.promptCostUsd - (1.8 * 1.25 + 0.2 * 0.125)) < 1e-9);
    QVERIFY(qAbs(u.completionCostUsd - 2.0) < 1e-9);
    QCOMPARE(d->usage[1].model, u"gpt-5-mini"_s);
    QCOMPARE(d->usage[1].requests, 1);
    // A run that did not finish says so in the digest.
    QCOMPARE(d->runStatus, u"finished"_s); // the second run row (fixture) is finished
    const std::optional<Digest> firstDigest = DigestBuilder(*m_db, PricingTable::builtin()).forRun(first);
    QCOMPARE(firstDigest->runStatus, u"failed"_s);
    QVERIFY(firstDigest->unscored.last().reason.contains(u"did not reach"_s));
}

void TestDigestBuilder::unknownPriceAndMissingRun()
{
    const qint64 run = seedDay(RunStatus::Finished);
    DbFixture::addRequest(*m_db, run, u"my-local-llama"_s, 100, 0, 10, 0, 0);
    const std::optional<Digest> d = DigestBuilder(*m_db, PricingTable::builtin()).forRun(run);
    QVERIFY(d);
    QCOMPARE(d->usage.size(), 1);
    QVERIFY(!d->usage[0].priceKnown);
    QVERIFY(MarkdownWriter::write(*d).contains(u"n/a"_s));

    QString error;
    QVERIFY(!DigestBuilder(*m_db, PricingTable::builtin()).forRun(9999, &error));
    QVERIFY(error.contains(u"9999"_s));
    QVERIFY(!DigestBuilder(*m_db, PricingTable::builtin()).latestForDay(QDate(2020, 1, 1), &error));
    QVERIFY(error.contains(u"2020-01-01"_s));
}

void TestDigestBuilder::oldRunKeepsItsOwnSettings()
{
    seedDay(RunStatus::Finished);
    // A later run with stricter cutoffs and only cs.LG: the cs.AI cross-list and 9/8 drop out.
    RunSettings strict;
    strict.categories = {u"cs.LG"_s};
    strict.announceTypes = {u"new"_s};
    strict.model = u"gpt-5"_s;
    strict.relevanceCutoff = 9;
    strict.noveltyCutoff = 9;
    const qint64 run = DbFixture::addRun(*m_db, m_day, m_criteria, u"gpt-5"_s, strict.toJson());
    const std::optional<Digest> d = DigestBuilder(*m_db, PricingTable::builtin()).forRun(run);
    QVERIFY(d);
    QStringList order;
    for (const DigestPaper &p : d->papers)
        order << p.arxivId;
    QCOMPARE(order, QStringList{u"2609.00001"_s});
    QCOMPARE(d->relevanceCutoff, 9);
    QCOMPARE(d->categories, QStringList{u"cs.LG"_s});
    QCOMPARE(RunSettings::fromJson(strict.toJson()), strict);
    QCOMPARE(RunSettings::fromJson(u"not json"_s).relevanceCutoff, 8);
}

QTEST_GUILESS_MAIN(TestDigestBuilder)
#include "tst_digestbuilder.moc"
