// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>

// How a run ended, as far as the schedule and its notification care. Filled from the pipeline's
// RunSummary by the code that wires the two together (one place, so neither side includes the other).
struct RunOutcome
{
    QDate requestedDay;   // the feed day the run was started for (invalid: "the newest")
    QDate day;            // the feed day it actually read (the digest's date)
    int announced = 0;
    int scanned = 0;
    int relevant = 0;
    QString topTitle;     // plain text, from the feed: never shown as rich text
    QString topArxivId;
    double costUsd = 0.0;
    bool priceKnown = true;
    bool noAnnouncement = false; // arXiv published nothing that day (weekend, holiday)
    bool budgetReached = false;
    bool cancelled = false;
    QString error;        // empty: it worked

    bool succeeded() const { return error.isEmpty() && !cancelled; }
};
