// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmprovider.h"

#include "anthropicprovider.h"
#include "geminiprovider.h"
#include "llmerrortext.h"
#include "openaiprovider.h"
#include "settings/endpoints.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

QStringList LlmProvider::providerIds()
{
    return {u"openai"_s, u"openai-compatible"_s, u"anthropic"_s, u"gemini"_s};
}

std::unique_ptr<LlmProvider> LlmProvider::create(const QString &providerId, const LlmProviderConfig &config,
                                                 QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<LlmProvider>();
    };
    if (!config.baseUrl.isEmpty()) {
        const QString problem = Endpoints::validate(config.baseUrl);
        if (!problem.isEmpty())
            return fail(QCoreApplication::translate("LlmProvider", "The LLM base URL is not usable: %1").arg(problem));
    }
    LlmProviderConfig compatible = config;
    // Azure OpenAI wants "api-key: KEY" rather than a Bearer token.
    if (providerId == u"azure-openai" || config.baseUrl.host().endsWith(u".openai.azure.com"_s, Qt::CaseInsensitive))
        compatible.apiKeyHeader = true;
    std::unique_ptr<LlmProvider> provider;
    if (providerId == u"openai")
        provider = std::make_unique<OpenAiProvider>(config, OpenAiProvider::Flavor::OpenAi);
    else if (providerId == u"openai-compatible" || providerId == u"azure-openai")
        provider = std::make_unique<OpenAiProvider>(compatible, OpenAiProvider::Flavor::Compatible);
    else if (providerId == u"anthropic")
        provider = std::make_unique<AnthropicProvider>(config);
    else if (providerId == u"gemini")
        provider = std::make_unique<GeminiProvider>(config);
    else
        return fail(QCoreApplication::translate("LlmProvider", "Unknown LLM provider '%1' (known: %2).")
                        .arg(providerId, providerIds().join(u", "_s)));

    if (providerId == u"openai-compatible" || providerId == u"azure-openai") {
        if (config.baseUrl.isEmpty())
            return fail(QCoreApplication::translate(
                "LlmProvider", "An OpenAI-compatible provider needs a base URL (for example http://localhost:11434/v1)."));
    } else if (config.apiKey.isEmpty()) {
        return fail(QCoreApplication::translate("LlmProvider", "No API key for %1.").arg(provider->displayName()));
    }
    return provider;
}

QUrl LlmProvider::joinPath(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString p = url.path();
    while (p.endsWith(u'/'))
        p.chop(1);
    QString tail = path;
    while (tail.startsWith(u'/'))
        tail.remove(0, 1);
    url.setPath(p + u'/' + tail);
    return url;
}

bool LlmProvider::isOpenAiReasoningModel(const QString &model)
{
    QString m = model.toLower();
    if (const qsizetype slash = m.lastIndexOf(u'/'); slash >= 0)
        m = m.mid(slash + 1);
    return m.startsWith(u"gpt-5") || m.startsWith(u"o1") || m.startsWith(u"o3") || m.startsWith(u"o4");
}

std::optional<QJsonObject> LlmProvider::jsonObjectOrError(int httpStatus, const QByteArray &body,
                                                          LlmResponse &response) const
{
    response.httpStatus = httpStatus;
    if (httpStatus < 200 || httpStatus >= 300) {
        response.kind = LlmResponse::Kind::HttpError;
        response.error = LlmErrorText::describe(displayName(), httpStatus, body);
        return std::nullopt;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        response.kind = LlmResponse::Kind::BadBody;
        response.error = QCoreApplication::translate("LlmProvider", "%1 sent an answer that is not JSON: %2")
                             .arg(displayName(), err.errorString());
        return std::nullopt;
    }
    return doc.object();
}
