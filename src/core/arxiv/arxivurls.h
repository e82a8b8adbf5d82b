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

    // Catch-up of a day's new submissions and cross-lists: the papers of the categories first
    // submitted in [from, to) (the API's submittedDate filter, minute resolution, GMT), oldest first:
    // search_query=(cat:A OR cat:B) AND submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM].
    static QUrl apiSubmittedBetween(const QUrl &base, const QStringList &categories, const QDateTime &from,
                                    const QDateTime &to, int start, int maxResults);

    // The newest-first walk of the categories used for catch-up of replacements:
    // search_query=cat:A OR cat:B, sortBy=lastUpdatedDate, sortOrder=descending, start, max_results.
    static QUrl apiRecent(const QUrl &base, const QStringList &categories, int start, int maxResults);
};
