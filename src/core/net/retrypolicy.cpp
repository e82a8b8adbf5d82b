// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include "httpclient.h"

#include <QLocale>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

bool RetryPolicy::isRetryable(const HttpResult &result)
{
    if (result.cancelled)
        return false;
    if (result.timedOut)
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
    if (const auto after = result.retryAfterSeconds())
        return std::clamp(*after * 1000, 0, std::max(maxDelayMs, *after * 1000));
    const double exp = baseDelayMs * std::pow(2.0, std::max(0, attempt - 1));
    const double capped = std::min<double>(exp, maxDelayMs);
    const double spread = capped * jitter;
    const double jittered = capped + (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * spread;
    return int(std::max(0.0, jittered));
}

std::optional<int> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int seconds = v.toInt(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<int>(seconds) : std::nullopt;
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v).replace(u" GMT"_s, QString()),
                                                   u"ddd, dd MMM yyyy HH:mm:ss"_s);
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeZone(QTimeZone::utc());
    return int(std::max<qint64>(0, nowUtc.secsTo(utc)));
}

void cancelReply(QNetworkReply *reply)
{
    if (!reply)
        return;
    reply->setProperty("papersieveCancelled", true);
    reply->abort();
}
