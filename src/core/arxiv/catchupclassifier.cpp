// SPDX-License-Identifier: GPL-3.0-or-later
#include "catchupclassifier.h"

#include "arxivcategory.h"

#include <QSet>

#include <algorithm>

QList<FeedItem> CatchUpClassifier::classify(const QList<Paper> &papers, const ArxivCalendar::Window &window,
                                            const QStringList &categories)
{
    QSet<QString> requested;
    for (const QString &c : categories)
        requested.insert(ArxivCategory::canonical(c));

    QList<FeedItem> items;
    QSet<QString> seen;
    for (const Paper &p : papers) {
        if (seen.contains(p.arxivId))
            continue;
        const bool listed = std::any_of(p.categories.cbegin(), p.categories.cend(), [&](const QString &c) {
            return requested.contains(ArxivCategory::canonical(c));
        });
        if (!listed)
            continue;
        const bool primaryRequested = requested.contains(ArxivCategory::canonical(p.primaryCategory));
        FeedItem item;
        item.paper = p;
        if (window.contains(p.published)) {
            item.type = primaryRequested ? AnnounceType::New : AnnounceType::Cross;
            item.announcedVersion = 1;
        } else if (p.version > 1 && window.contains(p.updated)) {
            item.type = primaryRequested ? AnnounceType::Replace : AnnounceType::ReplaceCross;
            item.announcedVersion = p.version;
        } else {
            continue;
        }
        seen.insert(p.arxivId);
        items.append(std::move(item));
    }
    std::stable_sort(items.begin(), items.end(), [](const FeedItem &a, const FeedItem &b) {
        if (a.type != b.type)
            return int(a.type) < int(b.type);
        return a.paper.arxivId < b.paper.arxivId;
    });
    return items;
}
