// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDialog>

class CostChartWidget;
class Database;
class QLabel;
class QTableView;
class QTableWidget;
class RequestTableModel;
class RunTableModel;

// What the runs cost: a bar chart of the last 30 days, the runs, and for the selected run the reference
// digest's token table per model (prompt / completion / total, tokens and $), the papers announced /
// scanned / relevant, and its individual requests.
class RunCostsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunCostsDialog)

public:
    RunCostsDialog(Database &database, const QDate &today, QWidget *parent = nullptr);

    QTableView *runView() const { return m_runs; }
    QTableWidget *usageTable() const { return m_usage; }
    QTableView *requestView() const { return m_requests; }
    CostChartWidget *chart() const { return m_chart; }
    QLabel *countsLabel() const { return m_counts; }

private:
    void showRun(int row);

    Database &m_database;
    RunTableModel *m_runModel;
    RequestTableModel *m_requestModel;
    CostChartWidget *m_chart;
    QTableView *m_runs;
    QTableWidget *m_usage;
    QLabel *m_counts;
    QTableView *m_requests;
};
