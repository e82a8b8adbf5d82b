// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "net/httpclient.h"
#include "s2/s2client.h"

#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;

// S2Client on the shared lane: the notice on each wait, the Retry-After cap and the size cap.
class TestS2Client : public QObject
{
    Q_OBJECT

private slots:
    void retryIsAnnounced();
    void longRetryAfterIsNotWaitedFor();
    void oversizedAnswerIsRefused();

private:
    static std::optional<QString> fetchOne(S2Client &s2, QObject *context)
    {
        std::optional<QString> error;
        s2.fetchAuthors({u"1"_s}, context, [&](const QList<std::optional<S2Author>> &, const QString &e) { error = e; });
        if (!QTest::qWaitFor([&] { return error.has_value(); }, 10000))
            return std::nullopt;
        return error;
    }
    static RetryPolicy fast()
    {
        RetryPolicy p;
        p.baseDelayMs = 10;
        p.maxDelayMs = 50;
        p.maxAttempts = 3;
        return p;
    }
};

void TestS2Client::retryIsAnnounced()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    int calls = 0;
    server.setHandler([&](const FakeRequest &) {
        return ++calls == 1 ? FakeResponse::text("<html>Bad gateway</html>", 502)
                            : FakeResponse::json(R"([{"authorId":"1","name":"Ada","hIndex":3}])");
    });
    HttpClient http;
    S2Client s2(http, server.url(u"/graph/v1"_s));
    s2.setSpacingMs(0);
    s2.setRetryPolicy(fast());
    QSignalSpy notices(&s2, &S2Client::notice);
    const auto error = fetchOne(s2, this);
    QVERIFY(error);
    QVERIFY2(error->isEmpty(), qPrintable(*error));
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.first().first().toString().contains(u"502"_s), qPrintable(notices.first().first().toString()));
    QCOMPARE(s2.requestsSent(), 2);
}

void TestS2Client::longRetryAfterIsNotWaitedFor()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::json(R"({"message":"Too Many Requests"})", 429);
        r.headers.append({QByteArray("Retry-After"), QByteArray("86400")});
        return r;
    });
    HttpClient http;
    S2Client s2(http, server.url(u"/graph/v1"_s));
    s2.setSpacingMs(0);
    s2.setRetryPolicy(fast()); // maxRetryAfterMs stays at the shared 120 s
    const auto error = fetchOne(s2, this);
    QVERIFY(error);
    QVERIFY2(error->contains(u"asks to wait 86400 s"_s), qPrintable(*error));
    QCOMPARE(server.requestCount(), 1);
}

void TestS2Client::oversizedAnswerIsRefused()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::json("[null]");
        r.contentLength = "524288000"; // 500 MB announced
        return r;
    });
    HttpClient http;
    S2Client s2(http, server.url(u"/graph/v1"_s));
    s2.setSpacingMs(0);
    s2.setRetryPolicy(fast());
    const auto error = fetchOne(s2, this);
    QVERIFY(error);
    QVERIFY2(error->contains(u"larger than 8 MiB"_s), qPrintable(*error));
    QCOMPARE(server.requestCount(), 1); // not retried: the same answer would come again
}

QTEST_GUILESS_MAIN(TestS2Client)
#include "tst_s2client.moc"
