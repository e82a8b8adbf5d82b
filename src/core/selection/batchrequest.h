// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/servicetier.h"
#include "llm/llmprompt.h"
#include "llm/llmprovider.h"
#include "selectionconfig.h"

#include <QList>

class PricingTable;

// What one batch sends, decided before it is sent: the prompt exactly as PromptBuilder lays it out,
// the call options (answer budget, tier and the tier's timeout) and the cost estimate the budget check
// adds to what is spent. Pure, so SelectionRun only schedules.
namespace BatchRequests {
LlmPrompt prompt(const SelectionConfig &config, bool title, const QList<Paper> &papers);
LlmCallOptions callOptions(const SelectionConfig &config, const LlmPrompt &prompt, bool title, int paperCount,
                           ServiceTier tier);
// The same call at another tier (flex gets the longer timeout).
void setTier(const SelectionConfig &config, LlmCallOptions &call, ServiceTier tier);
// Room for the answer plus the reasoning a reasoning model may spend first.
int answerBudget(const QString &model, bool title, int paperCount);
double estimateUsd(const SelectionConfig &config, const PricingTable &prices, const LlmPrompt &prompt, bool title,
                   int paperCount, ServiceTier tier);
} // namespace BatchRequests
