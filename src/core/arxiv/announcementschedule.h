// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

// arXiv's announcement calendar (info.arxiv.org/help/availability.html), in US Eastern time:
// submissions received before 14:00 ET on a weekday are announced at 20:00 ET that day and appear in
// the feed dated the next calendar day (the "announcement day" of rss.arxiv.org). Feed days run Monday
// to Friday; the Monday feed carries Thursday 14:00 - Friday 14:00, the Tuesday feed Friday 14:00 -
// Monday 14:00. Holidays are not modelled here (the empty feed says so on the day itself).
class AnnouncementSchedule final
{
public:
    static QTimeZone eastern(); // America/New_York, or a fixed UTC-5 where no tz database exists

    static bool isAnnouncementDay(const QDate &feedDay); // Monday to Friday

    // The calendar day in US Eastern time at this instant: the day of the feed arXiv serves then.
    static QDate feedDayAt(const QDateTime &utc);

    // The submission window [start, end) whose new papers the feed of feedDay lists, in UTC.
    struct Window
    {
        QDateTime start;
        QDateTime end;
        bool contains(const QDateTime &t) const { return t.isValid() && t >= start && t < end; }
    };
    static Window submissionWindow(const QDate &feedDay);

private:
    static QDate previousWeekday(QDate day);
    static QDateTime cutoffOn(const QDate &day); // 14:00 ET of that day, in UTC
};
