// SPDX-License-Identifier: GPL-3.0-or-later
#include "schedulestate.h"

#include "settings/appsettings.h"

#include <algorithm>

ScheduleState ScheduleState::load(const AppSettings &settings)
{
    ScheduleState s;
    s.lastDoneDay = settings.scheduleLastDoneDay();
    s.attemptDay = settings.scheduleAttemptDay();
    s.attempts = settings.scheduleAttempts();
    s.lastAttemptAt = settings.scheduleLastAttemptAt();
    s.armedSince = settings.scheduleArmedSince();
    return s;
}

void ScheduleState::save(AppSettings &settings) const
{
    settings.setScheduleLastDoneDay(lastDoneDay);
    settings.setScheduleAttemptDay(attemptDay);
    settings.setScheduleAttempts(attempts);
    settings.setScheduleLastAttemptAt(lastAttemptAt);
    settings.setScheduleArmedSince(armedSince);
}

void ScheduleState::recordAttempt(QDate day, const QDateTime &at)
{
    if (attemptDay != day) {
        attemptDay = day;
        attempts = 0;
    }
    ++attempts;
    lastAttemptAt = at;
}

void ScheduleState::recordDone(QDate day)
{
    if (!day.isValid())
        return;
    if (!lastDoneDay.isValid() || day > lastDoneDay)
        lastDoneDay = day;
}

void ScheduleState::giveUp(QDate day, int maxAttempts)
{
    if (attemptDay != day) {
        attemptDay = day;
        lastAttemptAt = {};
    }
    attempts = std::max(attempts, maxAttempts);
}
