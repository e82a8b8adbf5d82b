// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

struct HttpResult;

// When and how long to wait before trying a failed request again:
// 429 and 5xx and timeouts and connection errors (and 2xx answers cut off mid-body) are retried;
// Retry-After is honoured up to maxRetryAfterMs; otherwise exponential backoff with jitter, capped.
struct RetryPolicy
{
    int maxAttempts = 4;          // including the first
    int baseDelayMs = 1000;
    int maxDelayMs = 60000;       // cap of the backoff
    double jitter = 0.25;         // +- this fraction of the delay
    // A server that asks for a longer wait is not waited for (it would look like a hang): callers
    // end the request with "the server asks to wait N s" instead. Shared by arXiv and Semantic Scholar.
    int maxRetryAfterMs = 120000;

    static bool isRetryable(const HttpResult &result);
    // attempt: 1 for the first retry. Randomness comes from QRandomGenerator::global().
    // Never more than maxRetryAfterMs when the server sent Retry-After, nor than maxDelayMs otherwise.
    int delayMs(int attempt, const HttpResult &result) const;
    // The server's Retry-After in seconds when it is longer than maxRetryAfterMs, else nullopt.
    std::optional<int> excessiveRetryAfter(const HttpResult &result) const;
};
