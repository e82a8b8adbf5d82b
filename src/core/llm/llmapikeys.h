// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

// Where each provider's API key comes from: headless commands read the provider's environment
// variable; the window reads the SecretStore (system keychain) under secretName(). A key is only ever
// handed to its own provider's host: a user's OpenAI key must not go as a Bearer token to whatever
// OpenAI-compatible server (OpenRouter, a LAN vLLM, a port on localhost) is configured.
class LlmApiKeys final
{
public:
    // OPENAI_API_KEY (openai), PAPERSIEVE_LLM_API_KEY (openai-compatible, azure-openai),
    // ANTHROPIC_API_KEY, GEMINI_API_KEY.
    static QString environmentVariable(const QString &providerId);
    // The provider's own variable. An OpenAI-compatible provider whose base URL is OpenAI's own host
    // (api.openai.com) may also take OPENAI_API_KEY: that key goes where it belongs.
    static QString fromEnvironment(const QString &providerId, const QUrl &baseUrl = {});
    // "openai", "openai-compatible", "anthropic", "gemini"
    static QString secretName(const QString &providerId);
    // True when `baseUrl` is OpenAI's API host (https://api.openai.com/...).
    static bool isOpenAiHost(const QUrl &baseUrl);
};
