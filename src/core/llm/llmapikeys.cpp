// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmapikeys.h"

using namespace Qt::Literals::StringLiterals;

QString LlmApiKeys::environmentVariable(const QString &providerId)
{
    if (providerId == u"anthropic")
        return u"ANTHROPIC_API_KEY"_s;
    if (providerId == u"gemini")
        return u"GEMINI_API_KEY"_s;
    // OpenAI-compatible servers (OpenRouter, vLLM with --api-key) conventionally take OPENAI_API_KEY too.
    return u"OPENAI_API_KEY"_s;
}

QString LlmApiKeys::fromEnvironment(const QString &providerId)
{
    return qEnvironmentVariable(environmentVariable(providerId).toLatin1().constData()).trimmed();
}

QString LlmApiKeys::secretName(const QString &providerId)
{
    if (providerId == u"azure-openai")
        return u"openai-compatible"_s;
    return providerId;
}
