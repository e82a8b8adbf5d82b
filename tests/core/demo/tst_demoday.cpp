// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demoday.h"
#include "demo/demolibrary.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"
#include "storage/runhistory.h"
#include "text/costformat.h"
#include "domain/digestrule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestDemoDay : public QObject
{
    Q_OBJECT

private slots:
    void resourceLoads();
    void libraryHoldsTheReferenceDay();
    void papersKeepTheDigestOrderAndTexts();
    void runCarriesTheReferenceTokenTable();
    void neverUsesTheUsersDatabase();
    void brokenFileIsRefused();

private:
    static QJsonArray referencePapers();
};

QJsonArray TestDemoDay::referencePapers()
{
    QFile f(DemoDay::resourcePath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"papers"_s).toArray();
}

void TestDemoDay::resourceLoads()
{
    DemoDay demo;
    QString error;
    QVERIFY2(demo.load(DemoDay::resourcePath(), &error), qPrintable(error));
    QCOMPARE(demo.day(), QDate(2025, 10, 7));
    QCOMPARE(demo.model(), u"gpt-5"_s);
    QCOMPARE(demo.paperCount(), 70);
    QCOMPARE(demo.announced(), 1350);
    QCOMPARE(demo.scanned(), 866);
    QVERIFY(demo.criteria().topics.contains(u"Mixture-of-Experts"_s));
}

void TestDemoDay::libraryHoldsTheReferenceDay()
{
    DemoLibrary demo;
    QString error;
    QVERIFY2(demo.open(&error), qPrintable(error));
    LibraryRepository repo(demo.database());
    const QList<LibraryDay> days = repo.days(DigestRule(8, 7));
    QCOMPARE(days.size(), 1);
    QCOMPARE(days.first().day, QDate(2025, 10, 7));
    QCOMPARE(days.first().papers, 70);
    QCOMPARE(days.first().scored, 70);
    QCOMPARE(days.first().relevant, 70); // every paper of the digest meets the reference's 8 / 7 cutoffs
    QCOMPARE(days.first().runs, 1);
    QCOMPARE(days.first().lastRunStatus, u"finished"_s);
    QCOMPARE(CostFormat::usd(days.first().costUsd), u"$1.21"_s);
}

void TestDemoDay::papersKeepTheDigestOrderAndTexts()
{
    DemoLibrary demo;
    QVERIFY(demo.open());
    LibraryRepository repo(demo.database());
    const QList<LibraryPaper> rows = repo.papersForDay(demo.day());
    QCOMPARE(rows.size(), 70);
    const QJsonArray ref = referencePapers();
    QCOMPARE(ref.size(), 70);
    QHash<QString, LibraryPaper> byId;
    for (const LibraryPaper &p : rows)
        byId.insert(p.arxivId, p);
    for (const QJsonValue &v : ref) {
        const QJsonObject o = v.toObject();
        QString id = o.value(u"arxivId"_s).toString();
        id = id.section(u'v', 0, 0);
        QVERIFY2(byId.contains(id), qPrintable(id));
        const LibraryPaper &p = byId.value(id);
        QCOMPARE(p.title, o.value(u"title"_s).toString());
        QCOMPARE(p.relevance, o.value(u"relevance"_s).toInt());
        QCOMPARE(p.novelty, o.value(u"novelty"_s).toInt());
        QCOMPARE(p.primaryCategory, o.value(u"primaryCategory"_s).toString());
    }
    // The detail of the first paper: abstract and the model's comment as in the digest.
    const QJsonObject first = ref.first().toObject();
    const auto detail = repo.paper(byId.value(first.value(u"arxivId"_s).toString().section(u'v', 0, 0)).id);
    QVERIFY(detail.has_value());
    QCOMPARE(detail->abstract, first.value(u"abstract"_s).toString());
    QCOMPARE(detail->llmComment, first.value(u"llmComment"_s).toString());
    QCOMPARE(detail->scoreModel, u"gpt-5"_s);
    // Full-text search works on the demo library too.
    QVERIFY(!repo.search(u"ternarization"_s).isEmpty());
}

void TestDemoDay::runCarriesTheReferenceTokenTable()
{
    DemoLibrary demo;
    QVERIFY(demo.open());
    RunHistory repo(demo.database());
    const QList<LibraryRun> runs = repo.runs();
    QCOMPARE(runs.size(), 1);
    const LibraryRun &run = runs.first();
    QCOMPARE(run.announced, 1350);
    QCOMPARE(run.scanned, 866);
    QCOMPARE(run.relevant, 70);
    QCOMPARE(run.status, u"finished"_s);
    QCOMPARE(run.usage.size(), 1);
    QCOMPARE(run.usage.first().model, u"gpt-5"_s);
    QCOMPARE(run.usage.first().promptTokens, 109658);
    QCOMPARE(run.usage.first().completionTokens, 106795);
    QCOMPARE(CostFormat::usd(run.costUsd()), u"$1.21"_s);
    QCOMPARE(repo.requestsForRun(run.id).size(), 1);
}

void TestDemoDay::neverUsesTheUsersDatabase()
{
    DemoLibrary demo;
    QVERIFY(demo.open());
    QVERIFY(demo.database().filePath() != Database::defaultFilePath());
    QVERIFY(demo.database().filePath().startsWith(QDir::tempPath()));
}

void TestDemoDay::brokenFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": 1, \"day\": \"2025-10-07\", \"papers\": [");
    f.close();
    DemoDay demo;
    QString error;
    QVERIFY(!demo.load(path, &error));
    QVERIFY(error.contains(u"not valid JSON"_s));
    QVERIFY(!demo.load(dir.filePath(u"missing.json"_s), &error));
    QVERIFY(error.contains(u"Cannot read"_s));
}

QTEST_GUILESS_MAIN(TestDemoDay)
#include "tst_demoday.moc"
