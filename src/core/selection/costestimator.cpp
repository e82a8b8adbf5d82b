// SPDX-License-Identifier: GPL-3.0-or-later
#include "costestimator.h"

#include "batchplanner.h"
#include "llm/llmprovider.h"
#include "llm/pricingtable.h"
#include "promptbuilder.h"

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
// Per-message overhead of the chat formats (role markers), as providers count it.
constexpr qint64 kMessageOverhead = 8;

// Prompt caching reads a repeated prefix of at least 1,024 tokens (in 128-token steps at OpenAI). With
// the warm-up (SelectionRun sends a stage's first request alone) every later request reads it; without
// it the first wave of concurrent requests finds the cache cold.
qint64 cachedTokens(qint64 fixed, int requests, int concurrency, bool warmUp)
{
    if (fixed < CostEstimator::kMinCachedPrefix || requests <= 1)
        return 0;
    const int cold = warmUp && concurrency > 1 ? 1 : std::max(1, concurrency);
    if (requests <= cold)
        return 0;
    return qint64(requests - cold) * (fixed / 128 * 128);
}

CostEstimate compute(int paperCount, qint64 titleTokensAll, double abstractTokensEach, const SelectionConfig &config,
                     const PricingTable &prices, const CostEstimator::Assumptions &a)
{
    CostEstimate e;
    e.papers = std::max(0, paperCount);
    const int concurrency = BatchPlanner::effectiveConcurrency(config.concurrency);
    int kept = e.papers;
    if (config.titleFilter && e.papers > 0) {
        const int size = BatchPlanner::titleBatchSize(e.papers, concurrency, config.titleBatchSize);
        const QList<int> sizes = BatchPlanner::split(e.papers, size);
        e.titleRequests = int(sizes.size());
        const qint64 fixed = CostEstimator::fixedPromptTokens(config, true);
        e.usage.promptTokens += fixed * e.titleRequests + titleTokensAll + 4 * e.titleRequests; // <papers> fence
        if (a.cacheFixedPart)
            e.usage.cachedTokens += cachedTokens(fixed, e.titleRequests, concurrency, config.warmPromptCache);
        for (const int n : sizes)
            e.usage.completionTokens += CostEstimator::answerTokens(true, n, config, a);
        kept = int(std::ceil(e.papers * std::clamp(a.titleKeepFraction, 0.0, 1.0)));
    }
    e.scoredPapers = kept;
    if (kept > 0) {
        const int size = BatchPlanner::abstractBatchSize(kept, concurrency, config.abstractBatchSize);
        const QList<int> sizes = BatchPlanner::split(kept, size);
        e.abstractRequests = int(sizes.size());
        const qint64 fixed = CostEstimator::fixedPromptTokens(config, false);
        e.usage.promptTokens += fixed * e.abstractRequests + qint64(std::llround(abstractTokensEach * kept));
        if (a.cacheFixedPart)
            e.usage.cachedTokens += cachedTokens(fixed, e.abstractRequests, concurrency, config.warmPromptCache);
        for (const int n : sizes)
            e.usage.completionTokens += CostEstimator::answerTokens(false, n, config, a);
    }
    e.usage.reasoningTokens = qint64(CostEstimator::reasoningTokensPerPaper(config)) * (e.papers + kept);
    e.tier = CostEstimator::tierFor(config, prices);
    const LlmCost cost = prices.cost(config.model, e.usage, e.tier);
    e.usd = cost.usd;
    e.priceKnown = cost.priceKnown;
    return e;
}
} // namespace

ServiceTier CostEstimator::tierFor(const SelectionConfig &config, const PricingTable &prices)
{
    if (config.serviceTier == ServiceTier::Flex && config.provider == u"openai" && prices.offersFlex(config.model))
        return ServiceTier::Flex;
    return ServiceTier::Standard;
}

qint64 CostEstimator::fixedPromptTokens(const SelectionConfig &config, bool titleStage)
{
    const QString fixed = titleStage ? PromptBuilder::fixedTitlePart(config.criteria)
                                     : PromptBuilder::fixedAbstractPart(config.criteria);
    return tokens(config.criteria.systemPrompt.trimmed().toUtf8().size()) + tokens(fixed.toUtf8().size())
           + kMessageOverhead;
}

int CostEstimator::reasoningTokensPerPaper(const SelectionConfig &config)
{
    // Rough per-paper figures for hidden reasoning; gpt-5 defaults to medium. The reference digest of
    // 2025-10-07 (gpt-5, default effort) spent 106,795 completion tokens on 866 scanned papers.
    const bool openAiReasoning = LlmProvider::isOpenAiReasoningModel(config.model);
    QString effort = config.reasoningEffort;
    if (effort.isEmpty()) {
        if (!openAiReasoning)
            return 0; // other providers: thinking off unless asked for
        effort = u"medium"_s;
    }
    if (effort == u"minimal")
        return 0;
    if (effort == u"low")
        return 40;
    if (effort == u"medium")
        return 120;
    return 300;
}

qint64 CostEstimator::answerTokens(bool titleStage, int paperCount, const SelectionConfig &config,
                                   const Assumptions &a)
{
    const int perPaper = titleStage ? a.answerTokensPerTitle : a.answerTokensPerAbstract;
    return 4 + qint64(paperCount) * (perPaper + reasoningTokensPerPaper(config));
}

CostEstimate CostEstimator::estimate(int paperCount, const SelectionConfig &config, const PricingTable &prices,
                                     const Assumptions &a)
{
    return compute(paperCount, qint64(std::max(0, paperCount)) * tokens(a.titleChars), double(tokens(a.abstractChars)),
                   config, prices, a);
}

CostEstimate CostEstimator::estimate(const QList<Paper> &papers, const SelectionConfig &config,
                                     const PricingTable &prices, const Assumptions &a)
{
    qint64 titleTokens = 0;
    qint64 abstractTokens = 0;
    const qsizetype fixedAbstract = PromptBuilder::fixedAbstractPart(config.criteria).toUtf8().size();
    PromptBuilder::Options options;
    options.includeAuthors = config.includeAuthors;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        titleTokens += tokens((u"["_s + QString::number(i + 1) + u"] "_s + PromptBuilder::fenceText(p.title)).toUtf8().size() + 1);
        abstractTokens += tokens(PromptBuilder::abstractBatch(config.criteria, {p}, options).user.toUtf8().size() - fixedAbstract + 2);
    }
    const double each = papers.isEmpty() ? 0.0 : double(abstractTokens) / double(papers.size());
    return compute(int(papers.size()), titleTokens, each, config, prices, a);
}
