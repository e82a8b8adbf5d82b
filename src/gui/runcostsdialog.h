// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDialog>

#include <memory>

class CostChartWidget;
class Database;
class QLabel;
class QTableView;
class QTableWidget;
class RequestTableModel;
class RunTableModel;

namespace Ui {
class RunCostsDialog;
}

// What the runs cost: a bar chart of the last 30 days, the runs, and for the selected run the reference
// digest's token table per model (prompt / completion / total, tokens and $), the papers announced /
// scanned / relevant, and its individual requests.
class RunCostsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunCostsDialog)

public:
    RunCostsDialog(Database &database, const QDate &today, QWidget *parent = nullptr);
    ~RunCostsDialog() override;

    QTableView *runView() const;
    QTableWidget *usageTable() const;
    QTableView *requestView() const;
    CostChartWidget *chart() const;
    QLabel *countsLabel() const;

private:
    void showRun(int row);

    std::unique_ptr<Ui::RunCostsDialog> m_ui; // the static layout: ui/runcostsdialog.ui
    Database &m_database;
    RunTableModel *m_runModel;
    RequestTableModel *m_requestModel;
};
