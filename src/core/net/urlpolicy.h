// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

// Which service addresses PaperSieve talks to: https anywhere, plain http only on this computer
// (tests, Ollama, LM Studio), so keys and papers never cross a network in clear text.
namespace UrlPolicy {

// Empty when url is acceptable, else a one-line reason (without any user:password part of the URL).
QString problemWith(const QUrl &url);
bool isLoopback(const QUrl &url);

} // namespace UrlPolicy
