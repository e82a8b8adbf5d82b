// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbfixture.h"
#include "digest/digestbuilder.h"
#include "fakearxivserver.h"
#include "fakellmserver.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "pipeline/dailyrun.h"
#include "settings/appsettings.h"
#include "storage/database.h"
#include "testdata.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLockFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

// DailyRun in-process, against the fake arXiv, LLM and Semantic Scholar servers.
class TestDailyRun : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fullRunFillsTheSummaryAndTheRunsRow();
    void hIndexStageThroughSemanticScholar();
    void budgetAlreadySpentSendsNothing();
    void budgetStopsTheExpensiveStage();
    void cancelMidScoringKeepsWhatWasPaidFor();
    void cancelDuringTheFeed();
    void noAnnouncementIsNotAnError();
    void noApiKey();
    void arxivDown();
    void secondRunOnTheSameDatabaseIsRefused();
    void hungRunGivesUpItsLockAtTheDeadline();
    void overBudgetEstimateCanBeAskedFirst();

private:
    RunSummary runDay(DailyRun &run, int timeoutMs = 15000);
    std::unique_ptr<DailyRun> makeRun(const QString &key = QStringLiteral("sk-test"));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<FakeArxivServer> m_arxiv;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<HttpClient> m_http;
    PricingTable m_prices = PricingTable::builtin();
    QList<FeedItem> m_items;
    const QDate m_day{2025, 10, 7};
};

void TestDailyRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(u"p.sqlite"_s));
    QVERIFY(m_db->open());
    m_arxiv = std::make_unique<FakeArxivServer>();
    QVERIFY(m_arxiv->listen());
    m_arxiv->exportEnvironment();
    m_llm = std::make_unique<FakeLlmServer>();
    QVERIFY(m_llm->listen());
    qputenv("PAPERSIEVE_LLM_BASE_URL", m_llm->openAiBaseUrl().toString().toUtf8());
    const QList<QByteArray> lines = TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s).split('\n');
    m_items = m_arxiv->loadDayJsonl(lines.mid(0, 24).join('\n'), m_day);
    m_ini = std::make_unique<QSettings>(m_dir->filePath(u"s.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(*m_ini);
    m_settings->setArxivRequestSpacingMs(10);
    m_settings->setConcurrency(2);
    m_settings->setTitleBatchSize(8);
    m_settings->setAbstractBatchSize(4);
    m_http = std::make_unique<HttpClient>();
}

void TestDailyRun::cleanup()
{
    m_http.reset();
    m_settings.reset();
    m_ini.reset();
    m_llm.reset();
    FakeArxivServer::clearEnvironment();
    qunsetenv("PAPERSIEVE_LLM_BASE_URL");
    m_arxiv.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<DailyRun> TestDailyRun::makeRun(const QString &key)
{
    auto run = std::make_unique<DailyRun>(*m_db, *m_http, *m_settings, m_prices);
    run->setApiKey(key);
    RetryPolicy fast;
    fast.baseDelayMs = 10;
    fast.maxDelayMs = 50;
    fast.maxAttempts = 2;
    run->setRetryPolicy(fast);
    run->setS2SpacingMs(0);
    return run;
}

RunSummary TestDailyRun::runDay(DailyRun &run, int timeoutMs)
{
    QSignalSpy done(&run, &DailyRun::finished);
    run.start();
    if (!done.wait(timeoutMs))
        return {};
    QTest::qWait(0);
    if (done.size() != 1)
        qWarning("finished %d times", int(done.size()));
    return done.first().first().value<RunSummary>();
}

void TestDailyRun::fullRunFillsTheSummaryAndTheRunsRow()
{
    auto run = makeRun();
    QList<RunStage> stages;
    connect(run.get(), &DailyRun::progress, this, [&](RunStage stage, int, int) {
        if (!stages.contains(stage))
            stages << stage;
    });
    const RunSummary s = runDay(*run);
    QVERIFY2(s.succeeded(), qPrintable(s.error));
    QVERIFY(s.runId > 0);
    QCOMPARE(s.day, m_day);
    QCOMPARE(s.ingest.announced, 24);
    QCOMPARE(s.ingest.kept, 24);
    QCOMPARE(s.selection.considered, 24);
    QVERIFY(s.selection.requests > 0);
    QVERIFY(s.costUsd > 0);
    QVERIFY(s.priceKnown);
    QVERIFY(stages.contains(RunStage::Feed));
    QVERIFY(stages.contains(RunStage::Scoring));
    const std::optional<Digest> d = DigestBuilder(*m_db, m_prices).forRun(s.runId);
    QVERIFY(d);
    QCOMPARE(s.relevant, d->totalRelevant);
    if (!d->papers.isEmpty()) {
        QCOMPARE(s.topArxivId, d->papers.first().arxivId);
        QCOMPARE(s.topTitle, d->papers.first().title);
    }
    QCOMPARE(d->totalArxiv, 24);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE status = 'finished' AND day = '2025-10-07' "
                                      "AND announced = 24 AND scanned = 24 AND relevant = %1 AND criteria_id > 0 "
                                      "AND model = 'gpt-5'"_s.arg(s.relevant)),
             1);
    // The metadata completed alongside.
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 24);
    // Settings snapshot without secrets.
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE settings_json LIKE '%sk-test%'"_s), 0);
}

void TestDailyRun::hIndexStageThroughSemanticScholar()
{
    FakeHttpServer s2;
    QVERIFY(s2.listen());
    // Semantic Scholar knows every paper; each has one author, h-index 1 for half of them.
    s2.route("POST", "/graph/v1/paper/batch", [](const FakeRequest &r) {
        QJsonArray answer;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.body).object().value(u"ids"_s).toArray()) {
            const QString id = v.toString();
            answer.append(QJsonObject{{u"paperId"_s, id}, {u"authors"_s, QJsonArray()}});
        }
        return FakeResponse::json(QJsonDocument(answer).toJson());
    });
    m_settings->setS2ApiUrl(s2.url(u"/graph/v1"_s).toString());
    m_settings->setHIndexFilterEnabled(true);
    m_settings->setFollowedAuthors({m_items.at(0).paper.authors.first().name});
    auto run = makeRun();
    run->setS2ApiKey(u"s2-key"_s);
    const RunSummary s = runDay(*run);
    QVERIFY2(s.succeeded(), qPrintable(s.error));
    QVERIFY(s2.requestCount() >= 1);
    QCOMPARE(s2.requests().first().headers.value("x-api-key"), QByteArray("s2-key"));
    // No author identified: nothing can be justified as dropped; the followed author's paper is selected.
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM scores WHERE stage = 'hindex' AND status = 'kept'"_s), 23);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM scores WHERE stage = 'author' AND status = 'kept'"_s), 1);
    QVERIFY(!m_llm->abstractIdsSent().contains(m_items.at(0).paper.arxivId));
    const std::optional<Digest> d = DigestBuilder(*m_db, m_prices).forRun(s.runId);
    QCOMPARE(d->papers.first().arxivId, m_items.at(0).paper.arxivId);
    QVERIFY(d->papers.first().authorMatch);
}

void TestDailyRun::budgetAlreadySpentSendsNothing()
{
    const qint64 criteria = DbFixture::addCriteria(*m_db, u"earlier"_s);
    const qint64 earlier = DbFixture::addRun(*m_db, QDate::currentDate(), criteria, u"gpt-5"_s);
    DbFixture::addRequest(*m_db, earlier, u"gpt-5"_s, 10, 0, 10, 0, 0.75);
    m_settings->setDailyBudgetUsd(0.5);
    auto run = makeRun();
    QStringList notices;
    connect(run.get(), &DailyRun::notice, this, [&](const QString &n) { notices << n; });
    const RunSummary s = runDay(*run);
    QVERIFY(s.error.isEmpty());
    QVERIFY(s.budgetReached);
    QVERIFY(!s.succeeded() || s.budgetReached);
    QCOMPARE(m_llm->callCount(), 0);
    QVERIFY(notices.join(u'\n').contains(u"budget"_s));
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE id = %1 AND status = 'budget'"_s.arg(s.runId)), 1);
    const std::optional<Digest> d = DigestBuilder(*m_db, m_prices).forRun(s.runId);
    QVERIFY(d->budgetReached);
    QCOMPARE(d->unscored.size(), 24); // every paper listed, with the reason
    QVERIFY(d->unscored.first().reason.contains(u"budget"_s));
}

void TestDailyRun::budgetStopsTheExpensiveStage()
{
    m_settings->setDailyBudgetUsd(0.0005); // a request or two at gpt-5 prices
    m_llm->setReasoningTokensPerPaper(100);
    auto run = makeRun();
    const RunSummary s = runDay(*run);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY(s.budgetReached);
    QVERIFY(s.selection.budgetReached);
    QVERIFY(s.costUsd <= 0.0005 * 1.5);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE status = 'budget'"_s), 1);
    const std::optional<Digest> d = DigestBuilder(*m_db, m_prices).forRun(s.runId);
    QVERIFY(d->budgetReached);
    QVERIFY(!d->unscored.isEmpty());
}

void TestDailyRun::cancelMidScoringKeepsWhatWasPaidFor()
{
    m_llm->setLatencyMs(150);
    m_settings->setConcurrency(1);
    auto run = makeRun();
    QSignalSpy done(run.get(), &DailyRun::finished);
    connect(m_llm.get(), &FakeLlmServer::callReceived, this, [&](const FakeLlmCall &c) {
        if (c.stage == FakeLlmCall::Stage::Abstract && m_llm->callCount(FakeLlmCall::Stage::Abstract) == 2)
            QTimer::singleShot(200, run.get(), [&] { run->cancel(); });
    });
    run->start();
    QVERIFY(done.wait(15000));
    QTest::qWait(50);
    QCOMPARE(done.size(), 1);
    const RunSummary s = done.first().first().value<RunSummary>();
    QVERIFY(s.cancelled);
    QVERIFY(!s.succeeded());
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE status = 'cancelled'"_s), 1);
    const int scored = DbFixture::count(*m_db, u"SELECT COUNT(*) FROM scores WHERE stage = 'abstract' AND status = 'scored'"_s);
    QVERIFY(scored >= 4);
    QVERIFY(scored < 24);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM llm_requests WHERE stage = 'abstract' AND status = 'ok'"_s),
             scored / 4);
}

void TestDailyRun::cancelDuringTheFeed()
{
    FakeResponse slow = FakeResponse::xml(FakeArxivServer::buildRss(m_day, {u"cs.LG"_s, u"cs.AI"_s}, m_items));
    slow.delayMs = 3000;
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, slow);
    auto run = makeRun();
    QSignalSpy done(run.get(), &DailyRun::finished);
    run->start();
    QTRY_COMPARE(m_arxiv->http().requestCount(), 1);
    run->cancel();
    QVERIFY(done.wait(2000)); // well before the feed would have come
    QTest::qWait(20);
    QCOMPARE(done.size(), 1);
    const RunSummary s = done.first().first().value<RunSummary>();
    QVERIFY(s.cancelled);
    QCOMPARE(m_llm->callCount(), 0);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE status = 'cancelled'"_s), 1);
}

void TestDailyRun::noAnnouncementIsNotAnError()
{
    m_arxiv->setNoAnnouncement(QDate(2025, 10, 11));
    auto run = makeRun();
    const RunSummary s = runDay(*run);
    QVERIFY2(s.succeeded(), qPrintable(s.error));
    QVERIFY(s.noAnnouncement);
    QCOMPARE(m_llm->callCount(), 0);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE status = 'finished'"_s), 1);
}

void TestDailyRun::noApiKey()
{
    auto run = makeRun(QString());
    const RunSummary s = runDay(*run);
    QVERIFY(s.error.contains(u"OPENAI_API_KEY"_s));
    QCOMPARE(s.runId, 0);
    QCOMPARE(m_arxiv->http().requestCount(), 0);
}

void TestDailyRun::arxivDown()
{
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, FakeResponse::text("down", 503));
    auto run = makeRun();
    const RunSummary s = runDay(*run, 20000);
    QVERIFY(!s.succeeded());
    QVERIFY2(s.error.contains(u"503"_s), qPrintable(s.error));
    QCOMPARE(m_llm->callCount(), 0);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE status = 'failed'"_s), 1);
}

void TestDailyRun::secondRunOnTheSameDatabaseIsRefused()
{
    // Another process (cron) on the same file: its own Database object and its own lock attempt.
    m_llm->setLatencyMs(100);
    auto first = makeRun();
    QSignalSpy firstDone(first.get(), &DailyRun::finished);
    first->start();
    QTRY_VERIFY(m_arxiv->http().requestCount() >= 1);

    Database other(m_db->filePath());
    QVERIFY(other.open());
    DailyRun second(other, *m_http, *m_settings, m_prices);
    second.setApiKey(u"sk-test"_s);
    QSignalSpy secondDone(&second, &DailyRun::finished);
    second.start();
    QVERIFY(secondDone.wait(5000));
    const RunSummary refused = secondDone.first().first().value<RunSummary>();
    QVERIFY2(refused.error.contains(u"Another PaperSieve run"_s), qPrintable(refused.error));
    QCOMPARE(refused.runId, 0);

    QVERIFY(firstDone.wait(15000));
    const RunSummary s = firstDone.first().first().value<RunSummary>();
    QVERIFY2(s.succeeded(), qPrintable(s.error)); // never marked interrupted by the refused one
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM runs WHERE status = 'finished'"_s), 1);

    // The lock is released at the end: the next run goes.
    auto third = makeRun();
    QVERIFY2(runDay(*third).succeeded(), "a run after the first one finished");
}

void TestDailyRun::hungRunGivesUpItsLockAtTheDeadline()
{
    // The LLM reads every request and never answers (its transfer timeout is minutes away).
    m_llm->setFaultRule([](const FakeLlmCall &) { return FakeLlmServer::Fault::Stall; });
    auto run = makeRun();
    run->setDeadlineMs(1500);
    QSignalSpy finished(run.get(), &DailyRun::finished);
    QElapsedTimer clock;
    clock.start();
    run->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_llm->http().requestCount() > 0, 10000);
    // While it runs, the lock is held ...
    QLockFile other(DailyRun::runLockPath(m_db->filePath()));
    QVERIFY(!other.tryLock(0));
    // ... and not past the deadline.
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(DailyRun::runLockPath(m_db->filePath())), 4000);
    QVERIFY(other.tryLock(0));
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    other.unlock();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 8000);
    const auto s = finished.first().first().value<RunSummary>();
    QCOMPARE(s.outcome(), RunOutcome::Failed);
    QVERIFY2(s.error.contains(u"did not end within"_s), qPrintable(s.error));
}

void TestDailyRun::overBudgetEstimateCanBeAskedFirst()
{
    m_settings->setDailyBudgetUsd(0.0001);
    auto run = makeRun();
    run->setOverBudgetPolicy(DailyRun::OverBudget::Ask);
    QSignalSpy estimate(run.get(), &DailyRun::estimateReady);
    QSignalSpy ask(run.get(), &DailyRun::confirmationNeeded);
    QSignalSpy finished(run.get(), &DailyRun::finished);
    run->start();
    QTRY_COMPARE_WITH_TIMEOUT(ask.count(), 1, 10000);
    QCOMPARE(estimate.count(), 1);
    const auto e = ask.first().first().value<RunEstimate>();
    QVERIFY(e.exceedsBudget());
    QCOMPARE(e.budgetUsd, 0.0001);
    QTest::qWait(100);
    QCOMPARE(m_llm->callCount(), 0); // nothing sent while it waits
    run->confirmEstimate(false);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const auto s = finished.first().first().value<RunSummary>();
    QVERIFY(s.refusedOverBudget);
    QCOMPARE(s.outcome(), RunOutcome::PartlyScored);
    QCOMPARE(m_llm->callCount(), 0);
}

QTEST_GUILESS_MAIN(TestDailyRun)
#include "tst_dailyrun.moc"
