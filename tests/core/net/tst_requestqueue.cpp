// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "net/httpclient.h"
#include "net/requestqueue.h"
#include "net/spacingledger.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

// Every timing check here is measured by the server (FakeRequest::receivedAtMs), never by sleeping.
class TestRequestQueue : public QObject
{
    Q_OBJECT

private slots:
    void spacingIsMeasuredAtTheServer();
    void retryAfterIsHonoured();
    void retryAfterBeyondTheCapIsNotWaitedFor();
    void spacingGrowsOn429();
    void cancelWhileQueued();
    void cancelWhileWaitingForSpacing();
    void cancelInFlight();
    void cancelWhileWaitingToRetry();
    void ledgerSpacesTwoProcesses();
    void ledgerSurvivesAClockSetBack();

private:
    struct Outcome
    {
        int calls = 0;
        HttpResult last;
    };
    static quint64 get(RequestQueue &queue, QObject *context, const QUrl &url, const std::shared_ptr<Outcome> &out)
    {
        HttpRequest req;
        req.url = url;
        req.timeoutMs = 5000;
        return queue.enqueue(req, context, [out](const HttpResult &r) {
            ++out->calls;
            out->last = r;
        });
    }
    static qint64 smallestGap(QList<FakeRequest> requests)
    {
        std::sort(requests.begin(), requests.end(),
                  [](const FakeRequest &a, const FakeRequest &b) { return a.receivedAtMs < b.receivedAtMs; });
        qint64 gap = std::numeric_limits<qint64>::max();
        for (qsizetype i = 1; i < requests.size(); ++i)
            gap = std::min(gap, requests.at(i).receivedAtMs - requests.at(i - 1).receivedAtMs);
        return gap;
    }
};

void TestRequestQueue::spacingIsMeasuredAtTheServer()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) { return FakeResponse::text("ok"); });
    HttpClient http;
    RequestQueue queue(http);
    queue.setSpacingMs(300);
    queue.setSpacingMarginMs(50); // headroom for the loopback latency, so the server sees >= 300 ms
    QList<std::shared_ptr<Outcome>> outs;
    for (int i = 0; i < 4; ++i) {
        outs << std::make_shared<Outcome>();
        get(queue, this, server.url(u"/r%1"_s.arg(i)), outs.last());
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outs.cbegin(), outs.cend(), [](const auto &o) { return o->calls == 1; }), 10000);
    QCOMPARE(server.requestCount(), 4);
    QCOMPARE(server.maxConcurrentRequests(), 1);
    const qint64 gap = smallestGap(server.requests());
    QVERIFY2(gap >= 300, qPrintable(QString::number(gap)));
    QCOMPARE(queue.pending(), 0);
}

void TestRequestQueue::retryAfterIsHonoured()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    int calls = 0;
    server.setHandler([&](const FakeRequest &) {
        if (++calls == 1) {
            FakeResponse busy = FakeResponse::text("busy", 503);
            busy.headers.append({QByteArray("Retry-After"), QByteArray("1")});
            return busy;
        }
        return FakeResponse::text("ok");
    });
    HttpClient http;
    RequestQueue queue(http);
    queue.setSpacingMs(0);
    QSignalSpy retries(&queue, &RequestQueue::retryScheduled);
    auto out = std::make_shared<Outcome>();
    const quint64 ticket = get(queue, this, server.url(u"/r"_s), out);
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, 5000);
    QVERIFY(out->last.isSuccess());
    QCOMPARE(retries.size(), 1);
    QCOMPARE(retries.first().at(3).toInt(), 1000);
    QCOMPARE(retries.first().at(5).value<quint64>(), ticket);
    const QList<FakeRequest> seen = server.requests();
    QCOMPARE(seen.size(), 2);
    QVERIFY2(seen.at(1).receivedAtMs - seen.at(0).receivedAtMs >= 950,
             qPrintable(QString::number(seen.at(1).receivedAtMs - seen.at(0).receivedAtMs)));
}

void TestRequestQueue::retryAfterBeyondTheCapIsNotWaitedFor()
{
    // M6b: a day's Retry-After (or one that overflows an int in milliseconds) ends the request with a
    // message instead of a silent wait.
    for (const QByteArray &value : {QByteArray("86400"), QByteArray("4294967296")}) {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeRequest &) {
            FakeResponse busy = FakeResponse::text("slow down", 429);
            busy.headers.append({QByteArray("Retry-After"), value});
            return busy;
        });
        HttpClient http;
        RequestQueue queue(http);
        queue.setSpacingMs(0);
        RetryPolicy policy;
        policy.maxRetryAfterMs = 2000;
        queue.setRetryPolicy(policy);
        QSignalSpy retries(&queue, &RequestQueue::retryScheduled);
        auto out = std::make_shared<Outcome>();
        get(queue, this, server.url(u"/r"_s), out);
        QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, 5000);
        QCOMPARE(out->last.status, 429);
        QVERIFY2(out->last.errorString.contains(u"asks to wait"_s), qPrintable(out->last.errorString));
        QCOMPARE(retries.size(), 0);
        QCOMPARE(server.requestCount(), 1);
    }
}

void TestRequestQueue::spacingGrowsOn429()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    int calls = 0;
    server.setHandler([&](const FakeRequest &) {
        return ++calls == 1 ? FakeResponse::text("busy", 429) : FakeResponse::text("ok");
    });
    HttpClient http;
    RequestQueue queue(http);
    queue.setSpacingMs(100);
    queue.setSpacingGrowthOn429(1.1);
    RetryPolicy policy;
    policy.baseDelayMs = 10;
    policy.jitter = 0;
    queue.setRetryPolicy(policy);
    auto out = std::make_shared<Outcome>();
    get(queue, this, server.url(u"/r"_s), out);
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, 5000);
    QVERIFY(out->last.isSuccess());
    QCOMPARE(queue.spacingMs(), 111);
}

void TestRequestQueue::cancelWhileQueued()
{
    // Behind a request in flight: the cancelled one is never sent, the one after it still is.
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::text("ok");
        r.delayMs = 300;
        return r;
    });
    HttpClient http;
    RequestQueue queue(http);
    queue.setSpacingMs(0);
    auto first = std::make_shared<Outcome>(), second = std::make_shared<Outcome>(), third = std::make_shared<Outcome>();
    get(queue, this, server.url(u"/1"_s), first);
    const quint64 t2 = get(queue, this, server.url(u"/2"_s), second);
    get(queue, this, server.url(u"/3"_s), third);
    QTRY_COMPARE(server.requestCount(), 1);
    queue.cancel(t2);
    QCOMPARE(second->calls, 1);
    QVERIFY(second->last.cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(third->calls, 1, 5000);
    QVERIFY(first->last.isSuccess() && third->last.isSuccess());
    QCOMPARE(second->calls, 1);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().last().path, QByteArray("/3"));
}

void TestRequestQueue::cancelWhileWaitingForSpacing()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) { return FakeResponse::text("ok"); });
    HttpClient http;
    RequestQueue queue(http);
    queue.setSpacingMs(60000);
    auto first = std::make_shared<Outcome>(), second = std::make_shared<Outcome>();
    get(queue, this, server.url(u"/1"_s), first);
    const quint64 t2 = get(queue, this, server.url(u"/2"_s), second);
    QTRY_COMPARE(first->calls, 1);
    QCOMPARE(queue.pending(), 1); // the second waits for the spacing
    queue.cancel(t2);
    QCOMPARE(second->calls, 1);
    QVERIFY(second->last.cancelled);
    QCOMPARE(queue.pending(), 0);
    QCOMPARE(server.requestCount(), 1);
}

void TestRequestQueue::cancelInFlight()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r;
        r.fault = FakeResponse::Fault::Stall;
        return r;
    });
    HttpClient http;
    RequestQueue queue(http);
    queue.setSpacingMs(0);
    auto out = std::make_shared<Outcome>();
    const quint64 ticket = get(queue, this, server.url(u"/stall"_s), out);
    QTRY_COMPARE(server.requestCount(), 1);
    queue.cancel(ticket);
    QTRY_COMPARE(out->calls, 1);
    QVERIFY(out->last.cancelled);
    QVERIFY(!out->last.timedOut);
    QTRY_VERIFY(server.requests().first().closedAtMs >= 0); // the server saw the connection go
    QCOMPARE(queue.pending(), 0);
    QCOMPARE(out->calls, 1);
}

void TestRequestQueue::cancelWhileWaitingToRetry()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse busy = FakeResponse::text("busy", 503);
        busy.headers.append({QByteArray("Retry-After"), QByteArray("60")});
        return busy;
    });
    HttpClient http;
    RequestQueue queue(http);
    queue.setSpacingMs(0);
    QSignalSpy retries(&queue, &RequestQueue::retryScheduled);
    auto out = std::make_shared<Outcome>();
    const quint64 ticket = get(queue, this, server.url(u"/r"_s), out);
    QTRY_COMPARE(retries.size(), 1);
    QCOMPARE(out->calls, 0);
    queue.cancel(ticket);
    QCOMPARE(out->calls, 1);
    QVERIFY(out->last.cancelled);
    QCOMPARE(queue.pending(), 0);
    QCOMPARE(server.requestCount(), 1);
}

void TestRequestQueue::ledgerSpacesTwoProcesses()
{
    // Two queues on two HttpClients stand for two processes: all they share is the ledger's file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"arxiv-spacing"_s);
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) { return FakeResponse::text("ok"); });
    constexpr int kSpacing = 300;
    HttpClient httpA, httpB;
    RequestQueue a(httpA), b(httpB);
    for (RequestQueue *q : {&a, &b}) {
        q->setSpacingMs(kSpacing);
        q->setSpacingMarginMs(100);
        q->setSpacingLedger(std::make_shared<SpacingLedger>(path));
    }
    QList<std::shared_ptr<Outcome>> outs;
    for (int i = 0; i < 3; ++i) {
        for (RequestQueue *q : {&a, &b}) {
            outs << std::make_shared<Outcome>();
            get(*q, this, server.url(u"/r"_s), outs.last());
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outs.cbegin(), outs.cend(), [](const auto &o) { return o->calls == 1; }), 15000);
    QCOMPARE(server.requestCount(), 6);
    const qint64 gap = smallestGap(server.requests());
    QVERIFY2(gap >= kSpacing, qPrintable(QString::number(gap)));
}

void TestRequestQueue::ledgerSurvivesAClockSetBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SpacingLedger ledger(dir.filePath(u"spacing"_s));
    qint64 now = 1'000'000;
    ledger.setClock([&] { return now; });
    QCOMPARE(ledger.claim(3000), 0);      // first request: go
    now += 1000;
    QCOMPARE(ledger.claim(3000), 2000);   // 2 s left
    now += 2000;
    QCOMPARE(ledger.claim(3000), 0);
    now -= 3'600'000;                     // the clock goes back an hour
    QCOMPARE(ledger.claim(3000), 3000);   // one interval, not an hour
    now += 3000;
    QCOMPARE(ledger.claim(3000), 0);
}

QTEST_GUILESS_MAIN(TestRequestQueue)
#include "tst_requestqueue.moc"
