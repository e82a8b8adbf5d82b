// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "llmprompt.h"
#include "llmresponse.h"
#include "net/httpclient.h"
#include "domain/servicetier.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

// Where and how to reach one provider.
struct LlmProviderConfig
{
    QUrl baseUrl;                 // empty: the provider's public endpoint
    QString apiKey;               // never logged, never stored by PaperSieve outside the keychain
    bool apiKeyHeader = false;    // OpenAI-compatible only: send "api-key: KEY" (Azure) instead of a Bearer token
};

// Per-request model settings.
struct LlmCallOptions
{
    QString model;
    QString reasoningEffort;      // minimal | low | medium | high; empty: the provider's default
    int maxOutputTokens = 0;      // 0: the provider class picks a safe default
    int timeoutMs = 120000;       // transfer timeout (no byte for this long)
    QString cacheKey;             // a stable key for the fixed prompt part (OpenAI prompt_cache_key)
    ServiceTier serviceTier = ServiceTier::Standard; // Flex: sent by the OpenAI provider only
};

// One LLM API. Pure: builds the HTTP request from a prompt and parses the HTTP answer into values,
// so every provider is tested with recorded real responses without a socket.
class LlmProvider
{
public:
    virtual ~LlmProvider() = default;

    // The largest answer read from a provider: a batch's reply is a few KiB, a broken or hostile
    // server's endless one must not exhaust memory.
    static constexpr qint64 kMaxAnswerBytes = 16 * 1024 * 1024;

    // "openai", "openai-compatible", "anthropic", "gemini"
    virtual QString id() const = 0;
    virtual QString displayName() const = 0;
    virtual HttpRequest buildRequest(const LlmPrompt &prompt, const LlmCallOptions &options) const = 0;
    virtual LlmResponse parseResponse(int httpStatus, const QByteArray &body) const = 0;
    // The provider's usage object, normalised (see domain/llmusage.h).
    virtual LlmUsage parseUsage(const QJsonObject &usage) const = 0;

    // base + "/" + path, keeping base's query (Azure's api-version) and never doubling slashes.
    static QUrl joinPath(const QUrl &base, const QString &path);
    // gpt-5*, o1*, o3*, o4* (also behind a "vendor/" prefix): no temperature, max_completion_tokens,
    // reasoning_effort.
    static bool isOpenAiReasoningModel(const QString &model);

protected:
    // What every provider's parseResponse() starts with: a non-2xx status becomes an HttpError with the
    // provider's message, a body that is not a JSON object a BadBody. Returns the object, or nothing with
    // `response` filled in.
    std::optional<QJsonObject> jsonObjectOrError(int httpStatus, const QByteArray &body, LlmResponse &response) const;
};
