// SPDX-License-Identifier: GPL-3.0-or-later
// The three repositories selection writes: criteria versions, scores, LLM requests (real SQLite).
#include "selectionfixture.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/llmrequestrepository.h"
#include "storage/migrator.h"
#include "storage/scorerepository.h"
#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
Score score(const QString &id, qint64 criteria, ScoreStatus status, int rel = 0, int nov = 0, int version = 1)
{
    Score s;
    s.arxivId = id;
    s.paperVersion = version;
    s.criteriaId = criteria;
    s.model = u"gpt-5"_s;
    s.stage = ScoreStage::Abstract;
    s.status = status;
    s.relevance = rel;
    s.novelty = nov;
    return s;
}

LlmRequestRecord request(qint64 run, const QString &stage)
{
    LlmRequestRecord r;
    r.runId = run;
    r.stage = stage;
    r.provider = u"openai"_s;
    r.model = u"gpt-5"_s;
    r.status = u"ok"_s;
    return r;
}
} // namespace

class TestSelectionStorage : public QObject
{
    Q_OBJECT

private slots:
    void criteriaVersions();
    void scoresKeepRealAnswers();
    void requestsAndTotals();
    void requestsKeepTheirServiceTier();
    void requestsWrittenBeforeTiersReadAsStandard();
    void rollbackLeavesNothing();
    void readErrorsAreNotEmptyAnswers();
};

void TestSelectionStorage::criteriaVersions()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    CriteriaRepository repo(fx.db());
    Criteria c = Criteria::defaults();
    const qint64 a = repo.saveIfNew(c);
    QVERIFY(a > 0);
    QCOMPARE(repo.saveIfNew(c), a);
    QCOMPARE(repo.load(a).value(), c);
    c.topics = u"## Relevant Topics\n\n1. Graph neural networks"_s;
    const qint64 b = repo.saveIfNew(c);
    QVERIFY(b != a);
    QCOMPARE(repo.findByHash(c.contentHash()), b);
    QCOMPARE(repo.versions().size(), 2);
    QCOMPARE(repo.latest()->id, b);
    QCOMPARE(repo.latest()->topicsPreview, u"1. Graph neural networks"_s);
    QVERIFY(!repo.load(999));
}

void TestSelectionStorage::scoresKeepRealAnswers()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(3);
    const qint64 criteria = CriteriaRepository(fx.db()).saveIfNew(Criteria::defaults());
    ScoreRepository repo(fx.db());
    const QStringList ids = SelectionFixture::ids(papers);
    QString error;
    Score unscored = score(ids[0], criteria, ScoreStatus::Unscored);
    unscored.reason = u"the reply did not score it"_s;
    QVERIFY2(repo.save({score(ids[1], criteria, ScoreStatus::Scored, 9, 8), unscored}, 0, 0, &error), qPrintable(error));
    auto existing = repo.existing(criteria, u"gpt-5"_s, ScoreStage::Abstract, ids).value();
    QCOMPARE(existing.size(), 2);
    QCOMPARE(existing.value(ids[0]).reason, u"the reply did not score it"_s);
    QCOMPARE(existing.value(ids[1]).relevance, 9);

    // An unscored row is replaced by a later answer; a real answer is never overwritten.
    QVERIFY(repo.save({score(ids[0], criteria, ScoreStatus::Scored, 5, 4), score(ids[1], criteria, ScoreStatus::Scored, 1, 1)}, 0, 0));
    existing = repo.existing(criteria, u"gpt-5"_s, ScoreStage::Abstract, ids).value();
    QCOMPARE(existing.value(ids[0]).status, ScoreStatus::Scored);
    QCOMPARE(existing.value(ids[0]).relevance, 5);
    QCOMPARE(existing.value(ids[1]).relevance, 9);
    // Other model, other stage: separate.
    QVERIFY(repo.existing(criteria, u"gpt-5-mini"_s, ScoreStage::Abstract, ids)->isEmpty());
    QVERIFY(repo.existing(criteria, u"gpt-5"_s, ScoreStage::TitleFilter, ids)->isEmpty());
    // A paper not in the database is an error, with its id in the message.
    QVERIFY(!repo.save({score(u"2510.99999"_s, criteria, ScoreStatus::Scored, 5, 5)}, 0, 0, &error));
    QVERIFY(error.contains(u"2510.99999"_s));
    // Scores of an older version do not count for the current one.
    QList<Paper> v2 = {papers[2]};
    v2[0].version = 2;
    QVERIFY(repo.save({score(ids[2], criteria, ScoreStatus::Scored, 7, 7, 1)}, 0, 0));
    QVERIFY(repo.existing(criteria, u"gpt-5"_s, ScoreStage::Abstract, {ids[2]})->contains(ids[2]));
    QVERIFY(fx.store(v2));
    QVERIFY(!repo.existing(criteria, u"gpt-5"_s, ScoreStage::Abstract, {ids[2]})->contains(ids[2]));
    QCOMPARE(fx.count(u"SELECT COUNT(*) FROM scores WHERE paper_version = 1"_s), 3); // kept, not deleted
    // Round trip of names.
    for (ScoreStage s : {ScoreStage::AuthorMatch, ScoreStage::HIndex, ScoreStage::TitleFilter, ScoreStage::Abstract})
        QCOMPARE(ScoreRepository::stageFromString(ScoreRepository::stageToString(s)), s);
    for (ScoreStatus s : {ScoreStatus::Scored, ScoreStatus::Kept, ScoreStatus::Dropped, ScoreStatus::Unscored})
        QCOMPARE(ScoreRepository::statusFromString(ScoreRepository::statusToString(s)), s);
}

void TestSelectionStorage::requestsAndTotals()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const qint64 run = fx.newRun(u"gpt-5"_s);
    LlmRequestRepository repo(fx.db());
    LlmRequestRecord r = request(run, u"title"_s);
    r.started = QDateTime(QDate(2025, 10, 7), QTime(6, 0), QTimeZone::utc());
    r.usage = {1000, 200, 50, 10};
    r.costUsd = 0.002;
    r.httpStatus = 200;
    QString error;
    QVERIFY2(repo.insert(r, &error) > 0, qPrintable(error)); // error text null: stored as ''
    r.stage = u"abstract"_s;
    r.usage = {3000, 0, 400, 0};
    r.costUsd = 0.008;
    r.status = u"timeout"_s;
    r.httpStatus = 0;
    r.error = u"no answer"_s;
    QVERIFY(repo.insert(r) > 0);
    r.model = u"gpt-5-mini"_s;
    r.started = r.started.addDays(1);
    QVERIFY(repo.insert(r) > 0);

    const QList<LlmRequestRecord> rows = repo.forRun(run);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[1].status, u"timeout"_s);
    QCOMPARE(rows[1].httpStatus, 0);
    QCOMPARE(rows[1].error, u"no answer"_s);
    QCOMPARE(rows[0].usage, (LlmUsage{1000, 200, 50, 10}));
    const QList<LlmModelTotals> totals = repo.totalsForRun(run);
    QCOMPARE(totals.size(), 2);
    QCOMPARE(totals[0].model, u"gpt-5"_s);
    QCOMPARE(totals[0].requests, 2);
    QCOMPARE(totals[0].usage.promptTokens, 4000);
    QCOMPARE(totals[0].costUsd, 0.010);
    const QDateTime day(QDate(2025, 10, 7), QTime(0, 0), QTimeZone::utc());
    QCOMPARE(repo.costBetween(day, day.addDays(1)), 0.010);
    QCOMPARE(repo.costBetween(day, day.addDays(2)), 0.018);
}

void TestSelectionStorage::requestsKeepTheirServiceTier()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const qint64 run = fx.newRun(u"gpt-5"_s);
    LlmRequestRepository repo(fx.db());
    LlmRequestRecord r = request(run, u"abstract"_s);
    r.usage = {1000, 0, 100, 0};
    r.serviceTier = u"flex"_s;
    QVERIFY(repo.insert(r) > 0);
    QVERIFY(repo.insert(r) > 0);
    r.serviceTier = u"standard"_s;
    QVERIFY(repo.insert(r) > 0);

    const QList<LlmRequestRecord> rows = repo.forRun(run);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].serviceTier, u"flex"_s);
    QCOMPARE(rows[2].serviceTier, u"standard"_s);
    // One totals row per model and tier, so each is priced at the rates that were paid.
    const QList<LlmModelTotals> totals = repo.totalsForRun(run);
    QCOMPARE(totals.size(), 2);
    QCOMPARE(totals[0].serviceTier, u"flex"_s);
    QCOMPARE(totals[0].requests, 2);
    QCOMPARE(totals[1].serviceTier, u"standard"_s);
    QCOMPARE(totals[1].usage.promptTokens, 1000);
}

void TestSelectionStorage::requestsWrittenBeforeTiersReadAsStandard()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v2.sqlite"_s);
    {
        // A database as schema v2 left it, with a request row.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QList<MigrationStep> steps = Migrator::builtinSteps();
        steps.erase(std::remove_if(steps.begin(), steps.end(), [](const MigrationStep &s) { return s.version > 2; }),
                    steps.end());
        QString error;
        QVERIFY2(Migrator(steps).migrate(db, path, &error), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"INSERT INTO llm_requests (stage, provider, model, started, prompt_tokens, cost_usd, status) "
                        u"VALUES ('title', 'openai', 'gpt-5', '2025-10-07T06:00:00.000Z', 500, 0.001, 'ok')"_s),
                 qPrintable(q.lastError().text()));
        q.finish();
        QCOMPARE(Migrator::userVersion(db), 2);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v2"_s);

    Database db(path);
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QVERIFY(db.schemaVersion() >= 3);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"SELECT service_tier, prompt_tokens FROM llm_requests"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"standard"_s);
    QCOMPARE(q.value(1).toInt(), 500);
}

void TestSelectionStorage::rollbackLeavesNothing()
{
    // SelectionRun writes a request row and its scores in one transaction: all or nothing.
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(1);
    const qint64 criteria = CriteriaRepository(fx.db()).saveIfNew(Criteria::defaults());
    {
        Transaction tx(fx.db().connection());
        LlmRequestRecord r;
        r.stage = u"abstract"_s;
        r.provider = u"openai"_s;
        r.model = u"gpt-5"_s;
        r.status = u"ok"_s;
        const qint64 id = LlmRequestRepository(fx.db()).insert(r);
        QVERIFY(id > 0);
        QVERIFY(ScoreRepository(fx.db()).save({score(papers[0].arxivId, criteria, ScoreStatus::Scored, 8, 8)}, 0, id));
        QVERIFY(!ScoreRepository(fx.db()).save({score(u"2510.99999"_s, criteria, ScoreStatus::Scored, 8, 8)}, 0, id));
        // no commit: the failure rolls everything back
    }
    QCOMPARE(fx.count(u"SELECT COUNT(*) FROM llm_requests"_s), 0);
    QCOMPARE(fx.count(u"SELECT COUNT(*) FROM scores"_s), 0);
}

// M3: a look-up that fails must not read as "no earlier answers" (every paper would be paid again) nor a
// cost query as "nothing spent" (the budget would fail open). The tables are dropped through a second
// connection, as another process could, so the failure is SQLite's own.
void TestSelectionStorage::readErrorsAreNotEmptyAnswers()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(2);
    const qint64 criteria = CriteriaRepository(fx.db()).saveIfNew(Criteria::defaults());
    ScoreRepository scores(fx.db());
    QVERIFY(scores.save({score(papers[0].arxivId, criteria, ScoreStatus::Scored, 9, 8)}, 0, 0));
    QVERIFY(scores.existing(criteria, u"gpt-5"_s, ScoreStage::Abstract, SelectionFixture::ids(papers)).has_value());
    LlmRequestRepository requests(fx.db());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool ok = false;
    QCOMPARE(requests.costBetween(now.addDays(-1), now.addDays(1), &ok), 0.0);
    QVERIFY(ok);
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"saboteur"_s);
        other.setDatabaseName(fx.db().filePath());
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY2(q.exec(u"PRAGMA foreign_keys = OFF"_s), qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(u"DROP TABLE scores"_s), qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(u"DROP TABLE llm_requests"_s), qPrintable(q.lastError().text()));
        other.close();
    }
    QSqlDatabase::removeDatabase(u"saboteur"_s);
    QVERIFY(!scores.existing(criteria, u"gpt-5"_s, ScoreStage::Abstract, SelectionFixture::ids(papers)));
    QVERIFY(!scores.errorString().isEmpty());
    bool read = true;
    scores.forPapers(criteria, u"gpt-5"_s, SelectionFixture::ids(papers), &read);
    QVERIFY(!read);
    QVERIFY(std::isinf(requests.costBetween(now.addDays(-1), now.addDays(1), &ok)));
    QVERIFY(!ok);
}

QTEST_GUILESS_MAIN(TestSelectionStorage)
#include "tst_selectionstorage.moc"
