// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchrequest.h"

#include "costestimator.h"
#include "llm/pricingtable.h"
#include "promptbuilder.h"

#include <algorithm>

LlmPrompt BatchRequests::prompt(const SelectionConfig &config, bool title, const QList<Paper> &papers)
{
    PromptBuilder::Options options;
    options.includeAuthors = config.includeAuthors;
    return title ? PromptBuilder::titleBatch(config.criteria, papers)
                 : PromptBuilder::abstractBatch(config.criteria, papers, options);
}

LlmCallOptions BatchRequests::callOptions(const SelectionConfig &config, const LlmPrompt &prompt, bool title,
                                          int paperCount, ServiceTier tier)
{
    LlmCallOptions call;
    call.model = config.model;
    call.reasoningEffort = config.reasoningEffort;
    call.maxOutputTokens = answerBudget(config.model, title, paperCount);
    call.cacheKey = PromptBuilder::cacheKey(prompt);
    setTier(config, call, tier);
    return call;
}

void BatchRequests::setTier(const SelectionConfig &config, LlmCallOptions &call, ServiceTier tier)
{
    call.serviceTier = tier;
    call.timeoutMs = tier == ServiceTier::Flex ? std::max(config.timeoutMs, config.flexTimeoutMs) : config.timeoutMs;
}

int BatchRequests::answerBudget(const QString &model, bool title, int paperCount)
{
    // A cut-off answer is paid for and useless, so be generous (the limit is not what is billed).
    const int answer = title ? 64 + 8 * paperCount : 256 + 200 * paperCount;
    if (LlmProvider::isOpenAiReasoningModel(model))
        return std::max(answer + 4000 * std::max(1, paperCount / 4), 16000);
    return answer;
}

double BatchRequests::estimateUsd(const SelectionConfig &config, const PricingTable &prices, const LlmPrompt &prompt,
                                  bool title, int paperCount, ServiceTier tier)
{
    LlmUsage expected;
    expected.promptTokens = CostEstimator::tokens(prompt.system.toUtf8().size() + prompt.user.toUtf8().size());
    expected.completionTokens = CostEstimator::answerTokens(title, paperCount, config);
    return prices.cost(config.model, expected, tier).usd;
}
