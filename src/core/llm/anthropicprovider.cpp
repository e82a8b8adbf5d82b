// SPDX-License-Identifier: GPL-3.0-or-later
#include "anthropicprovider.h"

#include "llmerrortext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

AnthropicProvider::AnthropicProvider(LlmProviderConfig config)
    : m_config(std::move(config))
{
}

QString AnthropicProvider::id() const
{
    return u"anthropic"_s;
}

QString AnthropicProvider::displayName() const
{
    return u"Anthropic"_s;
}

QUrl AnthropicProvider::endpoint() const
{
    const QUrl base = m_config.baseUrl.isEmpty() ? QUrl(u"https://api.anthropic.com"_s) : m_config.baseUrl;
    const QString path = base.path();
    if (path.endsWith(u"/messages"))
        return base;
    if (path.endsWith(u"/v1") || path.endsWith(u"/v1/"))
        return joinPath(base, u"messages"_s);
    return joinPath(base, u"v1/messages"_s);
}

int AnthropicProvider::thinkingBudget(const QString &reasoningEffort)
{
    if (reasoningEffort == u"low")
        return 1024; // the API's minimum
    if (reasoningEffort == u"medium")
        return 4096;
    if (reasoningEffort == u"high")
        return 16384;
    return 0; // empty or "minimal"
}

HttpRequest AnthropicProvider::buildRequest(const LlmPrompt &prompt, const LlmCallOptions &options) const
{
    QJsonArray content;
    const QString fixed = prompt.fixedPart();
    const QString variable = prompt.variablePart();
    if (!fixed.isEmpty()) {
        // The cache breakpoint goes after the part every batch shares, so batches 2..n read it from cache.
        content.append(QJsonObject{{u"type"_s, u"text"_s},
                                   {u"text"_s, fixed},
                                   {u"cache_control"_s, QJsonObject{{u"type"_s, u"ephemeral"_s}}}});
    }
    if (!variable.isEmpty() || fixed.isEmpty())
        content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, variable}});

    QJsonObject body{{u"model"_s, options.model},
                     {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, content}}}}};
    if (!prompt.system.isEmpty())
        body.insert(u"system"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, prompt.system}}});
    const int answer = options.maxOutputTokens > 0 ? options.maxOutputTokens : 4096;
    const int budget = thinkingBudget(options.reasoningEffort);
    if (budget > 0) {
        // max_tokens covers thinking plus answer; temperature must stay at its default with thinking.
        body.insert(u"thinking"_s, QJsonObject{{u"type"_s, u"enabled"_s}, {u"budget_tokens"_s, budget}});
        body.insert(u"max_tokens"_s, budget + answer);
    } else {
        body.insert(u"max_tokens"_s, answer);
        body.insert(u"temperature"_s, 0);
    }

    HttpRequest request;
    request.url = endpoint();
    request.method = QByteArrayLiteral("POST");
    request.timeoutMs = options.timeoutMs;
    request.maxBytes = kMaxAnswerBytes;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.setHeader(QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01"));
    request.setHeader(QByteArrayLiteral("x-api-key"), m_config.apiKey.toUtf8());
    return request;
}

LlmUsage AnthropicProvider::parseUsage(const QJsonObject &usage) const
{
    // input_tokens EXCLUDES cache reads and cache writes; our promptTokens includes both.
    LlmUsage u;
    const qint64 cacheRead = usage.value(u"cache_read_input_tokens"_s).toInteger();
    const qint64 cacheWrite = usage.value(u"cache_creation_input_tokens"_s).toInteger();
    u.promptTokens = usage.value(u"input_tokens"_s).toInteger() + cacheRead + cacheWrite;
    u.cachedTokens = cacheRead;
    u.completionTokens = usage.value(u"output_tokens"_s).toInteger(); // includes thinking
    return u;
}

LlmResponse AnthropicProvider::parseResponse(int httpStatus, const QByteArray &body) const
{
    LlmResponse r;
    const std::optional<QJsonObject> object = jsonObjectOrError(httpStatus, body, r);
    if (!object)
        return r;
    const QJsonObject &root = *object;
    if (root.value(u"type"_s).toString() == u"error") {
        r.kind = LlmResponse::Kind::HttpError;
        r.error = LlmErrorText::describe(displayName(), 500, body);
        return r;
    }
    r.model = root.value(u"model"_s).toString();
    r.finishReason = root.value(u"stop_reason"_s).toString();
    r.truncated = r.finishReason == u"max_tokens";
    if (root.value(u"usage"_s).isObject()) {
        r.usage = parseUsage(root.value(u"usage"_s).toObject());
        r.usageReported = true;
    }
    for (const QJsonValue &block : root.value(u"content"_s).toArray()) {
        const QJsonObject b = block.toObject();
        if (b.value(u"type"_s).toString() == u"text") // thinking blocks are not the answer
            r.text += b.value(u"text"_s).toString();
    }
    if (r.text.trimmed().isEmpty()) {
        r.kind = LlmResponse::Kind::Refused;
        r.error = QCoreApplication::translate("AnthropicProvider", "The model sent no text (stop reason: %1).")
                      .arg(r.finishReason);
    }
    return r;
}
