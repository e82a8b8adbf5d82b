// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcostsdialog.h"

#include "costchartwidget.h"
#include "llm/pricingtable.h"
#include "models/requesttablemodel.h"
#include "models/runtablemodel.h"
#include "storage/libraryrepository.h"
#include "storage/runhistory.h"
#include "text/costformat.h"
#include "ui_runcostsdialog.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTableWidget>

using namespace Qt::Literals::StringLiterals;

RunCostsDialog::RunCostsDialog(Database &database, const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RunCostsDialog>())
    , m_database(database)
    , m_runModel(new RunTableModel(database, this))
    , m_requestModel(new RequestTableModel(database, this))
{
    m_ui->setupUi(this);
    m_ui->costChart->setCosts(RunHistory(database).costPerDay(today.addDays(-29), today));

    m_runModel->reload();
    m_ui->runTable->setModel(m_runModel);
    m_ui->requestTable->setModel(m_requestModel);
    // Row heights follow the font, which the .ui cannot say.
    for (QTableView *view : {m_ui->runTable, m_ui->requestTable, static_cast<QTableView *>(m_ui->usageTable)})
        view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    m_ui->runTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->requestTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->usageTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    connect(m_ui->runTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRun(current.row()); });
    if (m_runModel->rowCount() > 0)
        m_ui->runTable->setCurrentIndex(m_runModel->index(0, 0));
    else
        showRun(-1);
}

RunCostsDialog::~RunCostsDialog() = default;

QTableView *RunCostsDialog::runView() const
{
    return m_ui->runTable;
}

QTableWidget *RunCostsDialog::usageTable() const
{
    return m_ui->usageTable;
}

QTableView *RunCostsDialog::requestView() const
{
    return m_ui->requestTable;
}

CostChartWidget *RunCostsDialog::chart() const
{
    return m_ui->costChart;
}

QLabel *RunCostsDialog::countsLabel() const
{
    return m_ui->runCounts;
}

void RunCostsDialog::showRun(int row)
{
    const LibraryRun *run = m_runModel->runAt(row);
    m_ui->usageTable->clear();
    if (!run) {
        m_ui->runCounts->setText(tr("No run yet. Costs appear here after the first run."));
        m_ui->usageTable->setRowCount(0);
        m_ui->usageTable->setColumnCount(0);
        m_requestModel->showRun(0);
        return;
    }
    const QLocale locale;
    m_ui->runCounts->setText(tr("<b>%1</b> · %2 · total arXiv papers: %3 · scanned: %4 · relevant: %5")
                          .arg(locale.toString(run->day, QLocale::LongFormat), RunTableModel::statusText(run->status))
                          .arg(CostFormat::tokens(run->announced), CostFormat::tokens(run->scanned),
                               CostFormat::tokens(run->relevant)));
    // The reference digest's table: per model, a Token row and a Cost row under Prompt / Completion / Total.
    m_ui->usageTable->setColumnCount(4);
    m_ui->usageTable->setHorizontalHeaderLabels({tr("Model"), tr("Prompt"), tr("Completion"), tr("Total")});
    m_ui->usageTable->setRowCount(int(run->usage.size()) * 2);
    int r = 0;
    auto put = [this](int row, int column, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        item->setTextAlignment(column == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
        m_ui->usageTable->setItem(row, column, item);
    };
    const PricingTable prices = PricingTable::builtin();
    for (const LibraryRunUsage &u : run->usage) {
        // The stored cost is per request; the prompt / completion split comes from the price list, when the
        // model has a row there.
        const qint64 total = u.promptTokens + u.completionTokens;
        QString promptCost = u"–"_s, completionCost = u"–"_s;
        if (const auto price = prices.price(u.model)) {
            promptCost = CostFormat::usd(((u.promptTokens - u.cachedTokens) * price->input + u.cachedTokens * price->cachedInput) / 1e6);
            completionCost = CostFormat::usd(u.completionTokens * price->output / 1e6);
        }
        put(r, 0, tr("%1 — tokens").arg(u.model));
        put(r, 1, CostFormat::tokens(u.promptTokens));
        put(r, 2, CostFormat::tokens(u.completionTokens));
        put(r, 3, CostFormat::tokens(total));
        put(r + 1, 0, tr("%1 — cost").arg(u.model));
        put(r + 1, 1, promptCost);
        put(r + 1, 2, completionCost);
        put(r + 1, 3, CostFormat::usd(u.costUsd));
        r += 2;
    }
    // Tall enough for its rows, no more: the requests below get the space.
    m_ui->usageTable->setFixedHeight(m_ui->usageTable->horizontalHeader()->sizeHint().height() + m_ui->usageTable->rowCount() * m_ui->usageTable->verticalHeader()->defaultSectionSize() + 2 * m_ui->usageTable->frameWidth() + 2);
    m_requestModel->showRun(run->id);
}
