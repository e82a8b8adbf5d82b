// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// The last line of defence for API keys: a server or proxy may echo the key it was given (in any
// format: sk-, gsk_, 32 hex, a custom vLLM key), and that text reaches stderr, the runs table and the
// digest. Patterns cannot know every format, so the exact values the run was configured with are
// replaced wherever they appear.
namespace Secrets {
// `text` with every occurrence of each known secret (and its percent-encoded form) replaced by
// "[redacted]". Secrets shorter than kMinLength are ignored: replacing "a" everywhere would say nothing
// and hide text.
QString scrub(QString text, const QStringList &knownSecrets);
QByteArray scrub(QByteArray bytes, const QStringList &knownSecrets);
constexpr int kMinLength = 4;
} // namespace Secrets
