// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmapikeys.h"

using namespace Qt::Literals::StringLiterals;

namespace {
QString readVariable(const QString &name)
{
    return qEnvironmentVariable(name.toLatin1().constData()).trimmed();
}
} // namespace

QString LlmApiKeys::environmentVariable(const QString &providerId)
{
    if (providerId == u"anthropic")
        return u"ANTHROPIC_API_KEY"_s;
    if (providerId == u"gemini")
        return u"GEMINI_API_KEY"_s;
    if (providerId == u"openai")
        return u"OPENAI_API_KEY"_s;
    // openai-compatible, azure-openai: their own variable, never OpenAI's (see the class comment).
    return u"PAPERSIEVE_LLM_API_KEY"_s;
}

QString LlmApiKeys::fromEnvironment(const QString &providerId, const QUrl &baseUrl)
{
    const QString own = readVariable(environmentVariable(providerId));
    if (!own.isEmpty() || providerId != u"openai-compatible" || !isOpenAiHost(baseUrl))
        return own;
    return readVariable(u"OPENAI_API_KEY"_s);
}

QString LlmApiKeys::secretName(const QString &providerId)
{
    if (providerId == u"azure-openai")
        return u"openai-compatible"_s;
    return providerId;
}

bool LlmApiKeys::isOpenAiHost(const QUrl &baseUrl)
{
    return baseUrl.scheme() == u"https" && baseUrl.host().compare(u"api.openai.com", Qt::CaseInsensitive) == 0;
}
