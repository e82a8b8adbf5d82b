// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Where each provider's API key comes from: headless commands read the conventional environment
// variable; the window reads the SecretStore (system keychain) under secretName().
class LlmApiKeys final
{
public:
    // OPENAI_API_KEY (openai, openai-compatible), ANTHROPIC_API_KEY, GEMINI_API_KEY.
    static QString environmentVariable(const QString &providerId);
    static QString fromEnvironment(const QString &providerId);
    // "openai", "openai-compatible", "anthropic", "gemini"
    static QString secretName(const QString &providerId);
};
