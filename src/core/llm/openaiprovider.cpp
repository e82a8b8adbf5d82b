// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaiprovider.h"

#include "llmerrortext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

OpenAiProvider::OpenAiProvider(LlmProviderConfig config, Flavor flavor)
    : m_config(std::move(config))
    , m_flavor(flavor)
{
}

QString OpenAiProvider::id() const
{
    return m_flavor == Flavor::OpenAi ? u"openai"_s : u"openai-compatible"_s;
}

QString OpenAiProvider::displayName() const
{
    if (m_flavor == Flavor::OpenAi)
        return u"OpenAI"_s;
    const QString host = m_config.baseUrl.host();
    return host.isEmpty() ? QCoreApplication::translate("OpenAiProvider", "The OpenAI-compatible server")
                          : QCoreApplication::translate("OpenAiProvider", "The LLM server at %1").arg(host);
}

QUrl OpenAiProvider::endpoint() const
{
    const QUrl base = m_config.baseUrl.isEmpty() ? QUrl(u"https://api.openai.com/v1"_s) : m_config.baseUrl;
    if (base.path().endsWith(u"/chat/completions"))
        return base;
    return joinPath(base, u"chat/completions"_s);
}

HttpRequest OpenAiProvider::buildRequest(const LlmPrompt &prompt, const LlmCallOptions &options) const
{
    QJsonArray messages;
    if (!prompt.system.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, prompt.system}});
    messages.append(QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt.user}});

    QJsonObject body{{u"model"_s, options.model}, {u"messages"_s, messages}, {u"stream"_s, false}};
    const bool reasoning = isOpenAiReasoningModel(options.model);
    if (reasoning) {
        // Reasoning models reject temperature; their output budget includes the hidden reasoning.
        body.insert(u"max_completion_tokens"_s, options.maxOutputTokens > 0 ? options.maxOutputTokens : 32000);
        if (!options.reasoningEffort.isEmpty())
            body.insert(u"reasoning_effort"_s, options.reasoningEffort);
    } else {
        body.insert(u"temperature"_s, 0);
        const int limit = options.maxOutputTokens > 0 ? options.maxOutputTokens : 4096;
        // OpenAI deprecated max_tokens; local servers (Ollama, LM Studio, vLLM) still expect it.
        body.insert(m_flavor == Flavor::OpenAi ? u"max_completion_tokens"_s : u"max_tokens"_s, limit);
    }
    if (m_flavor == Flavor::OpenAi && !options.cacheKey.isEmpty())
        body.insert(u"prompt_cache_key"_s, options.cacheKey); // routes same-prefix requests to a warm cache
    // Other servers speaking the format do not know OpenAI's tiers (or bill them differently).
    if (m_flavor == Flavor::OpenAi && options.serviceTier == ServiceTier::Flex)
        body.insert(u"service_tier"_s, u"flex"_s);

    HttpRequest request;
    request.url = endpoint();
    request.method = QByteArrayLiteral("POST");
    request.timeoutMs = options.timeoutMs;
    request.maxBytes = kMaxAnswerBytes;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    if (!m_config.apiKey.isEmpty()) {
        if (m_config.apiKeyHeader)
            request.setHeader(QByteArrayLiteral("api-key"), m_config.apiKey.toUtf8());
        else
            request.setHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_config.apiKey.toUtf8());
    }
    return request;
}

LlmUsage OpenAiProvider::parseUsage(const QJsonObject &usage) const
{
    // prompt_tokens includes prompt_tokens_details.cached_tokens and completion_tokens includes
    // completion_tokens_details.reasoning_tokens: already our convention.
    LlmUsage u;
    u.promptTokens = usage.value(u"prompt_tokens"_s).toInteger();
    u.completionTokens = usage.value(u"completion_tokens"_s).toInteger();
    u.cachedTokens = usage.value(u"prompt_tokens_details"_s).toObject().value(u"cached_tokens"_s).toInteger();
    u.reasoningTokens =
        usage.value(u"completion_tokens_details"_s).toObject().value(u"reasoning_tokens"_s).toInteger();
    return u;
}

LlmResponse OpenAiProvider::parseResponse(int httpStatus, const QByteArray &body) const
{
    LlmResponse r;
    r.httpStatus = httpStatus;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    const QJsonObject root = doc.object();

    // OpenRouter may answer 200 with an error object instead of choices.
    const bool errorObject = root.contains(u"error"_s) && !root.contains(u"choices"_s);
    if (httpStatus < 200 || httpStatus >= 300 || errorObject) {
        r.kind = LlmResponse::Kind::HttpError;
        int status = httpStatus;
        if (errorObject && status >= 200 && status < 300) {
            const int code = root.value(u"error"_s).toObject().value(u"code"_s).toInt();
            status = code >= 400 ? code : 502;
            r.httpStatus = status;
        }
        r.error = LlmErrorText::describe(displayName(), status, body);
        return r;
    }
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        r.kind = LlmResponse::Kind::BadBody;
        r.error = QCoreApplication::translate("OpenAiProvider", "%1 sent an answer that is not JSON: %2")
                      .arg(displayName(), err.errorString());
        return r;
    }
    r.model = root.value(u"model"_s).toString();
    r.serviceTier = root.value(u"service_tier"_s).toString();
    if (root.value(u"usage"_s).isObject()) {
        r.usage = parseUsage(root.value(u"usage"_s).toObject());
        r.usageReported = true;
    }
    const QJsonArray choices = root.value(u"choices"_s).toArray();
    if (choices.isEmpty()) {
        r.kind = LlmResponse::Kind::BadBody;
        r.error = QCoreApplication::translate("OpenAiProvider", "%1 sent an answer without choices.").arg(displayName());
        return r;
    }
    const QJsonObject choice = choices.first().toObject();
    r.finishReason = choice.value(u"finish_reason"_s).toString();
    r.truncated = r.finishReason == u"length";
    const QJsonObject message = choice.value(u"message"_s).toObject();
    const QJsonValue content = message.value(u"content"_s);
    if (content.isString()) {
        r.text = content.toString();
    } else if (content.isArray()) {
        for (const QJsonValue &part : content.toArray()) {
            const QJsonObject p = part.toObject();
            if (p.value(u"type"_s).toString() == u"text")
                r.text += p.value(u"text"_s).toString();
        }
    }
    if (r.text.trimmed().isEmpty()) {
        r.kind = LlmResponse::Kind::Refused;
        const QString refusal = message.value(u"refusal"_s).toString();
        if (!refusal.isEmpty())
            r.error = QCoreApplication::translate("OpenAiProvider", "The model refused: %1")
                          .arg(LlmErrorText::oneLine(refusal));
        else if (r.truncated)
            r.error = QCoreApplication::translate(
                "OpenAiProvider", "The model used its whole output budget before writing an answer (finish reason: length).");
        else
            r.error = QCoreApplication::translate("OpenAiProvider", "The model sent an empty answer (finish reason: %1).")
                          .arg(r.finishReason);
    }
    return r;
}
