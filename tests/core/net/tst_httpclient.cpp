// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "net/httpclient.h"
#include "net/retrypolicy.h"

#include <QtTest>

#include <climits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void getAndPostOverLoopback();
    void statusAndRetryAfterReported();
    void timeoutEndsTheCallOnce();
    void cancelIsNotATimeout();
    void truncatedBodyIsAnError();
    void retryAfterParsing_data();
    void retryAfterParsing();
    void backoffGrowsAndHonoursRetryAfter();
    void cutOffSuccessIsNotSuccess();
    void crossOriginRedirectIsRefused_data();
    void crossOriginRedirectIsRefused();
    void sameOriginRedirectIsFollowed();
    void announcedTooLargeIsRefusedUpFront();
    void streamedTooLargeIsAborted();
    void dripEndsAtTheDeadline();

private:
    std::optional<HttpResult> call(HttpClient &client, const HttpRequest &req);
};

std::optional<HttpResult> TestHttpClient::call(HttpClient &client, const HttpRequest &req)
{
    std::optional<HttpResult> result;
    int calls = 0;
    client.send(req, this, [&](const HttpResult &r) {
        result = r;
        ++calls;
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return std::nullopt;
    QTest::qWait(50);
    if (calls != 1)
        qWarning("done called %d times", calls);
    return calls == 1 ? result : std::nullopt;
}

void TestHttpClient::getAndPostOverLoopback()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.route("POST", "/echo", [](const FakeRequest &r) { return FakeResponse::json("{\"got\":" + r.body + "}"); });
    server.route("GET", "/hello", [](const FakeRequest &) { return FakeResponse::text("hi"); });

    HttpClient client;
    HttpRequest get;
    get.url = server.url(u"/hello?x=1"_s);
    auto r = call(client, get);
    QVERIFY(r);
    QVERIFY(r->isSuccess());
    QCOMPARE(r->body, QByteArray("hi"));

    HttpRequest post;
    post.url = server.url(u"/echo"_s);
    post.method = "POST";
    post.body = "[1,2,3]";
    post.setHeader("Content-Type", "application/json").setHeader("Authorization", "Bearer sk-secret");
    r = call(client, post);
    QVERIFY(r && r->isSuccess());
    QCOMPARE(r->body, QByteArray("{\"got\":[1,2,3]}"));

    const FakeRequest seen = server.requests().last();
    QCOMPARE(seen.headers.value("authorization"), QByteArray("Bearer sk-secret"));
    QVERIFY2(seen.headers.value("user-agent").startsWith("PaperSieve/"), "a descriptive User-Agent is sent");
    QCOMPARE(server.requests().first().query.queryItemValue(u"x"_s), u"1"_s);
}

void TestHttpClient::statusAndRetryAfterReported()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::json(R"({"error":{"message":"Rate limit reached"}})", 429);
        r.headers.append({QByteArray("Retry-After"), QByteArray("7")});
        return r;
    });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/v1/chat/completions"_s);
    const auto r = call(client, req);
    QVERIFY(r);
    QVERIFY(!r->isSuccess());
    QCOMPARE(r->status, 429);
    QCOMPARE(r->retryAfterSeconds(), std::optional<int>(7));
    QVERIFY(RetryPolicy::isRetryable(*r));
    QVERIFY(r->body.contains("Rate limit"));
}

void TestHttpClient::timeoutEndsTheCallOnce()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r;
        r.fault = FakeResponse::Fault::Stall;
        return r;
    });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/slow"_s);
    req.timeoutMs = 300;
    const auto r = call(client, req);
    QVERIFY(r);
    QVERIFY(r->timedOut);
    QVERIFY(!r->cancelled);
    QVERIFY(RetryPolicy::isRetryable(*r));
    QVERIFY(r->elapsedMs >= 250);
}

void TestHttpClient::cancelIsNotATimeout()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r;
        r.fault = FakeResponse::Fault::Stall;
        return r;
    });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/slow"_s);
    std::optional<HttpResult> result;
    const HttpClient::Ticket ticket = client.send(req, this, [&](const HttpResult &r) { result = r; });
    QVERIFY(client.isRunning(ticket));
    QTRY_COMPARE(server.requestCount(), 1);
    client.cancel(ticket);
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->cancelled);
    QVERIFY(!result->timedOut);
    QVERIFY(!RetryPolicy::isRetryable(*result));
    QVERIFY(!client.isRunning(ticket));
    client.cancel(ticket); // a finished ticket is a no-op
}

void TestHttpClient::truncatedBodyIsAnError()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::xml(QByteArray("<feed>").append(QByteArray(4000, 'x')).append("</feed>"));
        r.fault = FakeResponse::Fault::Truncate;
        return r;
    });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/api/query"_s);
    const auto r = call(client, req);
    QVERIFY(r);
    QVERIFY2(r->networkError != QNetworkReply::NoError, "a body shorter than Content-Length is not a success");
    QVERIFY(!r->errorString.isEmpty());
}

void TestHttpClient::retryAfterParsing_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected"); // -1: none
    QTest::newRow("seconds") << QByteArray("120") << 120;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("date") << QByteArray("Tue, 24 Nov 2026 12:00:30 GMT") << 30;
    QTest::newRow("past date") << QByteArray("Tue, 24 Nov 2026 11:00:00 GMT") << 0;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    // L9b: none of these may overflow; they clamp to INT_MAX seconds.
    QTest::newRow("beyond int") << QByteArray("4294967296") << INT_MAX;
    QTest::newRow("beyond qint64") << QByteArray("99999999999999999999999") << INT_MAX;
    QTest::newRow("year 9999") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << INT_MAX;
}

void TestHttpClient::retryAfterParsing()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const QDateTime now(QDate(2026, 11, 24), QTime(12, 0, 0), QTimeZone::utc());
    const auto parsed = HttpResult::parseRetryAfter(value, now);
    QCOMPARE(parsed.value_or(-1), expected);
}

void TestHttpClient::backoffGrowsAndHonoursRetryAfter()
{
    RetryPolicy policy;
    policy.baseDelayMs = 1000;
    policy.maxDelayMs = 8000;
    policy.jitter = 0.25;
    HttpResult serverError;
    serverError.status = 503;
    for (int attempt = 1; attempt <= 6; ++attempt) {
        const int expected = std::min(1000 << (attempt - 1), 8000);
        const int d = policy.delayMs(attempt, serverError);
        QVERIFY2(d >= expected * 0.75 - 1 && d <= expected * 1.25 + 1, qPrintable(QString::number(d)));
    }
    HttpResult limited;
    limited.status = 429;
    limited.headers.insert("retry-after", "12");
    QCOMPARE(policy.delayMs(1, limited), 12000);
    HttpResult notFound;
    notFound.status = 404;
    QVERIFY(!RetryPolicy::isRetryable(notFound));

    // L9b: the milliseconds of a long Retry-After do not overflow, and the wait is capped.
    HttpResult patient;
    patient.status = 429;
    for (const QByteArray &value : {QByteArray("3000000"), QByteArray("4294967296"), QByteArray("86400")}) {
        patient.headers.insert("retry-after", value);
        QCOMPARE(policy.delayMs(1, patient), policy.maxRetryAfterMs);
        QVERIFY(policy.excessiveRetryAfter(patient).has_value());
    }
    patient.headers.insert("retry-after", "120");
    QCOMPARE(policy.delayMs(1, patient), 120000);
    QVERIFY(!policy.excessiveRetryAfter(patient));
    // A far-off attempt number does not overflow the backoff either.
    QVERIFY(policy.delayMs(5000, serverError) <= policy.maxDelayMs * 1.25 + 1);
}

void TestHttpClient::cutOffSuccessIsNotSuccess()
{
    // L18: a 200 whose body broke off is a failure worth retrying, not an answer.
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::json(QByteArray(4000, ' ') + "{}");
        r.fault = FakeResponse::Fault::Truncate;
        return r;
    });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/graph/v1/author/batch"_s);
    const auto r = call(client, req);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY(!r->isSuccess());
    QVERIFY(r->isCutOff());
    QVERIFY(RetryPolicy::isRetryable(*r));
}

void TestHttpClient::crossOriginRedirectIsRefused_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("targetScheme");
    QTest::newRow("307 POST to another port") << 307 << QByteArray("POST") << u"http"_s;
    QTest::newRow("302 GET to another port") << 302 << QByteArray("GET") << u"http"_s;
    QTest::newRow("308 POST to https") << 308 << QByteArray("POST") << u"https"_s;
}

void TestHttpClient::crossOriginRedirectIsRefused()
{
    QFETCH(int, code);
    QFETCH(QByteArray, method);
    QFETCH(QString, targetScheme);
    // M1: Qt copies every header into the redirected request, so the key would reach the other origin.
    FakeHttpServer other;
    QVERIFY(other.listen());
    other.setHandler([](const FakeRequest &) { return FakeResponse::json("{\"stolen\":true}"); });
    QUrl target = other.url(u"/v1/chat/completions?token=abc"_s);
    target.setScheme(targetScheme);
    FakeHttpServer first;
    QVERIFY(first.listen());
    first.setHandler([&](const FakeRequest &) {
        FakeResponse r = FakeResponse::text("moved", code);
        r.headers.append({QByteArray("Location"), target.toEncoded()});
        return r;
    });

    HttpClient client;
    HttpRequest req;
    QUrl from = first.url(u"/v1/chat/completions?key=sk-in-query"_s);
    from.setUserName(u"user"_s);
    from.setPassword(u"pw-secret"_s);
    req.url = from;
    req.method = method;
    req.body = "{\"papers\":[]}";
    req.setHeader("Authorization", "Bearer sk-secret").setHeader("Content-Type", "application/json");
    const auto r = call(client, req);
    QVERIFY(r);
    QCOMPARE(first.requestCount(), 1);
    QCOMPARE(other.requestCount(), 0); // the reply is over: nothing can follow it any more
    QVERIFY(r->redirectRefused);
    QVERIFY(!r->isSuccess());
    QVERIFY(!r->cancelled && !r->timedOut);
    QVERIFY(!RetryPolicy::isRetryable(*r));
    QCOMPARE(r->errorString, u"%1 redirected to %2; not followed"_s.arg(first.url(u"/v1/chat/completions"_s).toString(),
                                                                       target.adjusted(QUrl::RemoveQuery).toString()));
    for (const char *secret : {"sk-in-query", "pw-secret", "user@", "token=abc"})
        QVERIFY2(!r->errorString.contains(QLatin1String(secret)), secret);
}

void TestHttpClient::sameOriginRedirectIsFollowed()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.route("GET", "/old", [](const FakeRequest &) {
        FakeResponse r = FakeResponse::text("moved", 301);
        r.headers.append({QByteArray("Location"), QByteArray("/new?x=2")}); // relative: same origin
        return r;
    });
    server.route("GET", "/new", [](const FakeRequest &) { return FakeResponse::text("here"); });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/old"_s);
    req.setHeader("x-api-key", "s2-key");
    const auto r = call(client, req);
    QVERIFY(r);
    QVERIFY2(r->isSuccess(), qPrintable(r->errorString));
    QVERIFY(!r->redirectRefused);
    QCOMPARE(r->body, QByteArray("here"));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().last().path, QByteArray("/new"));
    QCOMPARE(server.requests().last().headers.value("x-api-key"), QByteArray("s2-key"));
}

void TestHttpClient::announcedTooLargeIsRefusedUpFront()
{
    // M5: a Content-Length above the cap ends the call before any body is read, even when the
    // server then sends only a few bytes (it lied, or it was going to send a gigabyte).
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::json("[1,2,3]");
        r.contentLength = "1073741824";
        r.delayMs = 0;
        return r;
    });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/v1/chat/completions"_s);
    req.maxBytes = 1024 * 1024;
    const auto r = call(client, req);
    QVERIFY(r);
    QVERIFY(r->tooLarge);
    QVERIFY(!r->isSuccess());
    QVERIFY(!RetryPolicy::isRetryable(*r));
    QVERIFY(r->body.isEmpty());
    QCOMPARE(r->errorString, u"the answer is larger than 1 MiB"_s);
}

void TestHttpClient::streamedTooLargeIsAborted()
{
    // M5: without a Content-Length the cap holds as the body arrives.
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::xml({});
        const QByteArray piece(256 * 1024, 'x');
        for (int i = 0; i < 16; ++i) // 4 MiB in all
            r.chunks.append(piece);
        r.chunkDelayMs = 5;
        return r;
    });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/rss/cs.AI"_s);
    req.maxBytes = 1024 * 1024;
    const auto r = call(client, req);
    QVERIFY(r);
    QVERIFY(r->tooLarge);
    QVERIFY(r->body.isEmpty());
    QCOMPARE(r->errorString, u"the answer is larger than 1 MiB"_s);

    // Just under the cap is fine.
    server.setHandler([](const FakeRequest &) { return FakeResponse::xml(QByteArray(1024 * 1024, 'y')); });
    const auto ok = call(client, req);
    QVERIFY(ok && ok->isSuccess());
    QCOMPARE(ok->body.size(), 1024 * 1024);
    QCOMPARE(HttpRequest().maxBytes, 32 * 1024 * 1024); // the default
}

void TestHttpClient::dripEndsAtTheDeadline()
{
    // M6a: one byte every 100 ms never trips the 1 s transfer timeout; the overall deadline ends it.
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::json(QByteArray(1000, ' '));
        r.dripMs = 100;
        return r;
    });
    HttpClient client;
    HttpRequest req;
    req.url = server.url(u"/v1/chat/completions"_s);
    req.timeoutMs = 1000;
    req.deadlineMs = 1500;
    const auto r = call(client, req);
    QVERIFY(r);
    QVERIFY(r->timedOut);
    QVERIFY(!r->cancelled);
    QVERIFY(RetryPolicy::isRetryable(*r));
    QCOMPARE(r->errorString, u"the server did not finish answering within 1.5 s"_s);
    // Measured at the server: the connection lasted about the deadline, not the 100 s of the drip.
    QTRY_VERIFY(server.requests().first().closedAtMs >= 0);
    const FakeRequest seen = server.requests().first();
    const qint64 lasted = seen.closedAtMs - seen.receivedAtMs;
    QVERIFY2(lasted >= 1300 && lasted < 4000, qPrintable(QString::number(lasted)));

    HttpRequest defaults;
    defaults.timeoutMs = 30000;
    QCOMPARE(defaults.effectiveDeadlineMs(), 60000); // twice the transfer timeout
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
