// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feeditem.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// A parsed arXiv announcement feed (rss.arxiv.org RSS 2.0 or its Atom variant).
struct RssFeed
{
    QDate day;             // the announcement day (channel pubDate); invalid when the feed does not say
    QString title;         // "cs.LG, cs.AI updates on arXiv.org"
    QStringList skipDays;  // "Saturday", "Sunday": days arXiv publishes an empty feed
    QList<FeedItem> items; // in feed order

    // arXiv publishes an empty feed on days without an announcement (weekends, holidays).
    bool isNoAnnouncement() const { return items.isEmpty(); }
};
