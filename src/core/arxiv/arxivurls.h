// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QStringList>
#include <QUrl>

// The request URLs of arXiv's feeds and API, from the configured base URLs (Endpoints).
class ArxivUrls final
{
public:
    // https://rss.arxiv.org/rss/ + "cs.LG+cs.AI": one combined request for all categories.
    static QUrl rssFeed(const QUrl &base, const QStringList &categories);

    // export.arxiv.org/api/query?id_list=a,b,c&max_results=N (ids without version: the newest one).
    static QUrl apiIdList(const QUrl &base, const QStringList &arxivIds);

    // The newest-first walk of the categories used for catch-up:
    // search_query=cat:A OR cat:B, sortBy=lastUpdatedDate, sortOrder=descending, start, max_results.
    static QUrl apiRecent(const QUrl &base, const QStringList &categories, int start, int maxResults);
};
