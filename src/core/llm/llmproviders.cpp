// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmproviders.h"

#include "anthropicprovider.h"
#include "geminiprovider.h"
#include "net/urlpolicy.h"
#include "openaiprovider.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace LlmProviders {

QStringList ids()
{
    return {u"openai"_s, u"openai-compatible"_s, u"anthropic"_s, u"gemini"_s};
}

std::unique_ptr<LlmProvider> create(const QString &providerId, const LlmProviderConfig &config, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<LlmProvider>();
    };
    if (!config.baseUrl.isEmpty()) {
        const QString problem = UrlPolicy::problemWith(config.baseUrl);
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
                        .arg(providerId, ids().join(u", "_s)));

    if (!needsApiKey(providerId)) {
        if (config.baseUrl.isEmpty())
            return fail(QCoreApplication::translate(
                "LlmProvider", "An OpenAI-compatible provider needs a base URL (for example http://localhost:11434/v1)."));
    } else if (config.apiKey.isEmpty()) {
        return fail(QCoreApplication::translate("LlmProvider", "No API key for %1.").arg(provider->displayName()));
    }
    return provider;
}

bool needsApiKey(const QString &providerId)
{
    // Local servers (Ollama, LM Studio, vLLM) usually take no key; a compatible server that wants one
    // gets the key the user stored for it.
    return providerId != u"openai-compatible" && providerId != u"azure-openai";
}

} // namespace LlmProviders
