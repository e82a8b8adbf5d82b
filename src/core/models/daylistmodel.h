// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/libraryrepository.h"

#include <QAbstractListModel>

class Database;

// Announcement days, newest first, each with its relevant papers and its cost. Today is always the first
// row (even before anything was fetched), so "Run now" always has a day to land on.
class DayListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DayListModel)

public:
    enum Role {
        DayRole = Qt::UserRole + 1, // QDate
        SummaryRole,                // "70 relevant · $1.21", "Not run yet", ...
        RelevantRole,
        PapersRole,
        CostRole,
        RunsRole,
        StatusRole,                 // the latest run's status
        IsTodayRole,
    };

    explicit DayListModel(Database &database, QObject *parent = nullptr);

    void setCutoffs(int relevance, int novelty);
    void setToday(const QDate &today); // tests and the demo pin "today"
    QDate today() const { return m_today; }
    // What the pinned day is called instead of "Today" (the demo's day is not today).
    void setTodayCaption(const QString &caption) { m_todayCaption = caption; }
    void reload();

    int rowOfDay(const QDate &day) const;
    QDate dayAt(int row) const;
    const LibraryDay *entry(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QString summary(const LibraryDay &day) const;

private:
    Database &m_database;
    QList<LibraryDay> m_days;
    QDate m_today;
    QString m_todayCaption;
    int m_relevanceCutoff = 8;
    int m_noveltyCutoff = 7;
};
