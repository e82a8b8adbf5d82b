// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runfailure.h"
#include "domain/runstage.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

// The window's and the tray's words for a run's stages and failures: made here, where they are shown,
// from the core's values (never by reading the core's message text), so they work in every language.
class RunTexts final
{
    Q_DECLARE_TR_FUNCTIONS(RunTexts)

public:
    static QString stage(RunStage stage);
    // What the reader can do about it; `canRetry`: a Retry button is offered beside it.
    static QString advice(RunFailureKind kind);
    // Whether pressing Retry can help with this failure (a rejected key or a bad setting needs a change first).
    static bool retryHelps(RunFailureKind kind);
    // "Tue 7 Oct" (with the year when it is not this year's); an invalid day (the run had not read the feed
    // yet): "today's feed (Thu 3 Dec)".
    static QString dayName(const QDate &day, const QDate &today = QDate::currentDate());
    // "The run for Tue 7 Oct failed: <error>" and what to do about it, on a second line.
    static QString runFailed(const QDate &day, const QString &error, RunFailureKind kind,
                             const QDate &today = QDate::currentDate());
};
