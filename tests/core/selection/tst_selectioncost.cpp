// SPDX-License-Identifier: GPL-3.0-or-later
// The two cost levers that do not change what the model reads or answers: OpenAI's flex tier (half
// price, with a way back to the standard tier when flex is refused or stalls) and the prompt-cache
// warm-up (a stage's first request goes alone so the others read the fixed part from the cache).
// Real SQLite file, real HTTP over loopback to FakeLlmServer.
#include "digest/digestbuilder.h"
#include "fakellmserver.h"
#include "llm/openaiprovider.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "selection/costestimator.h"
#include "selection/selectionrun.h"
#include "selectionfixture.h"
#include "storage/database.h"
#include "storage/llmrequestrepository.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using Fault = FakeLlmServer::Fault;
using Stage = FakeLlmCall::Stage;

namespace {
int flexCalls(const QList<FakeLlmCall> &calls)
{
    return int(std::count_if(calls.cbegin(), calls.cend(), [](const FakeLlmCall &c) { return c.serviceTier == u"flex"; }));
}
} // namespace

class TestSelectionCost : public QObject
{
    Q_OBJECT

private slots:
    void pricesReadFlexRates();
    void providerSendsAndReadsTheTier();
    void flexRunIsBilledAtFlexRates();
    void flexIsOnlyAskedWhereItIsPriced_data();
    void flexIsOnlyAskedWhereItIsPriced();
    void unsupportedFlexFallsBackForTheWholeRun();
    void flexWithoutCapacityIsRetriedAtStandard();
    void stalledFlexRequestIsRetriedAtStandard();
    void warmUpSendsTheFirstRequestAlone();
    void withoutWarmUpTheFirstWaveFindsTheCacheCold();
    void estimateFollowsTierAndWarmUp();

private:
    struct FourBatches
    {
        std::optional<SelectionSummary> summary;
        QList<FakeLlmCall> calls;
        int maxConcurrent = 0;
        qint64 fixedTokens = 0;
    };
    FourBatches scoreInFourBatches(bool warmUp);

    HttpClient m_http;
    PricingTable m_prices = PricingTable::builtin();
};

void TestSelectionCost::pricesReadFlexRates()
{
    const std::optional<ModelPrice> gpt5 = m_prices.price(u"gpt-5-2025-08-07"_s);
    QVERIFY(gpt5 && gpt5->flex);
    QCOMPARE(gpt5->flex->input, gpt5->input / 2);
    QCOMPARE(gpt5->flex->cachedInput, gpt5->cachedInput / 2);
    QCOMPARE(gpt5->flex->output, gpt5->output / 2);
    QVERIFY(m_prices.offersFlex(u"gpt-5"_s));
    QVERIFY(!m_prices.offersFlex(u"gpt-4.1"_s));
    QVERIFY(!m_prices.offersFlex(u"claude-sonnet-4-5"_s));

    LlmUsage u;
    u.promptTokens = 100000;
    u.cachedTokens = 20000;
    u.completionTokens = 10000;
    const double standard = m_prices.cost(u"gpt-5"_s, u).usd;
    QCOMPARE(m_prices.cost(u"gpt-5"_s, u, ServiceTier::Flex).usd, standard / 2);
    // A tier the model has no rates for is billed at the standard rates, never less.
    QCOMPARE(m_prices.cost(u"gpt-4.1"_s, u, ServiceTier::Flex).usd, m_prices.cost(u"gpt-4.1"_s, u).usd);

    // The user's file can change flex rates, add them, or turn flex off for a model.
    PricingTable edited = m_prices;
    QString error;
    QVERIFY2(edited.mergeJson(R"({"models": {"gpt-5": {"flex": null},
                                             "gpt-4.1": {"flex": {"input": 1, "output": 4}}}})",
                              &error),
             qPrintable(error));
    QVERIFY(!edited.offersFlex(u"gpt-5"_s));
    QCOMPARE(edited.price(u"gpt-5"_s)->input, gpt5->input); // the rest of the row stays
    QVERIFY(edited.offersFlex(u"gpt-4.1"_s));
    QCOMPARE(edited.price(u"gpt-4.1"_s)->flex->cachedInput, 1.0); // no cache price given: never under-count

    PricingTable broken = m_prices;
    QVERIFY(!broken.mergeJson(R"({"models": {"gpt-5": {"flex": {"input": "cheap"}}}})", &error));
    QVERIFY(error.contains(u"flex"));
    QCOMPARE(broken.price(u"gpt-5"_s), gpt5); // nothing changed

    PricingTable roundTrip;
    QVERIFY(roundTrip.mergeJson(m_prices.toJson()));
    QCOMPARE(roundTrip.price(u"gpt-5"_s), gpt5);
}

void TestSelectionCost::providerSendsAndReadsTheTier()
{
    LlmPrompt prompt;
    prompt.user = u"hello"_s;
    LlmCallOptions options;
    options.model = u"gpt-5"_s;
    options.serviceTier = ServiceTier::Flex;
    const auto body = [](const HttpRequest &r) { return QJsonDocument::fromJson(r.body).object(); };

    const OpenAiProvider openAi({QUrl(), u"k"_s, false}, OpenAiProvider::Flavor::OpenAi);
    QCOMPARE(body(openAi.buildRequest(prompt, options)).value(u"service_tier"_s).toString(), u"flex"_s);
    options.serviceTier = ServiceTier::Standard;
    QVERIFY(!body(openAi.buildRequest(prompt, options)).contains(u"service_tier"_s));
    // Servers that merely speak the format do not get OpenAI's tier.
    options.serviceTier = ServiceTier::Flex;
    const OpenAiProvider compatible({QUrl(u"http://127.0.0.1:1/v1"_s), {}, false}, OpenAiProvider::Flavor::Compatible);
    QVERIFY(!body(compatible.buildRequest(prompt, options)).contains(u"service_tier"_s));

    const QByteArray answer = R"({"id":"x","object":"chat.completion","model":"gpt-5-2025-08-07","service_tier":"flex",
        "choices":[{"index":0,"message":{"role":"assistant","content":"[]"},"finish_reason":"stop"}],
        "usage":{"prompt_tokens":10,"completion_tokens":2}})";
    const LlmResponse r = openAi.parseResponse(200, answer);
    QVERIFY(r.isOk());
    QCOMPARE(r.serviceTier, u"flex"_s);
    QCOMPARE(ServiceTiers::fromReply(r.serviceTier, ServiceTier::Standard), ServiceTier::Flex);
    QCOMPARE(ServiceTiers::fromReply(u"default"_s, ServiceTier::Flex), ServiceTier::Standard);
    QCOMPARE(ServiceTiers::fromReply(QString(), ServiceTier::Flex), ServiceTier::Flex);
}

void TestSelectionCost::flexRunIsBilledAtFlexRates()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(12);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.serviceTier = ServiceTier::Flex;
    const qint64 runId = fx.newRun(config.model);
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto summary = SelectionFixture::runToEnd(run, runId, SelectionFixture::ids(papers));
    QVERIFY(summary);
    QVERIFY2(summary->error.isEmpty(), qPrintable(summary->error));
    QCOMPARE(summary->scored, 12);

    const QList<FakeLlmCall> calls = server.calls();
    QVERIFY(calls.size() >= 2);
    QCOMPARE(flexCalls(calls), calls.size());
    QCOMPARE(summary->flexRequests, calls.size());
    QCOMPARE(summary->flexFallbacks, 0);
    QVERIFY(summary->notes.isEmpty());

    // Every request row and the run are priced at the flex rates: half of what standard would cost.
    double rows = 0;
    for (const LlmRequestRecord &r : LlmRequestRepository(fx.db()).forRun(runId))
        rows += r.costUsd;
    QCOMPARE(summary->costUsd, rows);
    QCOMPARE(summary->costUsd, m_prices.cost(config.model, summary->usage, ServiceTier::Flex).usd);
    QVERIFY(summary->costUsd > 0);
    QCOMPARE(summary->costUsd * 2, m_prices.cost(config.model, summary->usage).usd);
    for (const LlmRequestRecord &r : LlmRequestRepository(fx.db()).forRun(runId))
        QCOMPARE(r.serviceTier, u"flex"_s);

    // The digest's token table prices the run at the rates that were paid, not at the standard ones.
    QString error;
    const std::optional<Digest> digest = DigestBuilder(fx.db(), m_prices).forRun(runId, &error);
    QVERIFY2(digest, qPrintable(error));
    const QList<DigestModelUsage> &table = digest->usage;
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.first().model, config.model);
    QCOMPARE(table.first().totalCostUsd(), summary->costUsd);
}

void TestSelectionCost::flexIsOnlyAskedWhereItIsPriced_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("note");
    QTest::newRow("openai model without flex price") << u"openai"_s << u"gpt-4.1"_s << true;
    QTest::newRow("compatible server") << u"openai-compatible"_s << u"gpt-5"_s << false;
    QTest::newRow("anthropic") << u"anthropic"_s << u"claude-sonnet-4-5"_s << false;
}

void TestSelectionCost::flexIsOnlyAskedWhereItIsPriced()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(bool, note);
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(6);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    SelectionConfig config = SelectionFixture::configFor(server, provider);
    config.model = model;
    config.serviceTier = ServiceTier::Flex;
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto summary = SelectionFixture::runToEnd(run, fx.newRun(model), SelectionFixture::ids(papers));
    QVERIFY(summary);
    QVERIFY2(summary->error.isEmpty(), qPrintable(summary->error));
    QCOMPARE(summary->scored, 6);
    for (const FakeLlmCall &c : server.calls())
        QVERIFY2(!c.body.contains(u"service_tier"_s), qPrintable(provider));
    QCOMPARE(summary->flexRequests, 0);
    QCOMPARE(!summary->notes.isEmpty(), note);
    QCOMPARE(CostEstimator::tierFor(config, m_prices), ServiceTier::Standard);
}

void TestSelectionCost::unsupportedFlexFallsBackForTheWholeRun()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(20);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    server.setFlexModels({}); // this account has no flex tier: OpenAI's 400 "Unsupported service_tier: flex"
    server.setLatencyMs(20);
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.serviceTier = ServiceTier::Flex;
    config.concurrency = 1; // one refused flex request, then the whole run at standard
    const qint64 runId = fx.newRun(config.model);
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto summary = SelectionFixture::runToEnd(run, runId, SelectionFixture::ids(papers));
    QVERIFY(summary);
    QVERIFY2(summary->error.isEmpty(), qPrintable(summary->error));
    QCOMPARE(summary->scored, 20);
    QCOMPARE(summary->unscored, 0);

    const QList<FakeLlmCall> calls = server.calls();
    QCOMPARE(flexCalls(calls), 1);
    QCOMPARE(calls.first().serviceTier, u"flex"_s);
    for (qsizetype i = 1; i < calls.size(); ++i)
        QVERIFY(calls.at(i).serviceTier.isEmpty());
    QCOMPARE(summary->notes.size(), 1);
    QVERIFY2(summary->notes.first().contains(u"flex"), qPrintable(summary->notes.first()));
    QCOMPARE(summary->flexRequests, 0);

    // The refusal is on record with OpenAI's words; the run is priced at the standard rates.
    const QList<LlmRequestRecord> rows = LlmRequestRepository(fx.db()).forRun(runId);
    QCOMPARE(rows.size(), calls.size());
    QCOMPARE(rows.first().httpStatus, 400);
    QVERIFY2(rows.first().error.contains(u"service_tier"), qPrintable(rows.first().error));
    QCOMPARE(summary->costUsd, m_prices.cost(config.model, summary->usage).usd);
}

void TestSelectionCost::flexWithoutCapacityIsRetriedAtStandard()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(12);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    server.failNext(Fault::FlexUnavailable, 1, Stage::Abstract);
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.serviceTier = ServiceTier::Flex;
    config.titleFilter = false;
    config.abstractBatchSize = 4;
    const qint64 runId = fx.newRun(config.model);
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    const auto summary = SelectionFixture::runToEnd(run, runId, SelectionFixture::ids(papers));
    QVERIFY(summary);
    QVERIFY2(summary->error.isEmpty(), qPrintable(summary->error));
    QCOMPARE(summary->scored, 12);
    QCOMPARE(summary->flexFallbacks, 1);

    // 3 batches: the refused one went again at the standard tier, the other two stayed at flex.
    const QList<FakeLlmCall> calls = server.calls();
    QCOMPARE(calls.size(), 4);
    QCOMPARE(calls.first().fault, int(Fault::FlexUnavailable));
    QCOMPARE(flexCalls(calls), 3);
    QCOMPARE(summary->flexRequests, 2);
    const QStringList refused = calls.first().ids();
    const auto again = std::find_if(calls.cbegin() + 1, calls.cend(), [&](const FakeLlmCall &c) { return c.ids() == refused; });
    QVERIFY(again != calls.cend());
    QVERIFY(again->serviceTier.isEmpty());
    // Each answer is priced at the tier that served it.
    const QList<LlmRequestRecord> rows = LlmRequestRepository(fx.db()).forRun(runId);
    double expected = 0;
    for (const FakeLlmCall &c : calls) {
        const LlmUsage u{c.promptTokens, c.cachedTokens, c.completionTokens, c.reasoningTokens};
        expected += m_prices.cost(config.model, u, c.serviceTier == u"flex" ? ServiceTier::Flex : ServiceTier::Standard).usd;
    }
    QCOMPARE(summary->costUsd, expected);
    QCOMPARE(rows.size(), 4);
}

void TestSelectionCost::stalledFlexRequestIsRetriedAtStandard()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(4);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    server.failNext(Fault::Stall, 1);
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.serviceTier = ServiceTier::Flex;
    config.titleFilter = false;
    config.timeoutMs = 300;
    config.flexTimeoutMs = 600; // flex requests get the longer wait
    SelectionRun run(fx.db(), m_http, m_prices, config);
    run.setRetryPolicy(SelectionFixture::fastRetry());
    QElapsedTimer clock;
    clock.start();
    const auto summary = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    QVERIFY(summary);
    QVERIFY2(summary->error.isEmpty(), qPrintable(summary->error));
    QCOMPARE(summary->scored, 4);
    QCOMPARE(summary->flexFallbacks, 1);
    QVERIFY2(clock.elapsed() >= 600, "the flex request was given the flex timeout, not the standard one");
    const QList<FakeLlmCall> calls = server.calls();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).serviceTier, u"flex"_s);
    QVERIFY(calls.at(1).serviceTier.isEmpty());
}

TestSelectionCost::FourBatches TestSelectionCost::scoreInFourBatches(bool warmUp)
{
    // 16 papers, 4 abstract batches, 4 at a time, 150 ms per answer.
    FourBatches out;
    SelectionFixture fx;
    if (!fx.open())
        return out;
    const QList<Paper> papers = fx.addPapers(16);
    FakeLlmServer server;
    if (!server.listen())
        return out;
    server.registerPapers(papers);
    server.setLatencyMs(150);
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.titleFilter = false;
    config.abstractBatchSize = 4;
    config.concurrency = 4;
    config.warmPromptCache = warmUp;
    out.fixedTokens = CostEstimator::fixedPromptTokens(config, false);
    SelectionRun run(fx.db(), m_http, m_prices, config);
    out.summary = SelectionFixture::runToEnd(run, fx.newRun(config.model), SelectionFixture::ids(papers));
    out.calls = server.calls();
    out.maxConcurrent = server.maxConcurrentRequests();
    return out;
}

void TestSelectionCost::warmUpSendsTheFirstRequestAlone()
{
    const FourBatches r = scoreInFourBatches(true);
    QVERIFY(r.summary);
    QVERIFY2(r.summary->error.isEmpty(), qPrintable(r.summary->error));
    QVERIFY(r.fixedTokens >= CostEstimator::kMinCachedPrefix);
    QCOMPARE(r.calls.size(), 4);
    QCOMPARE(r.calls.first().cachedTokens, 0);
    for (qsizetype i = 1; i < r.calls.size(); ++i) {
        // Sent after the first answer came back (150 ms of latency), then all at once, all reading the cache.
        const qint64 after = r.calls.at(i).receivedAtMs - r.calls.first().receivedAtMs;
        QVERIFY2(after >= 140, qPrintable(u"call %1 came %2 ms after the first"_s.arg(i).arg(after)));
        QVERIFY(r.calls.at(i).cachedTokens >= 1024);
    }
    QCOMPARE(r.maxConcurrent, 3);
    QCOMPARE(r.summary->usage.cachedTokens, r.calls.at(1).cachedTokens * 3);
}

void TestSelectionCost::withoutWarmUpTheFirstWaveFindsTheCacheCold()
{
    const FourBatches r = scoreInFourBatches(false);
    QVERIFY(r.summary);
    QCOMPARE(r.calls.size(), 4);
    QCOMPARE(r.maxConcurrent, 4);
    QCOMPARE(r.summary->usage.cachedTokens, 0);
}

void TestSelectionCost::estimateFollowsTierAndWarmUp()
{
    SelectionConfig config;
    config.criteria = Criteria::defaults();
    config.provider = u"openai"_s;
    config.model = u"gpt-5"_s;
    config.reasoningEffort = u"low"_s;
    config.concurrency = 4;
    const CostEstimate standard = CostEstimator::estimate(663, config, m_prices);
    config.serviceTier = ServiceTier::Flex;
    const CostEstimate flex = CostEstimator::estimate(663, config, m_prices);
    QCOMPARE(flex.usage, standard.usage);
    QCOMPARE(flex.usd * 2, standard.usd);

    // With the warm-up, every abstract request but the first reads the fixed part from the cache.
    QVERIFY(standard.abstractRequests > 1);
    const qint64 fixed = CostEstimator::fixedPromptTokens(config, false);
    QVERIFY(standard.usage.cachedTokens >= (standard.abstractRequests - 1) * (fixed / 128 * 128));
    config.warmPromptCache = false;
    const CostEstimate cold = CostEstimator::estimate(663, config, m_prices);
    QVERIFY(cold.usage.cachedTokens < standard.usage.cachedTokens);
    QVERIFY(cold.usd > flex.usd);
}

QTEST_GUILESS_MAIN(TestSelectionCost)
#include "tst_selectioncost.moc"
