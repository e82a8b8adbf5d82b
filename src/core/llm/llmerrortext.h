// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Turns a provider's error answer into one clear line, e.g.
// "OpenAI rejected the API key (401): Incorrect API key provided: sk-p…".
namespace LlmErrorText {
QString describe(const QString &providerName, int httpStatus, const QByteArray &body);
// The message inside an error body ({"error":{"message":...}}, {"type":"error","error":{...}},
// {"error":"..."}, {"message":...}, HTML or plain text), without secrets, on one line.
QString extractMessage(const QByteArray &body);
// Cuts anything that looks like an API key (sk-..., AIza..., key=...) down to a harmless prefix.
QString redactSecrets(QString text);
QString oneLine(const QString &text, int maxChars = 300);
} // namespace LlmErrorText
