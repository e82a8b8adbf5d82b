// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "llmprovider.h"

// Google Gemini generateContent. The key goes in the x-goog-api-key header, never in the URL, so it
// cannot end up in a log line or an error text. Thinking tokens are reported apart from candidates
// and added to completion here.
class GeminiProvider final : public LlmProvider
{
public:
    explicit GeminiProvider(LlmProviderConfig config);

    QString id() const override;
    QString displayName() const override;
    HttpRequest buildRequest(const LlmPrompt &prompt, const LlmCallOptions &options) const override;
    LlmResponse parseResponse(int httpStatus, const QByteArray &body) const override;
    LlmUsage parseUsage(const QJsonObject &usageMetadata) const override;

    QUrl endpoint(const QString &model) const;
    // -1: leave the model's default; pro models cannot switch thinking off (minimum 128).
    static int thinkingBudget(const QString &model, const QString &reasoningEffort);

private:
    LlmProviderConfig m_config;
};
