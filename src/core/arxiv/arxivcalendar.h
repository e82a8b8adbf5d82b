// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QTimeZone>

// arXiv's publication calendar, in the terms of the RSS feed a run reads.
//
// arXiv announces Sunday to Thursday at 20:00 US Eastern; the RSS feed carrying that announcement is
// rebuilt at the following midnight Eastern and its channel <pubDate> is that midnight (e.g. the
// Wednesday 20:00 announcement is the feed "Thu, 24 Sep 2026 00:00:00 -0400"). A "feed day" is that
// pubDate's date in America/New_York; it is also the day a digest is dated by (as the reference tool
// does). Feed days are Monday to Friday; Saturday and Sunday feeds are empty, and so are holidays.
//
// New submissions: those received before 14:00 Eastern on a weekday are announced at 20:00 that day,
// so the Monday feed carries Thursday 14:00 - Friday 14:00, the Tuesday feed Friday 14:00 - Monday
// 14:00 (info.arxiv.org/help/availability.html). The one calendar of the program: ingest, catch-up and
// the schedule all ask it.
class ArxivCalendar final
{
public:
    // The submission window [start, end) whose new papers the feed of a feed day lists, in UTC.
    struct Window
    {
        QDateTime start;
        QDateTime end;
        bool contains(const QDateTime &t) const { return t.isValid() && t >= start && t < end; }
    };

    ArxivCalendar();
    explicit ArxivCalendar(QList<QDate> holidays);

    // America/New_York (falls back to a fixed UTC-5 if the platform has no zone data).
    static QTimeZone easternTimeZone();

    // Feed days without an announcement (arXiv holidays), given as the date the feed would carry.
    QList<QDate> holidays() const { return m_holidays; }
    void setHolidays(QList<QDate> holidays);
    // "YYYY-MM-DD" strings from the settings; malformed entries are reported in *rejected and ignored.
    static QList<QDate> parseHolidays(const QStringList &values, QStringList *rejected = nullptr);

    bool isFeedDay(QDate day) const;
    // The instant the feed for `day` is published: that day 00:00 in America/New_York.
    QDateTime publishedAt(QDate day) const;
    // The instant arXiv announced what the feed for `feedDay` carries: 20:00 Eastern the evening before.
    QDateTime announcedAt(QDate feedDay) const;
    // The newest feed day published at or before `instant` (searches back at most 60 days).
    QDate feedDayAt(const QDateTime &instant) const;
    // The first feed day after `day` (searches at most 60 days; invalid if a holiday list blocks them all).
    QDate nextFeedDay(QDate day) const;
    bool isHoliday(QDate day) const { return m_holidays.contains(day); }

    // Monday to Friday: the days a feed can carry an announcement (holidays aside).
    static bool isWeekday(QDate day);
    // The calendar date in America/New_York at this instant: the date of the feed arXiv serves then.
    static QDate easternDateAt(const QDateTime &instant);
    static Window submissionWindow(QDate feedDay);

private:
    static QDate previousWeekday(QDate day);
    static QDateTime cutoffOn(QDate day); // 14:00 Eastern of that day, in UTC

    QTimeZone m_eastern;
    QList<QDate> m_holidays;
};
