// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;

// The feed_days table: per fetched day and category set, the counts a digest reports.
// Both counts are over distinct papers (a paper in cs.LG and cs.AI counts once); see docs/INGEST.md
// for how this differs from the reference tool's per-category sums.
class FeedDayRepository final
{
public:
    struct Entry
    {
        QDate day;
        QString categories;    // "cs.AI+cs.LG": sorted (ArxivCategory::key)
        QString source = QStringLiteral("rss"); // rss | api (catch-up)
        int announced = 0;     // all announce types, de-duplicated
        int kept = 0;          // after the announce-type filter, de-duplicated
        QDateTime fetchedAt;   // UTC
    };

    explicit FeedDayRepository(Database &db);

    // Inserts or replaces the row of (day, categories).
    bool record(const Entry &entry);
    std::optional<Entry> find(const QDate &day, const QString &categories);
    QList<Entry> forDay(const QDate &day);
    // The most recent day fetched for these categories (invalid when none).
    QDate latestDay(const QString &categories);

    QString errorString() const { return m_error; }

private:
    Database &m_db;
    QString m_error;
};
