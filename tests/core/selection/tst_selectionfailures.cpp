// SPDX-License-Identifier: GPL-3.0-or-later
// Run-level failures (issue 12): a provider that refuses every request (404, 400), cannot be reached,
// or is down must end the run with the first cause and its kind after a few requests, not fail every
// batch in turn; a failed pre-filter lets no paper through to the abstract stage and stores nothing
// a later run would skip. Real SQLite, real HTTP to FakeLlmServer.
#include "fakellmserver.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "selection/costestimator.h"
#include "selection/selectionrun.h"
#include "selectionfixture.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using Fault = FakeLlmServer::Fault;
using Stage = FakeLlmCall::Stage;

Q_DECLARE_METATYPE(FakeLlmServer::Fault)
Q_DECLARE_METATYPE(RunFailureKind)

namespace {
constexpr int kBreaker = 3; // failed batches in a row that end a run (SelectionRun)

// A port nothing listens on: connections are refused.
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}
} // namespace

class TestSelectionFailures : public QObject
{
    Q_OBJECT

private slots:
    void refusedRequestStopsAtOnce_data();
    void refusedRequestStopsAtOnce();
    void unreachableProviderEndsTheRun();
    void serverErrorsTripTheBreaker_data();
    void serverErrorsTripTheBreaker();
    void failedPreFilterLetsNothingThrough();
    void recoveringProviderIsNotFlooded();
    void unreadableEarlierAnswersSendNothing();
    void longRetryAfterIsNotWaitedFor_data();
    void longRetryAfterIsNotWaitedFor();
    void everyRetryIsNoticed();
    void titleReplyDroppingAllIsAskedAgain();

private:
    HttpClient m_http;
    PricingTable m_prices = PricingTable::builtin();
};

void TestSelectionFailures::refusedRequestStopsAtOnce_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<FakeLlmServer::Fault>("fault");
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("titleFilter"); // off: the abstract stage, where a breaker would allow three
    for (const QString &p : {u"openai"_s, u"anthropic"_s, u"gemini"_s}) {
        for (const bool title : {true, false}) {
            const char *stage = title ? "titles" : "abstracts";
            QTest::addRow("%s 404 model not found, %s", qPrintable(p), stage) << p << Fault::ModelNotFound << u"404"_s << title;
            QTest::addRow("%s 400 unsupported parameter, %s", qPrintable(p), stage)
                << p << Fault::BadParameter << u"foo"_s << title;
        }
    }
}

void TestSelectionFailures::refusedRequestStopsAtOnce()
{
    QFETCH(QString, provider);
    QFETCH(FakeLlmServer::Fault, fault);
    QFETCH(QString, words);
    QFETCH(bool, titleFilter);
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(12);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    server.setFaultRule([fault](const FakeLlmCall &) { return fault; });
    SelectionConfig config = SelectionFixture::configFor(server, provider);
    config.titleBatchSize = 3; // four batches, all in the first wave
    config.abstractBatchSize = 3;
    config.titleFilter = titleFilter;
    config.concurrency = titleFilter ? 4 : 1;
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(s);
    QCOMPARE(server.callCount(), 1); // not one per batch, no retries
    QCOMPARE(s->failure, RunFailureKind::ProviderRefused);
    QVERIFY2(s->error.contains(words), qPrintable(s->error));
    QCOMPARE(s->scored, 0);
    QCOMPARE(s->unscored, 12);
    // Nothing stored from the failure: the next run (with the setting fixed) applies the pre-filter.
    QCOMPARE(fx.scores(u"title"_s).size(), 0);
    QCOMPARE(fx.scores(u"abstract"_s).size(), 0);
    QCOMPARE(fx.count(u"SELECT COUNT(*) FROM llm_requests WHERE status = 'http_error'"_s), 1);
}

void TestSelectionFailures::unreachableProviderEndsTheRun()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(10);
    FakeLlmServer server; // only for the config; the run talks to a closed port
    QVERIFY(server.listen());
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    const quint16 port = closedPort();
    QVERIFY(port);
    config.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
    config.titleFilter = false;
    config.abstractBatchSize = 2; // five batches
    config.concurrency = 1;
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(s);
    QCOMPARE(s->failure, RunFailureKind::ProviderUnreachable);
    QVERIFY2(s->error.contains(u"could not be reached"_s), qPrintable(s->error));
    QCOMPARE(s->requests, kBreaker * 4); // three batches of four attempts, then the breaker
    QCOMPARE(fx.scores(u"abstract"_s).size(), kBreaker * 2); // those say why; the rest were not sent
    QCOMPARE(s->unscored, 10);
}

void TestSelectionFailures::serverErrorsTripTheBreaker_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<int>("maxRequests");
    QTest::newRow("one at a time") << 1 << kBreaker * 4;
    // Batches already under way finish their attempts; none is started after the breaker trips.
    QTest::newRow("four at a time") << 4 << (kBreaker + 3) * 4;
}

void TestSelectionFailures::serverErrorsTripTheBreaker()
{
    QFETCH(int, concurrency);
    QFETCH(int, maxRequests);
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(40);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.setFaultRule([](const FakeLlmCall &) { return Fault::ServerError; });
    SelectionConfig config = SelectionFixture::configFor(server, u"anthropic"_s);
    config.titleFilter = false;
    config.abstractBatchSize = 2; // twenty batches
    config.concurrency = concurrency;
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(s);
    QVERIFY2(server.callCount() <= maxRequests, qPrintable(QString::number(server.callCount())));
    QCOMPARE(server.callCount(), s->requests);
    QCOMPARE(s->failure, RunFailureKind::ProviderUnavailable);
    QVERIFY2(s->error.contains(u"500"_s), qPrintable(s->error));
    QCOMPARE(s->unscored, 40);
}

void TestSelectionFailures::failedPreFilterLetsNothingThrough()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(12);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    server.setTitleJudge([](const FakeLlmPaper &p) { return p.number % 2 == 0; });
    bool down = true;
    server.setFaultRule([&down](const FakeLlmCall &c) {
        return down && c.stage == Stage::Title ? Fault::ServerError : Fault::None;
    });
    SelectionConfig config = SelectionFixture::configFor(server, u"gemini"_s);
    config.titleBatchSize = 6;
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(s);
    QCOMPARE(server.callCount(Stage::Abstract), 0); // no paper skipped the pre-filter
    QCOMPARE(s->failure, RunFailureKind::ProviderUnavailable);
    QCOMPARE(fx.scores(u"title"_s).size(), 0); // no 'kept' stored from a failure
    QCOMPARE(s->unscored, 12);

    // The provider is back: the next run applies the pre-filter to every paper.
    down = false;
    server.clearLog();
    SelectionRun again(fx.db(), m_http, m_prices, config);
    const auto t = SelectionFixture::runToEnd(again, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(t);
    QVERIFY2(t->error.isEmpty(), qPrintable(t->error));
    QCOMPARE(server.callCount(Stage::Title), 2);
    QCOMPARE(t->titleDropped, 6);
    QCOMPARE(t->scored, 6);
}

void TestSelectionFailures::recoveringProviderIsNotFlooded()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(40);
    FakeLlmServer server;
    QVERIFY(server.listen());
    // Requests 1-8 fail (two batches give up), 9 succeeds, 10-13 fail (one more batch), then all is well:
    // never three failed batches in a row, so the run goes on to the end.
    auto n = std::make_shared<int>(0);
    server.setFaultRule([n](const FakeLlmCall &) {
        const int i = ++*n;
        return (i <= 8 || (i >= 10 && i <= 13)) ? Fault::ServerError : Fault::None;
    });
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.titleFilter = false;
    config.abstractBatchSize = 4; // ten batches
    config.concurrency = 1;
    const int estimate = CostEstimator::estimate(int(papers.size()), config, m_prices).requests();
    QCOMPARE(estimate, 10);
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(s);
    QCOMPARE(server.callCount(), 19);
    QVERIFY(server.callCount() < 2 * estimate);
    QCOMPARE(s->scored, 28);
    QCOMPARE(s->unscored, 12);
    // The day is not complete: the run says why, and the next one asks only for those twelve.
    QCOMPARE(s->failure, RunFailureKind::ProviderUnavailable);
}

// M3: when the pay-once look-up fails, the run must not take it for "nothing answered yet" and pay for
// every paper again. The scores table is dropped through a second connection (another process could).
void TestSelectionFailures::unreadableEarlierAnswersSendNothing()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(6);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    {
        SelectionRun first(fx.db(), m_http, m_prices, config);
        const auto s = SelectionFixture::runToEnd(first, fx.newRun(config.model), SelectionFixture::ids(papers));
        QVERIFY(s && s->error.isEmpty());
        QCOMPARE(s->scored, 6);
    }
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"saboteur"_s);
        other.setDatabaseName(fx.db().filePath());
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY2(q.exec(u"DROP TABLE scores"_s), qPrintable(q.lastError().text()));
        other.close();
    }
    QSqlDatabase::removeDatabase(u"saboteur"_s);
    server.clearLog();
    SelectionRun run(fx.db(), m_http, m_prices, config);
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(s);
    QCOMPARE(server.callCount(), 0);
    QCOMPARE(s->requests, 0);
    QCOMPARE(s->failure, RunFailureKind::Database);
    QVERIFY2(s->error.contains(u"earlier answers; nothing was sent"_s), qPrintable(s->error));
}

// M6b, L9b: a provider asking for a day (or 2^32 s, which overflowed the old int arithmetic) is not
// waited for: the batch says why, the run ends within seconds, and the user is told.
void TestSelectionFailures::longRetryAfterIsNotWaitedFor_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QByteArray>("wait");
    for (const QString &p : {u"openai"_s, u"gemini"_s}) { // Retry-After header; Gemini's RetryInfo body
        QTest::addRow("%s 86400", qPrintable(p)) << p << QByteArray("86400");
        QTest::addRow("%s 4294967296", qPrintable(p)) << p << QByteArray("4294967296");
    }
}

void TestSelectionFailures::longRetryAfterIsNotWaitedFor()
{
    QFETCH(QString, provider);
    QFETCH(QByteArray, wait);
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(4);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.setRetryAfterText(wait);
    server.setFaultRule([](const FakeLlmCall &) { return Fault::RateLimited; });
    SelectionConfig config = SelectionFixture::configFor(server, provider);
    config.titleFilter = false;
    config.abstractBatchSize = 2;
    config.concurrency = 1;
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    QSignalSpy notices(&run, &SelectionRun::notice);
    QElapsedTimer clock;
    clock.start();
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers), 10000);
    QVERIFY(s); // not still waiting
    QVERIFY(clock.elapsed() < 10000);
    QCOMPARE(server.callCount(), 2); // one request per batch: no retry storm either
    const QString words = u"the provider asks to wait %1 s"_s.arg(QString::fromLatin1(wait));
    const auto abstracts = fx.scores(u"abstract"_s);
    QCOMPARE(abstracts.size(), 4);
    for (const Score &a : abstracts) {
        QCOMPARE(a.status, ScoreStatus::Unscored);
        QVERIFY2(a.reason.contains(words), qPrintable(a.reason));
    }
    QCOMPARE(s->failure, RunFailureKind::ProviderUnavailable);
    QVERIFY2(s->error.contains(words), qPrintable(s->error));
    QCOMPARE(notices.size(), 2);
    QVERIFY2(notices.first().first().toString().contains(words), qPrintable(notices.first().first().toString()));
}

void TestSelectionFailures::everyRetryIsNoticed()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(4);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.failNext(Fault::ServerError, 2, Stage::Abstract);
    SelectionConfig config = SelectionFixture::configFor(server, u"anthropic"_s);
    config.titleFilter = false;
    config.abstractBatchSize = 4;
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    QSignalSpy notices(&run, &SelectionRun::notice);
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(s);
    QVERIFY2(s->error.isEmpty(), qPrintable(s->error));
    QCOMPARE(s->retries, 2);
    QCOMPARE(notices.size(), 2);
    const QString first = notices.at(0).first().toString();
    QVERIFY2(first.contains(u"500"_s) && first.contains(u"attempt 2 of 4"_s), qPrintable(first));
    QVERIFY(notices.at(1).first().toString().contains(u"attempt 3 of 4"_s));
}

// L8a: a pre-filter reply that drops a whole batch (a paper's text may have told the model to) is asked
// again in halves before anything is stored.
void TestSelectionFailures::titleReplyDroppingAllIsAskedAgain()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(12);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    server.setTitleJudge([](const FakeLlmPaper &) { return true; });
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.titleBatchSize = 12;
    SelectionRun run(fx.db(), m_http, m_prices, config);
    const auto s = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(s);
    QCOMPARE(server.callCount(Stage::Title), 3); // once, then in two halves of six
    const QList<FakeLlmCall> calls = server.calls();
    QCOMPARE(calls.at(1).papers.size(), 6);
    QCOMPARE(calls.at(2).papers.size(), 6);
    QCOMPARE(s->titleDropped, 12); // the halves agree: taken
    QCOMPARE(fx.count(u"SELECT COUNT(*) FROM llm_requests WHERE stage = 'title' AND error LIKE '%dropped 12 of 12%'"_s), 1);
}

QTEST_GUILESS_MAIN(TestSelectionFailures)
#include "tst_selectionfailures.moc"
