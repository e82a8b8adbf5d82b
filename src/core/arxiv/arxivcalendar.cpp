// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivcalendar.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kSearchDays = 60; // longer than any arXiv break; stops a malformed holiday list looping
}

ArxivCalendar::ArxivCalendar()
    : m_eastern(easternTimeZone())
{
}

ArxivCalendar::ArxivCalendar(QList<QDate> holidays)
    : ArxivCalendar()
{
    setHolidays(std::move(holidays));
}

QTimeZone ArxivCalendar::easternTimeZone()
{
    static const QTimeZone zone = [] {
        QTimeZone tz(QByteArrayLiteral("America/New_York"));
        if (!tz.isValid()) {
            // Without zone data the schedule is at most an hour off in summer; better than no schedule.
            qWarning("papersieve: no time zone data for America/New_York; assuming UTC-5 all year");
            tz = QTimeZone(-5 * 3600);
        }
        return tz;
    }();
    return zone;
}

void ArxivCalendar::setHolidays(QList<QDate> holidays)
{
    holidays.removeIf([](QDate d) { return !d.isValid(); });
    std::sort(holidays.begin(), holidays.end());
    holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
    m_holidays = std::move(holidays);
}

QList<QDate> ArxivCalendar::parseHolidays(const QStringList &values, QStringList *rejected)
{
    QList<QDate> out;
    for (const QString &value : values) {
        const QString v = value.trimmed();
        if (v.isEmpty())
            continue;
        const QDate d = QDate::fromString(v, Qt::ISODate);
        if (d.isValid())
            out << d;
        else if (rejected)
            *rejected << v;
    }
    return out;
}

bool ArxivCalendar::isFeedDay(QDate day) const
{
    if (!day.isValid() || day.dayOfWeek() >= Qt::Saturday)
        return false;
    return !std::binary_search(m_holidays.cbegin(), m_holidays.cend(), day);
}

QDateTime ArxivCalendar::publishedAt(QDate day) const
{
    // US clocks change at 02:00, so midnight Eastern always exists.
    return QDateTime(day, QTime(0, 0), m_eastern);
}

QDateTime ArxivCalendar::announcedAt(QDate feedDay) const
{
    return QDateTime(feedDay.addDays(-1), QTime(20, 0), m_eastern);
}

QDate ArxivCalendar::feedDayAt(const QDateTime &instant) const
{
    if (!instant.isValid())
        return {};
    // The Eastern date of the instant is the newest feed that can be out (published at its midnight).
    QDate day = instant.toTimeZone(m_eastern).date();
    for (int i = 0; i <= kSearchDays; ++i, day = day.addDays(-1)) {
        if (isFeedDay(day))
            return day;
    }
    return {};
}

QDate ArxivCalendar::nextFeedDay(QDate day) const
{
    QDate d = day.addDays(1);
    for (int i = 0; i < kSearchDays; ++i, d = d.addDays(1)) {
        if (isFeedDay(d))
            return d;
    }
    return {};
}

bool ArxivCalendar::isWeekday(QDate day)
{
    return day.isValid() && day.dayOfWeek() <= 5;
}

QDate ArxivCalendar::easternDateAt(const QDateTime &instant)
{
    return instant.toTimeZone(easternTimeZone()).date();
}

QDate ArxivCalendar::previousWeekday(QDate day)
{
    do {
        day = day.addDays(-1);
    } while (day.dayOfWeek() > 5);
    return day;
}

QDateTime ArxivCalendar::cutoffOn(QDate day)
{
    return QDateTime(day, QTime(14, 0), easternTimeZone()).toUTC();
}

ArxivCalendar::Window ArxivCalendar::submissionWindow(QDate feedDay)
{
    const QDate last = previousWeekday(feedDay); // the feed of Tue lists submissions up to Mon 14:00
    const QDate first = previousWeekday(last);   // ... from Fri 14:00
    return {cutoffOn(first), cutoffOn(last)};
}
