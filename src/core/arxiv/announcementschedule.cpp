// SPDX-License-Identifier: GPL-3.0-or-later
#include "announcementschedule.h"

QTimeZone AnnouncementSchedule::eastern()
{
    static const QTimeZone zone = [] {
        QTimeZone tz(QByteArrayLiteral("America/New_York"));
        return tz.isValid() ? tz : QTimeZone(-5 * 3600);
    }();
    return zone;
}

bool AnnouncementSchedule::isAnnouncementDay(const QDate &feedDay)
{
    return feedDay.isValid() && feedDay.dayOfWeek() <= 5;
}

QDate AnnouncementSchedule::feedDayAt(const QDateTime &utc)
{
    return utc.toTimeZone(eastern()).date();
}

QDate AnnouncementSchedule::previousWeekday(QDate day)
{
    do {
        day = day.addDays(-1);
    } while (day.dayOfWeek() > 5);
    return day;
}

QDateTime AnnouncementSchedule::cutoffOn(const QDate &day)
{
    return QDateTime(day, QTime(14, 0), eastern()).toUTC();
}

AnnouncementSchedule::Window AnnouncementSchedule::submissionWindow(const QDate &feedDay)
{
    const QDate last = previousWeekday(feedDay);  // the feed of Tue lists submissions up to Mon 14:00
    const QDate first = previousWeekday(last);    // ... from Fri 14:00
    return {cutoffOn(first), cutoffOn(last)};
}
