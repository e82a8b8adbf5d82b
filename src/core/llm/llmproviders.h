// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "llmprovider.h"

#include <QString>
#include <QStringList>

#include <memory>

// The built-in LLM providers: the one place that knows every LlmProvider subclass (add a provider here
// and in ids(); docs/ARCHITECTURE.md).
namespace LlmProviders {

// "openai", "openai-compatible", "anthropic", "gemini", in the order the settings list them.
QStringList ids();
// nullptr with *error set for an unknown provider, a missing key (where one is needed) or an
// unacceptable base URL (net/urlpolicy.h).
std::unique_ptr<LlmProvider> create(const QString &providerId, const LlmProviderConfig &config, QString *error);
// False for OpenAI-compatible servers: a run may go ahead without a key.
bool needsApiKey(const QString &providerId);

} // namespace LlmProviders
