// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

struct HttpResult;

// When and how long to wait before trying a failed request again:
// 429 and 5xx and timeouts and connection errors are retried; Retry-After is honoured;
// otherwise exponential backoff with jitter, capped.
struct RetryPolicy
{
    int maxAttempts = 4;      // including the first
    int baseDelayMs = 1000;
    int maxDelayMs = 60000;
    double jitter = 0.25;     // +- this fraction of the delay

    static bool isRetryable(const HttpResult &result);
    // attempt: 1 for the first retry. Randomness comes from QRandomGenerator::global().
    int delayMs(int attempt, const HttpResult &result) const;

    static std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);
};

// Marks a reply as cancelled by the user (as opposed to a transfer timeout).
class QNetworkReply;
void cancelReply(QNetworkReply *reply);
