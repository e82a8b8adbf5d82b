// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "arxiv/feeditem.h"
#include "ingestsummary.h"
#include "arxiv/listedpaper.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// A day's announcements for a set of categories, de-duplicated: what DayStore writes in one
// transaction and what the summary counts.
//
// One combined feed (/rss/cs.LG+cs.AI) lists each paper once with one announce type. Each requested
// category the paper carries gets its own listing, typed as that category's own page would show it:
// the primary category keeps "new"/"replace", the others see the paper as "cross"/"replace-cross".
struct DayListing
{
    QDate day;
    QStringList categories; // requested, normalised (trimmed, distinct, in the order given)
    QString source;         // "rss" or "api" (catch-up)
    QStringList keptTypes;  // announce types kept for scoring ("new", "cross", ...)
    QList<ListedPaper> papers;

    static DayListing build(const QDate &day, const QStringList &categories, const QList<FeedItem> &items,
                            const QStringList &keptTypes, const QString &source);


    bool isKept(AnnounceType type) const;
    // Counts and kept ids; stored and error are left for the caller.
    IngestSummary summary() const;
};
