// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runfailure.h"

#include <QDate>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What one DayIngest did, for the digest header, the progress UI and `papersieve fetch`.
// Counts are over distinct papers: a paper listed under several requested categories counts once.
struct IngestSummary
{
    QDate day;                   // the announcement day that was stored
    int announced = 0;           // all types, de-duplicated
    int newCount = 0, crossCount = 0, replaceCount = 0, replaceCrossCount = 0;
    int kept = 0;                // after the announce-type filter (settings), de-duplicated
    int stored = 0;              // papers inserted or updated
    bool noAnnouncement = false; // weekend / holiday: empty feed
    QString error;               // empty on success; one clear line for the user otherwise
    RunFailureKind failure = RunFailureKind::None;
    QStringList keptArxivIds;    // the papers selection should consider, in feed order
};
Q_DECLARE_METATYPE(IngestSummary)
