// SPDX-License-Identifier: GPL-3.0-or-later
#include "daylisting.h"

#include "arxiv/arxivcategory.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

bool DayListing::isKept(AnnounceType type) const
{
    const QString name = announceTypeToString(type);
    return std::any_of(keptTypes.cbegin(), keptTypes.cend(),
                       [&](const QString &t) { return t.trimmed().compare(name, Qt::CaseInsensitive) == 0; });
}

DayListing DayListing::build(const QDate &day, const QStringList &categories, const QList<FeedItem> &items,
                             const QStringList &keptTypes, const QString &source)
{
    DayListing listing;
    listing.day = day;
    listing.categories = ArxivCategory::normalise(categories);
    listing.keptTypes = keptTypes;
    listing.source = source;
    listing.papers.reserve(items.size());

    QSet<QString> seen;
    seen.reserve(items.size());
    for (const FeedItem &item : items) {
        if (seen.contains(item.paper.arxivId))
            continue; // one paper, one row, however many times a listing repeats it
        seen.insert(item.paper.arxivId);

        ListedPaper lp;
        lp.paper = item.paper;
        lp.type = item.type;
        lp.announcedVersion = item.announcedVersion > 0 ? item.announcedVersion : std::max(1, item.paper.version);
        const QString primary = ArxivCategory::canonical(
            item.paper.primaryCategory.isEmpty() ? item.paper.categories.value(0) : item.paper.primaryCategory);
        QSet<QString> carried;
        for (const QString &c : item.paper.categories)
            carried.insert(ArxivCategory::canonical(c));

        for (const QString &requested : std::as_const(listing.categories)) {
            const QString canonical = ArxivCategory::canonical(requested);
            if (!carried.contains(canonical))
                continue;
            AnnounceType type = item.type;
            if (canonical != primary) {
                if (type == AnnounceType::New)
                    type = AnnounceType::Cross;
                else if (type == AnnounceType::Replace)
                    type = AnnounceType::ReplaceCross;
            }
            lp.listings.append({requested, type});
        }
        // The feed listed it for one of our categories even if its category list does not show
        // which (should not happen); keep it under the first so the paper is not lost.
        if (lp.listings.isEmpty() && !listing.categories.isEmpty())
            lp.listings.append({listing.categories.first(), item.type});
        listing.papers.append(std::move(lp));
    }
    return listing;
}

IngestSummary DayListing::summary() const
{
    IngestSummary s;
    s.day = day;
    s.announced = int(papers.size());
    for (const ListedPaper &lp : papers) {
        switch (lp.type) {
        case AnnounceType::New:
            ++s.newCount;
            break;
        case AnnounceType::Cross:
            ++s.crossCount;
            break;
        case AnnounceType::Replace:
            ++s.replaceCount;
            break;
        case AnnounceType::ReplaceCross:
            ++s.replaceCrossCount;
            break;
        }
        if (isKept(lp.type)) {
            ++s.kept;
            s.keptArxivIds << lp.paper.arxivId;
        }
    }
    return s;
}
