// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "arxivcalendar.h"
#include "feeditem.h"

#include <QList>
#include <QStringList>

// Turns arXiv API records into the listing a past day's feed would have shown (catch-up).
// The API does not say how a paper was announced, so the type is inferred:
//   v1 submitted inside the day's submission window       -> new (primary category requested) or cross
//   a later version submitted inside the window (v > 1)   -> replace or replace-cross
// Papers outside the window, or in none of the requested categories, are not part of the day.
// Order: new, cross, replace, replace-cross, each by arXiv id, as arXiv's listings are.
class CatchUpClassifier final
{
public:
    static QList<FeedItem> classify(const QList<Paper> &papers, const ArxivCalendar::Window &window,
                                    const QStringList &categories);
};
