// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Token usage of one LLM request, normalised across providers:
// promptTokens includes cachedTokens; completionTokens includes reasoningTokens.
struct LlmUsage
{
    qint64 promptTokens = 0;
    qint64 cachedTokens = 0;
    qint64 completionTokens = 0;
    qint64 reasoningTokens = 0;

    qint64 totalTokens() const { return promptTokens + completionTokens; }
    LlmUsage &operator+=(const LlmUsage &o)
    {
        promptTokens += o.promptTokens;
        cachedTokens += o.cachedTokens;
        completionTokens += o.completionTokens;
        reasoningTokens += o.reasoningTokens;
        return *this;
    }
    friend bool operator==(const LlmUsage &, const LlmUsage &) = default;
};
