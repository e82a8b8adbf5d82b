// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runfailure.h"
#include "domain/runoutcome.h"
#include "ingest/ingestsummary.h"
#include "runestimate.h"
#include "selection/selectionsummary.h"

#include <QDate>
#include <QMetaType>
#include <QString>

// How one daily run ended: what the notification, the tray, `papersieve run` and the window show.
struct RunSummary
{
    qint64 runId = 0; // the runs row (0 when the run failed before it could be recorded)
    QDate day; // the announcement day that was read (the digest's date)
    IngestSummary ingest;
    SelectionSummary selection;
    int relevant = 0; // in the digest: followed-author matches + relevance/novelty cutoffs met
    QString topTitle; // the first paper of the digest (plain text from the feed)
    QString topArxivId;
    double costUsd = 0; // this run's LLM spend
    bool priceKnown = true;
    bool noAnnouncement = false;
    bool budgetReached = false;
    bool cancelled = false;
    bool refusedOverBudget = false; // the estimate was over the budget and the run was not allowed to go on
    RunEstimate estimate; // told before the first LLM request (empty when none was sent)
    QString error; // empty: it worked; otherwise the detail a person needs (what answered what)
    RunFailureKind failure = RunFailureKind::None; // what went wrong, for the advice and the exit code

    bool succeeded() const { return error.isEmpty() && !cancelled; }
    // The one word for how it ended (the exit code, the schedule and the notification read this).
    RunOutcome outcome() const
    {
        if (!error.isEmpty())
            return RunOutcome::Failed;
        if (cancelled)
            return RunOutcome::Cancelled;
        if (noAnnouncement)
            return RunOutcome::NoAnnouncement;
        if (budgetReached || selection.unscored > 0)
            return RunOutcome::PartlyScored;
        return relevant > 0 ? RunOutcome::Done : RunOutcome::NothingRelevant;
    }
    // A day whose outcome is this needs no automatic retry.
    static bool countsAsDone(RunOutcome outcome)
    {
        return outcome != RunOutcome::Failed && outcome != RunOutcome::Cancelled;
    }
};
Q_DECLARE_METATYPE(RunSummary)
