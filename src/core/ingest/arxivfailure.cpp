// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivfailure.h"

#include "net/httpclient.h"
#include "net/retrypolicy.h"

#include <QCoreApplication>

namespace {
} // namespace

QString ArxivFailure::describe(const QString &what, const HttpResult &result, int attempts)
{
    if (result.cancelled)
        return ArxivFailure::tr("Cancelled.");
    const QString tries = RetryPolicy::isRetryable(result) && attempts > 1
        ? ArxivFailure::tr(" (tried %n times)", nullptr, attempts)
        : QString();
    if (result.redirectRefused || result.tooLarge)
        return ArxivFailure::tr("%1: %2").arg(what, result.errorString);
    if (result.timedOut)
        return ArxivFailure::tr("%1 did not answer in time%2: arXiv may be down or slow, try again later").arg(what, tries);
    if (result.isCutOff())
        return ArxivFailure::tr("%1 was cut off mid-download%2: arXiv may be overloaded, try again later").arg(what, tries);
    if (result.status == 429)
        return ArxivFailure::tr("%1 refused PaperSieve for sending too many requests (HTTP 429)%2: %3")
            .arg(what, tries, result.errorString.isEmpty() ? ArxivFailure::tr("wait a few minutes, then try again") : result.errorString);
    if (result.status >= 500)
        return ArxivFailure::tr("%1 is not available (HTTP %2)%3: arXiv seems to be down or overloaded, try again later%4")
            .arg(what)
            .arg(result.status)
            .arg(tries, result.errorString.startsWith(u"the server asks") ? QStringLiteral(" (%1)").arg(result.errorString)
                                                                          : QString());
    if (result.status >= 400)
        return ArxivFailure::tr("%1 answered HTTP %2: check the categories and the arXiv addresses in the settings")
            .arg(what)
            .arg(result.status);
    if (result.status == 0)
        return ArxivFailure::tr("could not reach %1%2: %3").arg(what, tries, result.errorString);
    return ArxivFailure::tr("%1 answered HTTP %2 without usable content").arg(what).arg(result.status);
}
