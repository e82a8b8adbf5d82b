// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "net/httpclient.h"
#include "net/retrypolicy.h"

#include <QtTest>

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
    QNetworkReply *reply = client.send(req, this, [&](const HttpResult &r) { result = r; });
    QTRY_COMPARE(server.requestCount(), 1);
    cancelReply(reply);
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->cancelled);
    QVERIFY(!result->timedOut);
    QVERIFY(!RetryPolicy::isRetryable(*result));
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
}

void TestHttpClient::retryAfterParsing()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const QDateTime now(QDate(2026, 11, 24), QTime(12, 0, 0), QTimeZone::utc());
    const auto parsed = RetryPolicy::parseRetryAfter(value, now);
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
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
