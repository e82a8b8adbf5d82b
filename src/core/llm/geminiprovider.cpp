// SPDX-License-Identifier: GPL-3.0-or-later
#include "geminiprovider.h"

#include "llmerrortext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

GeminiProvider::GeminiProvider(LlmProviderConfig config)
    : m_config(std::move(config))
{
}

QString GeminiProvider::id() const
{
    return u"gemini"_s;
}

QString GeminiProvider::displayName() const
{
    return u"Google Gemini"_s;
}

QUrl GeminiProvider::endpoint(const QString &model) const
{
    const QUrl base = m_config.baseUrl.isEmpty() ? QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s)
                                                 : m_config.baseUrl;
    QString name = model;
    if (name.startsWith(u"models/"))
        name = name.mid(7);
    return joinPath(base, u"models/"_s + QString::fromLatin1(QUrl::toPercentEncoding(name)) + u":generateContent"_s);
}

int GeminiProvider::thinkingBudget(const QString &model, const QString &reasoningEffort)
{
    if (reasoningEffort.isEmpty())
        return -1;
    const bool pro = model.contains(u"pro"_s, Qt::CaseInsensitive);
    if (reasoningEffort == u"minimal")
        return pro ? 128 : 0;
    if (reasoningEffort == u"low")
        return 1024;
    if (reasoningEffort == u"medium")
        return 4096;
    return 16384;
}

HttpRequest GeminiProvider::buildRequest(const LlmPrompt &prompt, const LlmCallOptions &options) const
{
    QJsonObject body{
        {u"contents"_s,
         QJsonArray{QJsonObject{{u"role"_s, u"user"_s},
                                {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, prompt.user}}}}}}}};
    if (!prompt.system.isEmpty())
        body.insert(u"systemInstruction"_s, QJsonObject{{u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, prompt.system}}}}});
    const int answer = options.maxOutputTokens > 0 ? options.maxOutputTokens : 4096;
    const int budget = thinkingBudget(options.model, options.reasoningEffort);
    QJsonObject generation{{u"temperature"_s, 0}};
    if (budget >= 0) {
        generation.insert(u"thinkingConfig"_s, QJsonObject{{u"thinkingBudget"_s, budget}});
        generation.insert(u"maxOutputTokens"_s, answer + budget); // thinking counts against the limit
    } else {
        generation.insert(u"maxOutputTokens"_s, answer + 16384); // room for the default dynamic thinking
    }
    body.insert(u"generationConfig"_s, generation);

    HttpRequest request;
    request.url = endpoint(options.model);
    request.method = QByteArrayLiteral("POST");
    request.timeoutMs = options.timeoutMs;
    request.maxBytes = kMaxAnswerBytes;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.setHeader(QByteArrayLiteral("x-goog-api-key"), m_config.apiKey.toUtf8());
    return request;
}

LlmUsage GeminiProvider::parseUsage(const QJsonObject &m) const
{
    // promptTokenCount includes cachedContentTokenCount; thoughtsTokenCount is NOT in candidatesTokenCount.
    LlmUsage u;
    u.promptTokens = m.value(u"promptTokenCount"_s).toInteger();
    u.cachedTokens = m.value(u"cachedContentTokenCount"_s).toInteger();
    u.reasoningTokens = m.value(u"thoughtsTokenCount"_s).toInteger();
    u.completionTokens = m.value(u"candidatesTokenCount"_s).toInteger() + u.reasoningTokens;
    return u;
}

LlmResponse GeminiProvider::parseResponse(int httpStatus, const QByteArray &body) const
{
    LlmResponse r;
    const std::optional<QJsonObject> object = jsonObjectOrError(httpStatus, body, r);
    if (!object)
        return r;
    const QJsonObject &root = *object;
    r.model = root.value(u"modelVersion"_s).toString();
    if (root.value(u"usageMetadata"_s).isObject()) {
        r.usage = parseUsage(root.value(u"usageMetadata"_s).toObject());
        r.usageReported = true;
    }
    const QJsonArray candidates = root.value(u"candidates"_s).toArray();
    if (candidates.isEmpty()) {
        r.kind = LlmResponse::Kind::Refused;
        const QString block = root.value(u"promptFeedback"_s).toObject().value(u"blockReason"_s).toString();
        r.error = block.isEmpty()
                      ? QCoreApplication::translate("GeminiProvider", "Google Gemini sent no candidates.")
                      : QCoreApplication::translate("GeminiProvider", "Google Gemini blocked the prompt (%1).").arg(block);
        return r;
    }
    const QJsonObject candidate = candidates.first().toObject();
    r.finishReason = candidate.value(u"finishReason"_s).toString();
    r.truncated = r.finishReason == u"MAX_TOKENS";
    for (const QJsonValue &part : candidate.value(u"content"_s).toObject().value(u"parts"_s).toArray()) {
        const QJsonObject p = part.toObject();
        if (!p.value(u"thought"_s).toBool()) // thought summaries are not the answer
            r.text += p.value(u"text"_s).toString();
    }
    if (r.text.trimmed().isEmpty()) {
        r.kind = LlmResponse::Kind::Refused;
        r.error = QCoreApplication::translate("GeminiProvider", "Google Gemini sent no text (finish reason: %1).")
                      .arg(r.finishReason);
    }
    return r;
}
