// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "arxiv/arxivcalendar.h"
#include "scheduleplan.h"
#include "schedulestate.h"

#include <QTime>
#include <QTimeZone>

// When the next automatic run starts and which feed day it reads, as a pure function of the moment,
// the user's time zone, the chosen time and what already ran. The rule (docs/DAILY.md):
//  - The run for feed day D starts at the user's chosen local time, on the first occasion at or after
//    the feed for D is published (D 00:00 America/New_York); in automatic mode it starts
//    kAutomaticDelayMinutes after publication. Saturdays, Sundays and holidays have no feed: no run.
//  - At any moment the run reads the newest published feed day (ArxivCalendar::feedDayAt); a day that
//    is done is never run again automatically.
//  - If that newest day is not done and its start time has passed (the computer was asleep or off,
//    or the app was closed), it is due now, once: each automatic attempt is recorded, a failed one is
//    retried after kRetryMinutes, at most kMaxAttempts times. Days older than the newest are not caught
//    up (arXiv's RSS only carries the newest), nor is a time that passed before the schedule was armed.
class DailySchedule final
{
public:
    static constexpr int kAutomaticDelayMinutes = 30;
    static constexpr int kMaxAttempts = 3;
    static constexpr int kRetryMinutes = 20;
    // A run started this late after its time counts as a catch-up (the app waits for the network).
    static constexpr int kCatchUpToleranceSeconds = 120;

    // fixedLocalTime invalid: automatic (shortly after the feed is published).
    DailySchedule(ArxivCalendar calendar, QTimeZone localZone, QTime fixedLocalTime = {});

    bool isAutomatic() const { return !m_fixedTime.isValid(); }
    const ArxivCalendar &calendar() const { return m_calendar; }
    QTimeZone localZone() const { return m_local; }

    // The regular start of the run for `feedDay`, in the user's time zone.
    QDateTime runTimeFor(QDate feedDay) const;
    SchedulePlan plan(const QDateTime &now, const ScheduleState &state) const;

private:
    QDateTime localTimeOn(QDate date) const;

    ArxivCalendar m_calendar;
    QTimeZone m_local;
    QTime m_fixedTime;
};
