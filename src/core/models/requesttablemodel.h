// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/runhistory.h"

#include <QAbstractTableModel>

class Database;

// The individual LLM requests of one run (the drill-down of the run costs dialog).
class RequestTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestTableModel)

public:
    enum Column { StartedColumn, StageColumn, ModelColumn, PapersColumn, PromptColumn, CachedColumn,
                  CompletionColumn, ReasoningColumn, LatencyColumn, CostColumn, TierColumn, StatusColumn, ColumnCount };

    explicit RequestTableModel(Database &database, QObject *parent = nullptr);

    void showRun(qint64 runId);
    qint64 runId() const { return m_runId; }
    const LibraryRequest *requestAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Database &m_database;
    qint64 m_runId = 0;
    QList<LibraryRequest> m_requests;
};
