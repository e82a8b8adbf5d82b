// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "llmprovider.h"

// OpenAI Chat Completions, and any server speaking it (Ollama, LM Studio, vLLM, OpenRouter, Azure).
// Reasoning models (gpt-5, o-series) get max_completion_tokens and reasoning_effort and no temperature.
class OpenAiProvider final : public LlmProvider
{
public:
    enum class Flavor { OpenAi, Compatible };

    OpenAiProvider(LlmProviderConfig config, Flavor flavor);

    QString id() const override;
    QString displayName() const override;
    HttpRequest buildRequest(const LlmPrompt &prompt, const LlmCallOptions &options) const override;
    LlmResponse parseResponse(int httpStatus, const QByteArray &body) const override;
    LlmUsage parseUsage(const QJsonObject &usage) const override;

    QUrl endpoint() const;

private:
    LlmProviderConfig m_config;
    Flavor m_flavor;
};
