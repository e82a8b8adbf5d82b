// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>

class AppSettings;

// What the schedule remembers between starts (persisted in the settings), so a run missed while the
// computer slept or was off happens once at the next wake or start, and a finished day is never redone.
struct ScheduleState
{
    QDate lastDoneDay;       // newest feed day that ran to the end (or turned out to have no announcement)
    QDate attemptDay;        // feed day of the latest automatic attempt
    int attempts = 0;        // automatic attempts made for attemptDay
    QDateTime lastAttemptAt; // when the latest automatic attempt started
    QDateTime armedSince;    // schedule switched on (first start or resume): earlier runs are not caught up

    static ScheduleState load(const AppSettings &settings);
    void save(AppSettings &settings) const;

    // Bookkeeping, as pure updates.
    void recordAttempt(QDate day, const QDateTime &at);
    void recordDone(QDate day);
    // No more automatic attempts for `day` (the user cancelled it, or it cannot run as configured).
    void giveUp(QDate day, int maxAttempts);

    bool operator==(const ScheduleState &) const = default;
};
