// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/llmusage.h"
#include "domain/paper.h"
#include "selectionconfig.h"

#include <QList>

class PricingTable;

// What a selection run will probably cost, before it runs: the criteria editor shows it as the user
// types, DailyRun before it starts. Same batching as SelectionRun (BatchPlanner) and the prompts as
// PromptBuilder lays them out, so the fixed part's repetition is counted exactly; paper text and the
// model's answers are averages (measured on the real day of 2025-10-07, see docs/SELECTION.md).
struct CostEstimate
{
    int papers = 0;            // sent to the title pre-filter (or straight to scoring)
    int scoredPapers = 0;      // expected to reach abstract scoring
    int titleRequests = 0;
    int abstractRequests = 0;
    LlmUsage usage;            // promptTokens includes the expected cachedTokens
    double usd = 0;
    bool priceKnown = false;   // false: the model has no price row (usd is 0, never a guess)
    ServiceTier tier = ServiceTier::Standard; // the tier usd is priced at (the one the run will ask for)

    int requests() const { return titleRequests + abstractRequests; }
};

// What the estimate assumes about text it has not seen (paper texts, the model's answers).
struct CostAssumptions
{
    double titleKeepFraction = 0.15;  // share of titles the pre-filter keeps (2025-10-07: 70 of 663 picked)
    int titleChars = 95;              // average title, fenced, with its "[n] " prefix
    int abstractChars = 1450;         // average title + authors + abstract block
    int answerTokensPerTitle = 3;     // a drop list of numbers: "12, "
    int answerTokensPerAbstract = 75; // one JSON line with a comment
    bool cacheFixedPart = true;       // providers cache the repeated fixed part (see cachedTokens())
};

class CostEstimator final
{
public:
    using Assumptions = CostAssumptions;

    // paperCount papers with the config's criteria, model, reasoning effort and batch settings.
    static CostEstimate estimate(int paperCount, const SelectionConfig &config, const PricingTable &prices,
                                 const Assumptions &assumptions);
    static CostEstimate estimate(int paperCount, const SelectionConfig &config, const PricingTable &prices)
    {
        return estimate(paperCount, config, prices, Assumptions());
    }
    // Same, from the papers' real text (DailyRun: the day is fetched, the run not started yet).
    static CostEstimate estimate(const QList<Paper> &papers, const SelectionConfig &config, const PricingTable &prices,
                                 const Assumptions &assumptions);
    static CostEstimate estimate(const QList<Paper> &papers, const SelectionConfig &config, const PricingTable &prices)
    {
        return estimate(papers, config, prices, Assumptions());
    }

    // The tier SelectionRun sends at: flex only when asked for, at OpenAI, for a model with flex prices.
    static ServiceTier tierFor(const SelectionConfig &config, const PricingTable &prices);
    // The system prompt plus a stage's fixed user part, in tokens, with the chat format's overhead.
    static qint64 fixedPromptTokens(const SelectionConfig &config, bool titleStage);
    // Providers cache a repeated prompt prefix from this length on (OpenAI, Anthropic's larger models).
    static constexpr qint64 kMinCachedPrefix = 1024;

    // About 4 UTF-8 bytes per token for English prose (OpenAI's rule of thumb).
    static qint64 tokens(qsizetype utf8Bytes) { return (utf8Bytes + 3) / 4; }
    // Hidden reasoning per paper the model probably spends at this effort (0 for non-reasoning models).
    static int reasoningTokensPerPaper(const SelectionConfig &config);
    // The answer tokens one request of n papers probably needs (reasoning included).
    static qint64 answerTokens(bool titleStage, int paperCount, const SelectionConfig &config,
                               const Assumptions &assumptions = Assumptions());
};
