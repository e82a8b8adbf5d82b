// SPDX-License-Identifier: GPL-3.0-or-later
#include "feeddayrepository.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {
FeedDayRepository::Entry entryOf(const QSqlQuery &q)
{
    FeedDayRepository::Entry e;
    e.day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
    e.categories = q.value(1).toString();
    e.source = q.value(2).toString();
    e.announced = q.value(3).toInt();
    e.kept = q.value(4).toInt();
    e.fetchedAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODate);
    return e;
}

const QString kColumns = u"day, categories, source, announced, kept, fetched_at"_s;
} // namespace

FeedDayRepository::FeedDayRepository(Database &db)
    : m_db(db)
{
}

bool FeedDayRepository::record(const Entry &entry)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT OR REPLACE INTO feed_days ("_s + kColumns + u") VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.bindValue(0, entry.day.toString(Qt::ISODate));
    q.bindValue(1, entry.categories);
    q.bindValue(2, entry.source);
    q.bindValue(3, entry.announced);
    q.bindValue(4, entry.kept);
    q.bindValue(5, (entry.fetchedAt.isValid() ? entry.fetchedAt : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODate));
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

std::optional<FeedDayRepository::Entry> FeedDayRepository::find(const QDate &day, const QString &categories)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT "_s + kColumns + u" FROM feed_days WHERE day = ? AND categories = ?"_s);
    q.bindValue(0, day.toString(Qt::ISODate));
    q.bindValue(1, categories);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return entryOf(q);
}

QList<FeedDayRepository::Entry> FeedDayRepository::forDay(const QDate &day)
{
    QList<Entry> out;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT "_s + kColumns + u" FROM feed_days WHERE day = ? ORDER BY categories"_s);
    q.bindValue(0, day.toString(Qt::ISODate));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << entryOf(q);
    return out;
}

QDate FeedDayRepository::latestDay(const QString &categories)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT MAX(day) FROM feed_days WHERE categories = ?"_s);
    q.bindValue(0, categories);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return {};
    }
    return q.next() ? QDate::fromString(q.value(0).toString(), Qt::ISODate) : QDate();
}
