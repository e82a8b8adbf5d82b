// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include "httpclient.h"

#include <QRandomGenerator>

#include <algorithm>
#include <climits>
#include <cmath>

bool RetryPolicy::isRetryable(const HttpResult &result)
{
    if (result.cancelled || result.redirectRefused || result.tooLarge)
        return false; // asking again gets the same answer
    if (result.timedOut || result.isCutOff())
        return true;
    if (result.status == 429 || (result.status >= 500 && result.status <= 599))
        return true;
    if (result.status == 0) {
        switch (result.networkError) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::TimeoutError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::UnknownNetworkError:
        case QNetworkReply::ProxyTimeoutError:
            return true;
        default:
            return false;
        }
    }
    return false;
}

int RetryPolicy::delayMs(int attempt, const HttpResult &result) const
{
    // In qint64: Retry-After can be up to INT_MAX seconds, a thousand times more milliseconds.
    if (const auto after = result.retryAfterSeconds())
        return int(std::clamp<qint64>(qint64(*after) * 1000, 0, std::max(0, maxRetryAfterMs)));
    const double exp = baseDelayMs * std::pow(2.0, std::clamp(attempt - 1, 0, 62));
    const double capped = std::min<double>(exp, maxDelayMs);
    const double spread = capped * jitter;
    const double jittered = capped + (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * spread;
    return int(std::clamp<double>(jittered, 0.0, double(INT_MAX)));
}

std::optional<int> RetryPolicy::excessiveRetryAfter(const HttpResult &result) const
{
    const auto after = result.retryAfterSeconds();
    if (after && qint64(*after) * 1000 > maxRetryAfterMs)
        return after;
    return std::nullopt;
}
