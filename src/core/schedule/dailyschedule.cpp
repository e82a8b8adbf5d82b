// SPDX-License-Identifier: GPL-3.0-or-later
#include "dailyschedule.h"

#include <algorithm>

DailySchedule::DailySchedule(ArxivCalendar calendar, QTimeZone localZone, QTime fixedLocalTime)
    : m_calendar(std::move(calendar))
    , m_local(localZone.isValid() ? std::move(localZone) : QTimeZone::systemTimeZone())
    , m_fixedTime(fixedLocalTime.isValid() ? QTime(fixedLocalTime.hour(), fixedLocalTime.minute()) : QTime())
{
}

QDateTime DailySchedule::localTimeOn(QDate date) const
{
    QDateTime at(date, m_fixedTime, m_local);
    if (at.isValid())
        return at;
    // The chosen time falls in a spring-forward gap that day (Qt 6.4 gives an invalid QDateTime there;
    // later Qt moves it). Count the same wall-clock span from midnight instead: it lands just past the gap.
    const QDateTime midnight(date, QTime(0, 0), m_local);
    return midnight.addSecs(QTime(0, 0).secsTo(m_fixedTime));
}

QDateTime DailySchedule::runTimeFor(QDate feedDay) const
{
    if (!feedDay.isValid())
        return {};
    const QDateTime published = m_calendar.publishedAt(feedDay);
    if (isAutomatic())
        return published.addSecs(kAutomaticDelayMinutes * 60).toTimeZone(m_local);

    const QDateTime publishedLocal = published.toTimeZone(m_local);
    QDateTime at = localTimeOn(publishedLocal.date());
    if (!at.isValid() || at < publishedLocal)
        at = localTimeOn(publishedLocal.date().addDays(1));
    return at;
}

SchedulePlan DailySchedule::plan(const QDateTime &now, const ScheduleState &state) const
{
    SchedulePlan plan;
    if (!now.isValid())
        return plan;

    const QDate current = m_calendar.feedDayAt(now);
    const bool done = current.isValid() && state.lastDoneDay.isValid() && current <= state.lastDoneDay;
    const bool attempted = state.attemptDay == current && state.attempts > 0;
    const bool exhausted = attempted && state.attempts >= kMaxAttempts;

    if (current.isValid() && !done && !exhausted) {
        const QDateTime regular = runTimeFor(current);
        // A start time that passed before the schedule was switched on is not a missed run: the
        // user was not relying on it. A day with an attempt already is retried regardless.
        const bool armed = !state.armedSince.isValid() || regular >= state.armedSince;
        if (armed || attempted) {
            QDateTime at = regular;
            if (attempted && state.lastAttemptAt.isValid())
                at = std::max(at, state.lastAttemptAt.addSecs(kRetryMinutes * 60));
            plan.day = current;
            plan.retry = attempted;
            if (at <= now) {
                plan.runAt = now.toTimeZone(m_local);
                plan.due = true;
                plan.catchUp = !attempted && regular.secsTo(now) > kCatchUpToleranceSeconds;
            } else {
                plan.runAt = at.toTimeZone(m_local);
            }
            return plan;
        }
    }

    QDate after = current;
    if (state.lastDoneDay.isValid() && (!after.isValid() || state.lastDoneDay > after))
        after = state.lastDoneDay; // also when the clock was set back past a finished day
    const QDate next = m_calendar.nextFeedDay(after.isValid() ? after : now.toTimeZone(m_calendar.easternTimeZone()).date());
    if (!next.isValid())
        return plan;
    plan.day = next;
    plan.runAt = runTimeFor(next);
    return plan;
}
