// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/llmusage.h"
#include "domain/runfailure.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

// How a selection run ended. Counts are papers; the usage and cost are THIS run's requests only.
struct SelectionSummary
{
    int considered = 0;    // distinct ids given to start()
    int titleDropped = 0;  // dropped by the title pre-filter (this run or an earlier one)
    int scored = 0;        // with relevance and novelty (this run or reused)
    int unscored = 0;      // no usable answer (reason stored), not sent (budget, cancel, error) or not in the DB
    int selected = 0;      // relevance >= R and novelty >= N
    int requests = 0;      // HTTP requests made, retries included
    int retries = 0;       // of which repeats after 429 / 5xx / timeouts / cut-off bodies
    LlmUsage usage;
    double costUsd = 0;
    bool priceKnown = true; // false: the model has no price row; costUsd counts 0 for it
    bool budgetReached = false;
    bool cancelled = false;
    QString error;          // empty unless the run failed (no key, rejected key, database error ...)
    RunFailureKind failure = RunFailureKind::None; // what kind of failure `error` describes
    int reused = 0;         // papers whose answer came from an earlier run: not sent again
    int flexRequests = 0;   // answers billed at the flex tier
    int flexFallbacks = 0;  // flex requests refused for capacity or timed out, then sent at the standard tier
    QStringList notes;      // things the user should know that are not errors (e.g. flex refused)
};
Q_DECLARE_METATYPE(SelectionSummary)
