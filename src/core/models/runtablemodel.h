// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/runhistory.h"

#include <QAbstractTableModel>

class Database;

// Runs, newest first: day, status, papers announced / scanned / relevant, tokens and cost.
class RunTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunTableModel)

public:
    enum Column { DayColumn, StartedColumn, StatusColumn, ModelColumn, AnnouncedColumn, ScannedColumn,
                  RelevantColumn, TokensColumn, CostColumn, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1, SortRole };

    explicit RunTableModel(Database &database, QObject *parent = nullptr);

    void reload();
    const LibraryRun *runAt(int row) const;
    int rowOfRun(qint64 runId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const QString &status);

private:
    Database &m_database;
    QList<LibraryRun> m_runs;
};
