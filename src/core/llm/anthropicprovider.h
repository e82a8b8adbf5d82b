// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "llmprovider.h"

// Anthropic Messages API: x-api-key and anthropic-version headers, the system text top-level, the
// fixed part of the prompt in its own content block with a cache_control mark (prompt caching),
// reasoning effort mapped to an extended-thinking budget.
class AnthropicProvider final : public LlmProvider
{
public:
    explicit AnthropicProvider(LlmProviderConfig config);

    QString id() const override;
    QString displayName() const override;
    HttpRequest buildRequest(const LlmPrompt &prompt, const LlmCallOptions &options) const override;
    LlmResponse parseResponse(int httpStatus, const QByteArray &body) const override;
    LlmUsage parseUsage(const QJsonObject &usage) const override;

    QUrl endpoint() const;
    static int thinkingBudget(const QString &reasoningEffort); // 0: thinking off

private:
    LlmProviderConfig m_config;
};
