// SPDX-License-Identifier: GPL-3.0-or-later
#include "hindexfilter.h"

#include <QCoreApplication>

#include <algorithm>

HIndexDecision HIndexFilter::decide(const QList<std::optional<int>> &authorHIndexes, int cutoff)
{
    HIndexDecision d;
    for (const std::optional<int> &h : authorHIndexes) {
        if (!h)
            ++d.unknownAuthors;
        else if (!d.highest || *h > *d.highest)
            d.highest = *h;
    }
    if (d.highest && *d.highest >= cutoff) {
        d.keep = true;
        d.reason = QCoreApplication::translate("HIndexFilter", "Author h-index %1 ≥ %2").arg(*d.highest).arg(cutoff);
    } else if (d.unknownAuthors > 0 || authorHIndexes.isEmpty()) {
        d.keep = true;
        const int unknown = authorHIndexes.isEmpty() ? 0 : d.unknownAuthors;
        d.reason = authorHIndexes.isEmpty()
                       ? QCoreApplication::translate("HIndexFilter", "No authors listed; kept")
                       : QCoreApplication::translate("HIndexFilter", "%1 of %2 authors have no known h-index; kept")
                             .arg(unknown)
                             .arg(authorHIndexes.size());
    } else {
        d.keep = false;
        d.reason = QCoreApplication::translate("HIndexFilter", "Highest author h-index %1 < %2")
                       .arg(*d.highest)
                       .arg(cutoff);
    }
    return d;
}
