// SPDX-License-Identifier: GPL-3.0-or-later
// The providers are pure (request in, response out), so they are checked against responses recorded
// from the real APIs (tests/support/testdata/llm, see SOURCES.md) and against what each API requires.
#include "llm/anthropicprovider.h"
#include "llm/geminiprovider.h"
#include "llm/llmapikeys.h"
#include "llm/llmerrortext.h"
#include "llm/llmproviders.h"
#include "llm/openaiprovider.h"
#include "llm/pricingtable.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
LlmPrompt prompt()
{
    LlmPrompt p;
    p.system = u"You are a helpful paper reading assistant."_s;
    p.user = u"FIXED PART\n\n<paper id=\"2510.00001\">\nTitle: T\nAbstract: A\n</paper>\n"_s;
    p.fixedLength = 12;
    return p;
}

QJsonObject bodyOf(const HttpRequest &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray header(const HttpRequest &r, const QByteArray &name)
{
    for (const auto &[n, v] : r.headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

std::unique_ptr<LlmProvider> make(const QString &id, const QString &base = {})
{
    QString error;
    auto p = LlmProviders::create(id, {QUrl(base), u"sk-test-1234567890abcdef"_s, false}, &error);
    if (!p)
        qWarning("%s", qPrintable(error));
    return p;
}
} // namespace

class TestLlmProviders : public QObject
{
    Q_OBJECT

private slots:
    void openAiReasoningRequest();
    void openAiClassicAndCompatibleRequests();
    void openAiRecordedResponses();
    void openAiErrors();
    void anthropicRequestAndRecordedUsage();
    void geminiRequestAndRecordedUsage();
    void unknownProviderAndMissingKey();
    void pricingOfRecordedUsage();
    void apiKeyEnvironmentNames();
};

void TestLlmProviders::openAiReasoningRequest()
{
    auto p = make(u"openai"_s);
    LlmCallOptions o;
    o.model = u"gpt-5"_s;
    o.reasoningEffort = u"low"_s;
    o.maxOutputTokens = 9000;
    o.cacheKey = u"papersieve-abc"_s;
    const HttpRequest r = p->buildRequest(prompt(), o);
    QCOMPARE(r.url, QUrl(u"https://api.openai.com/v1/chat/completions"_s));
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(header(r, "Authorization"), QByteArray("Bearer sk-test-1234567890abcdef"));
    const QJsonObject b = bodyOf(r);
    QCOMPARE(b.value(u"model"_s).toString(), u"gpt-5"_s);
    QCOMPARE(b.value(u"max_completion_tokens"_s).toInt(), 9000);
    QCOMPARE(b.value(u"reasoning_effort"_s).toString(), u"low"_s);
    QVERIFY(!b.contains(u"temperature"_s)); // gpt-5 rejects anything but the default
    QVERIFY(!b.contains(u"max_tokens"_s));
    QCOMPARE(b.value(u"prompt_cache_key"_s).toString(), u"papersieve-abc"_s);
    const QJsonArray messages = b.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
    QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), prompt().user);
    // o-series and vendor-prefixed names are reasoning models too; gpt-4.1 is not.
    QVERIFY(LlmProvider::isOpenAiReasoningModel(u"o3-mini"_s));
    QVERIFY(LlmProvider::isOpenAiReasoningModel(u"openai/gpt-5-mini"_s));
    QVERIFY(!LlmProvider::isOpenAiReasoningModel(u"gpt-4.1"_s));
}

void TestLlmProviders::openAiClassicAndCompatibleRequests()
{
    LlmCallOptions o;
    o.model = u"gpt-4.1"_s;
    o.reasoningEffort = u"high"_s;
    QJsonObject b = bodyOf(make(u"openai"_s)->buildRequest(prompt(), o));
    QCOMPARE(b.value(u"temperature"_s).toInt(), 0);
    QVERIFY(b.contains(u"max_completion_tokens"_s));
    QVERIFY(!b.contains(u"reasoning_effort"_s));

    // Local servers (Ollama, LM Studio, vLLM) still read max_tokens; the base URL is kept as given.
    auto local = make(u"openai-compatible"_s, u"http://localhost:11434/v1"_s);
    QVERIFY(local);
    o.model = u"qwen3:0.6b"_s;
    const HttpRequest r = local->buildRequest(prompt(), o);
    QCOMPARE(r.url, QUrl(u"http://localhost:11434/v1/chat/completions"_s));
    b = bodyOf(r);
    QVERIFY(b.contains(u"max_tokens"_s));
    QVERIFY(!b.contains(u"prompt_cache_key"_s));
    // Azure-style endpoints take the key in "api-key" and keep their query.
    QString error;
    auto azure = LlmProviders::create(u"openai-compatible"_s,
                                     {QUrl(u"https://my.openai.azure.com/openai/deployments/d?api-version=2024-10-21"_s),
                                      u"azure-key"_s, false},
                                     &error);
    QVERIFY2(azure, qPrintable(error));
    const HttpRequest ar = azure->buildRequest(prompt(), o);
    QCOMPARE(header(ar, "api-key"), QByteArray("azure-key"));
    QVERIFY(header(ar, "Authorization").isEmpty());
    QCOMPARE(ar.url.path(), u"/openai/deployments/d/chat/completions"_s);
    QCOMPARE(ar.url.query(), u"api-version=2024-10-21"_s);
    // Plain http is only allowed on loopback.
    QVERIFY(!LlmProviders::create(u"openai-compatible"_s, {QUrl(u"http://example.com/v1"_s), {}, false}, &error));
}

void TestLlmProviders::openAiRecordedResponses()
{
    auto p = make(u"openai"_s);
    LlmResponse r = p->parseResponse(200, TestData::read(u"llm/openai_gpt5_chat.json"_s));
    QVERIFY(r.isOk());
    QCOMPARE(r.text, u"Paris."_s);
    QCOMPARE(r.model, u"gpt-5-2025-08-07"_s);
    QCOMPARE(r.finishReason, u"stop"_s);
    QCOMPARE(r.usage.promptTokens, 13);
    QCOMPARE(r.usage.completionTokens, 11);

    r = p->parseResponse(200, TestData::read(u"llm/openai_o3mini_reasoning.json"_s));
    QVERIFY(r.isOk());
    QCOMPARE(r.usage.completionTokens, 238); // includes the reasoning
    QCOMPARE(r.usage.reasoningTokens, 192);
    QCOMPARE(r.usage.cachedTokens, 0);

    r = p->parseResponse(200, TestData::read(u"llm/openai_gpt4o_usage.json"_s));
    QVERIFY(r.isOk());
    QVERIFY(r.text.startsWith(u"Hello!"_s));
    QVERIFY(r.usageReported);

    // Ollama's OpenAI-compatible answer carries its thinking in "reasoning": not part of the answer.
    r = make(u"openai-compatible"_s, u"http://localhost:11434/v1"_s)->parseResponse(200, TestData::read(u"llm/ollama_qwen3_chat.json"_s));
    QVERIFY(r.isOk());
    QCOMPARE(r.text, u"{ \"city\": \"Paris\", \"country\": \"France\" }"_s);
    QCOMPARE(r.usage.promptTokens, 136);
    QCOMPARE(r.usage.completionTokens, 15);
}

void TestLlmProviders::openAiErrors()
{
    auto p = make(u"openai"_s);
    LlmResponse r = p->parseResponse(400, TestData::read(u"llm/openai_400_error.json"_s));
    QCOMPARE(r.kind, LlmResponse::Kind::HttpError);
    QVERIFY2(r.error.contains(u"decimal below minimum value"_s), qPrintable(r.error));
    QVERIFY(r.error.contains(u"400"_s));

    auto router = make(u"openai-compatible"_s, u"https://openrouter.ai/api/v1"_s);
    r = router->parseResponse(429, TestData::read(u"llm/openrouter_429.json"_s));
    QCOMPARE(r.kind, LlmResponse::Kind::HttpError);
    QCOMPARE(r.httpStatus, 429);
    QVERIFY2(r.error.contains(u"Provider returned error"_s) || r.error.contains(u"rate-limited"_s), qPrintable(r.error));
    // OpenRouter can also say it with a 200 and an error object instead of choices.
    r = router->parseResponse(200, TestData::read(u"llm/openrouter_429.json"_s));
    QCOMPARE(r.kind, LlmResponse::Kind::HttpError);
    QCOMPARE(r.httpStatus, 429);

    // A proxy's HTML page, a cut-off body, a refusal.
    QCOMPARE(p->parseResponse(200, "<html>gateway</html>").kind, LlmResponse::Kind::BadBody);
    QCOMPARE(p->parseResponse(200, TestData::read(u"llm/openai_gpt5_chat.json"_s).left(200)).kind, LlmResponse::Kind::BadBody);
    r = p->parseResponse(200, R"({"choices":[{"finish_reason":"stop","message":{"content":null,"refusal":"I can't help."}}]})");
    QCOMPARE(r.kind, LlmResponse::Kind::Refused);
    QVERIFY(r.error.contains(u"I can't help."_s));
    r = p->parseResponse(200, R"({"choices":[{"finish_reason":"length","message":{"content":""}}],"usage":{"prompt_tokens":5,"completion_tokens":9000,"completion_tokens_details":{"reasoning_tokens":9000}}})");
    QCOMPARE(r.kind, LlmResponse::Kind::Refused);
    QVERIFY(r.truncated);
    QCOMPARE(r.usage.reasoningTokens, 9000); // paid for even though useless

    // The key never appears in an error text.
    const QString text = LlmErrorText::describe(u"OpenAI"_s, 401,
        R"({"error":{"message":"Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwxyz0123456789. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","code":"invalid_api_key"}})");
    QVERIFY(!text.contains(u"abcdefghijklmnopqrstuvwxyz0123456789"_s));
}

void TestLlmProviders::anthropicRequestAndRecordedUsage()
{
    auto p = make(u"anthropic"_s);
    LlmCallOptions o;
    o.model = u"claude-sonnet-4-5"_s;
    HttpRequest r = p->buildRequest(prompt(), o);
    QCOMPARE(r.url, QUrl(u"https://api.anthropic.com/v1/messages"_s));
    QCOMPARE(header(r, "x-api-key"), QByteArray("sk-test-1234567890abcdef"));
    QCOMPARE(header(r, "anthropic-version"), QByteArray("2023-06-01"));
    QJsonObject b = bodyOf(r);
    QCOMPARE(b.value(u"system"_s).toArray().first().toObject().value(u"text"_s).toString(), prompt().system);
    const QJsonArray content = b.value(u"messages"_s).toArray().first().toObject().value(u"content"_s).toArray();
    QCOMPARE(content.size(), 2);
    // The cache breakpoint sits on the fixed part, which comes first.
    QCOMPARE(content.at(0).toObject().value(u"text"_s).toString(), prompt().fixedPart());
    QCOMPARE(content.at(0).toObject().value(u"cache_control"_s).toObject().value(u"type"_s).toString(), u"ephemeral"_s);
    QVERIFY(!content.at(1).toObject().contains(u"cache_control"_s));
    QCOMPARE(b.value(u"temperature"_s).toInt(), 0);
    QVERIFY(!b.contains(u"thinking"_s));

    o.reasoningEffort = u"medium"_s;
    b = bodyOf(p->buildRequest(prompt(), o));
    QCOMPARE(b.value(u"thinking"_s).toObject().value(u"budget_tokens"_s).toInt(), 4096);
    QVERIFY(b.value(u"max_tokens"_s).toInt() > 4096);
    QVERIFY(!b.contains(u"temperature"_s));

    // Recorded: input_tokens excludes cache reads and writes; ours includes both.
    LlmResponse resp = p->parseResponse(200, TestData::read(u"llm/anthropic_cache_read.json"_s));
    QVERIFY(resp.isOk());
    QCOMPARE(resp.model, u"claude-sonnet-4-5-20250929"_s);
    QCOMPARE(resp.usage.promptTokens, 3 + 418 + 1111);
    QCOMPARE(resp.usage.cachedTokens, 1111);
    QCOMPARE(resp.usage.completionTokens, 33);
    resp = p->parseResponse(200, TestData::read(u"llm/anthropic_cache_write.json"_s));
    QCOMPARE(resp.usage.completionTokens, 406);
    QVERIFY(resp.text.startsWith(u"# What is Python?"_s));
    QCOMPARE(p->parseResponse(529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})").kind,
             LlmResponse::Kind::HttpError);
}

void TestLlmProviders::geminiRequestAndRecordedUsage()
{
    auto p = make(u"gemini"_s);
    LlmCallOptions o;
    o.model = u"gemini-2.5-flash"_s;
    o.reasoningEffort = u"minimal"_s;
    const HttpRequest r = p->buildRequest(prompt(), o);
    QCOMPARE(r.url, QUrl(u"https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent"_s));
    QVERIFY(!r.url.toString().contains(u"sk-test"_s)); // the key is a header, never in the URL
    QCOMPARE(header(r, "x-goog-api-key"), QByteArray("sk-test-1234567890abcdef"));
    const QJsonObject b = bodyOf(r);
    QCOMPARE(b.value(u"systemInstruction"_s).toObject().value(u"parts"_s).toArray().first().toObject().value(u"text"_s).toString(),
             prompt().system);
    QCOMPARE(b.value(u"generationConfig"_s).toObject().value(u"thinkingConfig"_s).toObject().value(u"thinkingBudget"_s).toInt(), 0);
    QCOMPARE(GeminiProvider::thinkingBudget(u"gemini-2.5-pro"_s, u"minimal"_s), 128); // pro cannot switch it off

    // Recorded: thoughtsTokenCount is not in candidatesTokenCount; billable output is both.
    const LlmResponse resp = p->parseResponse(200, TestData::read(u"llm/gemini_flash_thinking.json"_s));
    QVERIFY(resp.isOk());
    QCOMPARE(resp.text, u"Hello! How can I help you today?"_s);
    QCOMPARE(resp.usage.promptTokens, 9);
    QCOMPARE(resp.usage.reasoningTokens, 34);
    QCOMPARE(resp.usage.completionTokens, 9 + 34);
    QCOMPARE(resp.usage.totalTokens(), 52);
    const LlmResponse blocked = p->parseResponse(200, R"({"promptFeedback":{"blockReason":"SAFETY"}})");
    QCOMPARE(blocked.kind, LlmResponse::Kind::Refused);
    QVERIFY(blocked.error.contains(u"SAFETY"_s));
}

void TestLlmProviders::unknownProviderAndMissingKey()
{
    QString error;
    QVERIFY(!LlmProviders::create(u"mistery"_s, {}, &error));
    QVERIFY(error.contains(u"mistery"_s));
    QVERIFY(!LlmProviders::create(u"openai"_s, {}, &error));
    QVERIFY(error.contains(u"API key"_s));
    QVERIFY(!LlmProviders::create(u"openai-compatible"_s, {}, &error)); // needs a base URL
    QVERIFY(LlmProviders::create(u"openai-compatible"_s, {QUrl(u"http://127.0.0.1:1234/v1"_s), {}, false}, &error));
}

void TestLlmProviders::pricingOfRecordedUsage()
{
    const PricingTable prices = PricingTable::builtin();
    // The reference benchmark run's usage at gpt-5 prices (cached input at the cache price).
    LlmUsage u;
    u.promptTokens = 62716;
    u.cachedTokens = 5760;
    u.completionTokens = 6367;
    const LlmCost c = prices.cost(u"gpt-5-2025-08-07"_s, u);
    QVERIFY(c.priceKnown);
    QCOMPARE(qRound(c.usd * 1000), 136); // the reference's $0.136 for its benchmark run
    QVERIFY(!prices.cost(u"llama3.1:8b"_s, u).priceKnown);
    QCOMPARE(prices.cost(u"llama3.1:8b"_s, u).usd, 0.0);
    QCOMPARE(prices.resolve(u"openai/gpt-5"_s), u"gpt-5"_s);
    QCOMPARE(prices.resolve(u"claude-sonnet-4-5-20250929"_s), u"claude-sonnet-4-5"_s);
    QVERIFY(prices.resolve(u"gpt-5-mini"_s) != u"gpt-5"_s);
    // A user's override merges field by field; a broken file changes nothing.
    PricingTable edited = prices;
    QVERIFY(edited.mergeJson(R"({"models":{"gpt-5":{"output":8.0},"my-local":{"input":0.1,"output":0.2}}})"));
    QCOMPARE(edited.price(u"gpt-5"_s)->output, 8.0);
    QCOMPARE(edited.price(u"gpt-5"_s)->input, 1.25);
    QCOMPARE(edited.price(u"my-local"_s)->cachedInput, 0.1); // no cache discount known: never under-count
    QString error;
    QVERIFY(!edited.mergeJson(R"({"models":{"gpt-5":{"input":-1}}})", &error));
    QCOMPARE(edited.price(u"gpt-5"_s)->input, 1.25);
}

void TestLlmProviders::apiKeyEnvironmentNames()
{
    QCOMPARE(LlmApiKeys::environmentVariable(u"openai"_s), u"OPENAI_API_KEY"_s);
    // M2: a compatible server has its own variable; OpenAI's key only goes to OpenAI's host.
    QCOMPARE(LlmApiKeys::environmentVariable(u"openai-compatible"_s), u"PAPERSIEVE_LLM_API_KEY"_s);
    qputenv("OPENAI_API_KEY", "sk-real-openai");
    qunsetenv("PAPERSIEVE_LLM_API_KEY");
    QVERIFY(LlmApiKeys::fromEnvironment(u"openai-compatible"_s, QUrl(u"http://127.0.0.1:11434/v1"_s)).isEmpty());
    QCOMPARE(LlmApiKeys::fromEnvironment(u"openai-compatible"_s, QUrl(u"https://api.openai.com/v1"_s)), u"sk-real-openai"_s);
    qputenv("PAPERSIEVE_LLM_API_KEY", "local-key");
    QCOMPARE(LlmApiKeys::fromEnvironment(u"openai-compatible"_s, QUrl(u"http://127.0.0.1:11434/v1"_s)), u"local-key"_s);
    qunsetenv("PAPERSIEVE_LLM_API_KEY");
    qunsetenv("OPENAI_API_KEY");
    QCOMPARE(LlmApiKeys::environmentVariable(u"anthropic"_s), u"ANTHROPIC_API_KEY"_s);
    QCOMPARE(LlmApiKeys::environmentVariable(u"gemini"_s), u"GEMINI_API_KEY"_s);
    qputenv("ANTHROPIC_API_KEY", "from-env");
    QCOMPARE(LlmApiKeys::fromEnvironment(u"anthropic"_s), u"from-env"_s);
    qunsetenv("ANTHROPIC_API_KEY");
    QVERIFY(LlmApiKeys::fromEnvironment(u"anthropic"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestLlmProviders)
#include "tst_llmproviders.moc"
