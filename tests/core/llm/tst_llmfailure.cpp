// SPDX-License-Identifier: GPL-3.0-or-later
// LlmFailures::classify against recorded provider error bodies (tests/support/testdata/llm) and the
// transport failures QNetworkReply reports: which failures stop a run at once, which are retried, and
// how long a provider may make us wait (without overflow).
#include "llm/llmfailure.h"
#include "llm/llmproviders.h"
#include "net/httpclient.h"
#include "testdata.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using Kind = LlmFailure::Kind;

Q_DECLARE_METATYPE(LlmFailure::Kind)
Q_DECLARE_METATYPE(RunFailureKind)

namespace {
LlmFailure classifyBody(const QString &provider, int status, const QByteArray &body,
                        ServiceTier tier = ServiceTier::Standard)
{
    QString error;
    auto p = LlmProviders::create(provider, {QUrl(u"https://example.invalid/v1"_s), u"k"_s, false}, &error);
    Q_ASSERT(p);
    HttpResult r;
    r.status = status;
    r.body = body;
    LlmCallOptions call;
    call.serviceTier = tier;
    return LlmFailures::classify(p->displayName(), r, p->parseResponse(status, body), call);
}
} // namespace

class TestLlmFailure : public QObject
{
    Q_OBJECT

private slots:
    void recordedBodies_data();
    void recordedBodies();
    void transport_data();
    void transport();
    void flex();
    void contentFaultsArePerBatch();
    void waitsNeverOverflow();
};

void TestLlmFailure::recordedBodies_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("file");
    QTest::addColumn<LlmFailure::Kind>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("stopsAtOnce");
    QTest::addColumn<RunFailureKind>("runFailure");
    QTest::newRow("openai 404 model_not_found") << u"openai"_s << 404 << u"openai_404_model_not_found.json"_s
                                               << Kind::NotFound << false << true << RunFailureKind::ProviderRefused;
    QTest::newRow("openai 400 unsupported parameter")
        << u"openai"_s << 400 << u"openai_400_unsupported_parameter.json"_s << Kind::BadParameter << false << true
        << RunFailureKind::ProviderRefused;
    QTest::newRow("openai 400 bad value") << u"openai"_s << 400 << u"openai_400_error.json"_s << Kind::BadParameter
                                          << false << true << RunFailureKind::ProviderRefused;
    QTest::newRow("openai 401") << u"openai"_s << 401 << u"openai_401_invalid_key.json"_s << Kind::KeyRejected << false
                                << true << RunFailureKind::KeyRejected;
    QTest::newRow("gemini 400 API_KEY_INVALID") << u"gemini"_s << 400 << u"gemini_400_api_key_invalid.json"_s
                                                << Kind::KeyRejected << false << true << RunFailureKind::KeyRejected;
    QTest::newRow("gemini 404") << u"gemini"_s << 404 << u"gemini_404_not_found.json"_s << Kind::NotFound << false
                                << true << RunFailureKind::ProviderRefused;
    QTest::newRow("openrouter 429") << u"openai-compatible"_s << 429 << u"openrouter_429.json"_s << Kind::Transient
                                    << true << false << RunFailureKind::ProviderUnavailable;
}

void TestLlmFailure::recordedBodies()
{
    QFETCH(QString, provider);
    QFETCH(int, status);
    QFETCH(QString, file);
    QFETCH(LlmFailure::Kind, kind);
    QFETCH(bool, retryable);
    QFETCH(bool, stopsAtOnce);
    QFETCH(RunFailureKind, runFailure);
    const LlmFailure f = classifyBody(provider, status, TestData::read(u"llm/"_s + file));
    QCOMPARE(f.kind, kind);
    QCOMPARE(f.retryable, retryable);
    QCOMPARE(f.stopsAtOnce(), stopsAtOnce);
    QVERIFY(f.isRunLevel());
    QCOMPARE(f.runFailure(), runFailure);
    QCOMPARE(f.httpStatus, status);
    QCOMPARE(f.status, u"http_error"_s);
    QVERIFY2(f.message.contains(QString::number(status)), qPrintable(f.message));
}

void TestLlmFailure::transport_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("stopsAtOnce");
    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << true << false;
    QTest::newRow("DNS") << int(QNetworkReply::HostNotFoundError) << true << false; // may be ready after waking
    QTest::newRow("TLS") << int(QNetworkReply::SslHandshakeFailedError) << false << true;
    QTest::newRow("dropped") << int(QNetworkReply::RemoteHostClosedError) << true << false;
}

void TestLlmFailure::transport()
{
    QFETCH(int, error);
    QFETCH(bool, retryable);
    QFETCH(bool, stopsAtOnce);
    HttpResult r;
    r.networkError = QNetworkReply::NetworkError(error);
    r.errorString = u"it failed"_s;
    const LlmFailure f = LlmFailures::classify(u"OpenAI"_s, r, LlmResponse{}, LlmCallOptions{});
    QCOMPARE(f.kind, Kind::Unreachable);
    QCOMPARE(f.retryable, retryable);
    QCOMPARE(f.stopsAtOnce(), stopsAtOnce);
    QCOMPARE(f.runFailure(), RunFailureKind::ProviderUnreachable);
    QVERIFY(f.message.contains(u"could not be reached: it failed"_s));

    r.networkError = QNetworkReply::OperationCanceledError;
    r.timedOut = true;
    LlmCallOptions call;
    call.timeoutMs = 30000;
    const LlmFailure t = LlmFailures::classify(u"OpenAI"_s, r, LlmResponse{}, call);
    QCOMPARE(t.kind, Kind::Unreachable);
    QVERIFY(t.retryable);
    QCOMPARE(t.status, u"timeout"_s);
    QVERIFY2(t.message.contains(u"30 s"_s), qPrintable(t.message));
}

void TestLlmFailure::flex()
{
    const QByteArray unsupported =
        R"({"error":{"message":"Unsupported service_tier: flex","type":"invalid_request_error","param":"service_tier","code":"unsupported_value"}})";
    QCOMPARE(classifyBody(u"openai"_s, 400, unsupported, ServiceTier::Flex).kind, Kind::FlexRefused);
    const QByteArray recorded429 = TestData::read(u"llm/openrouter_429.json"_s);
    QCOMPARE(classifyBody(u"openai"_s, 429, recorded429, ServiceTier::Flex).kind, Kind::FlexBusy);
    QCOMPARE(classifyBody(u"openai"_s, 429, recorded429, ServiceTier::Standard).kind, Kind::Transient);
    // A context overflow is about size at any tier: split, never a run-level cause.
    const QByteArray tooLong = R"({"error":{"message":"This model's maximum context length is 128000 tokens.","code":"context_length_exceeded"}})";
    const LlmFailure f = classifyBody(u"openai"_s, 400, tooLong);
    QCOMPARE(f.kind, Kind::PromptTooLarge);
    QVERIFY(!f.isRunLevel());
    QCOMPARE(classifyBody(u"anthropic"_s, 413, "request_too_large").kind, Kind::PromptTooLarge);
}

void TestLlmFailure::contentFaultsArePerBatch()
{
    // 2xx with a body that is not the provider's JSON (a proxy page, a cut-off body): another try, not
    // a run-level cause.
    const LlmFailure cut = classifyBody(u"openai"_s, 200, R"({"id":"chatcmpl-1","choices":[{"message":{"content":"[1)");
    QCOMPARE(cut.kind, Kind::Content);
    QVERIFY(cut.retryable);
    QVERIFY(!cut.isRunLevel());
    QCOMPARE(cut.runFailure(), RunFailureKind::None);
    QCOMPARE(cut.status, u"parse_error"_s);
}

void TestLlmFailure::waitsNeverOverflow()
{
    HttpResult r;
    r.status = 429;
    r.headers.insert("retry-after", "86400");
    QCOMPARE(LlmFailures::retryAfterMs(r), std::optional<qint64>(86400LL * 1000));
    r.headers.insert("retry-after", "4294967296"); // 2^32 s: beyond an int, and * 1000 beyond 2^41
    QCOMPARE(LlmFailures::retryAfterMs(r), std::optional<qint64>(4294967296LL * 1000));
    r.headers.insert("retry-after", "99999999999999999999"); // beyond qint64 seconds: saturated
    QCOMPARE(LlmFailures::retryAfterMs(r), std::optional<qint64>(1'000'000'000'000'000LL));
    r.headers.insert("retry-after", "3000000"); // * 1000 overflows a 32-bit int
    QCOMPARE(LlmFailures::retryAfterMs(r), std::optional<qint64>(3000000LL * 1000));
    r.headers.insert("retry-after", "-5");
    QVERIFY(!LlmFailures::retryAfterMs(r));
    r.headers.insert("retry-after", "1.5");
    QCOMPARE(LlmFailures::retryAfterMs(r), std::optional<qint64>(1500));
    const QByteArray gemini =
        R"({"error":{"code":429,"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"99999999999s"}]}})";
    QCOMPARE(LlmFailures::retryDelayFromBody(gemini), std::optional<qint64>(99999999999LL * 1000));
    QCOMPARE(LlmFailures::retryDelayFromBody(R"({"error":{"details":[{"retryDelay":"7s"}]}})"),
             std::optional<qint64>(7000));
    // The classification carries the wait, from the header or Gemini's body.
    HttpResult g;
    g.status = 429;
    g.body = gemini;
    QCOMPARE(LlmFailures::classify(u"Gemini"_s, g, LlmResponse{}, LlmCallOptions{}).retryAfterMs,
             std::optional<qint64>(99999999999LL * 1000));
}

QTEST_GUILESS_MAIN(TestLlmFailure)
#include "tst_llmfailure.moc"
