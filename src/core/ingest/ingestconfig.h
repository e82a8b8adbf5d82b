// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "arxiv/arxivcalendar.h"

#include <QStringList>
#include <QUrl>

// The largest answer arXiv is trusted with: a day's feed of every category is ~10 MiB.
inline constexpr qint64 kArxivMaxBytes = 64 * 1024 * 1024;

// What one DayIngest::start() is given (made from the settings by pipeline/runconfig.h).
struct IngestConfig
{
    QStringList categories;                               // as typed; normalised by DayIngest
    QStringList announceTypes{QStringLiteral("new"), QStringLiteral("cross")};
    QUrl rssBase{QStringLiteral("https://rss.arxiv.org/rss/")};
    QUrl apiBase{QStringLiteral("https://export.arxiv.org/api/query")};
    int requestSpacingMs = 3000;                          // arXiv asks for one request every 3 s
    int timeoutMs = 60000;
    int apiBatchSize = 100;                               // ids per id_list request
    int catchUpPageSize = 500;                            // records per catch-up page
    ArxivCalendar calendar;                               // with the holidays the settings know of
};
