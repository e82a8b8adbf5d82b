// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcostsdialog.h"

#include "costchartwidget.h"
#include "llm/pricingtable.h"
#include "models/requesttablemodel.h"
#include "models/runtablemodel.h"
#include "storage/libraryrepository.h"
#include "text/costformat.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
void setupTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
}
} // namespace

RunCostsDialog::RunCostsDialog(Database &database, const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_runModel(new RunTableModel(database, this))
    , m_requestModel(new RequestTableModel(database, this))
    , m_chart(new CostChartWidget(this))
    , m_runs(new QTableView(this))
    , m_usage(new QTableWidget(this))
    , m_counts(new QLabel(this))
    , m_requests(new QTableView(this))
{
    setWindowTitle(tr("Run costs"));
    setObjectName(u"RunCostsDialog"_s);
    m_chart->setCosts(LibraryRepository(database).costPerDay(today.addDays(-29), today));

    m_runModel->reload();
    m_runs->setModel(m_runModel);
    setupTable(m_runs);
    m_runs->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runs->horizontalHeader()->setStretchLastSection(true);
    m_requests->setModel(m_requestModel);
    setupTable(m_requests);
    m_requests->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_requests->horizontalHeader()->setStretchLastSection(true);

    m_usage->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usage->setSelectionMode(QAbstractItemView::NoSelection);
    m_usage->verticalHeader()->hide();
    m_usage->verticalHeader()->setDefaultSectionSize(m_usage->fontMetrics().height() + 8);
    m_usage->setShowGrid(false);
    m_usage->setAlternatingRowColors(true);
    m_usage->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *chartLabel = new QLabel(tr("<b>LLM cost per day</b>, last 30 days"), this);
    auto *runsLabel = new QLabel(tr("<b>Runs</b>"), this);
    auto *runDetail = new QWidget(this);
    auto *rl = new QVBoxLayout(runDetail);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_counts);
    rl->addWidget(m_usage);
    rl->addWidget(new QLabel(tr("<b>Requests</b> of this run"), runDetail));
    rl->addWidget(m_requests, 1);

    auto *top = new QWidget(this);
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(chartLabel);
    tl->addWidget(m_chart);
    tl->addWidget(runsLabel);
    tl->addWidget(m_runs, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(runDetail);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_runs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRun(current.row()); });
    if (m_runModel->rowCount() > 0)
        m_runs->setCurrentIndex(m_runModel->index(0, 0));
    else
        showRun(-1);
    resize(980, 760);
}

void RunCostsDialog::showRun(int row)
{
    const LibraryRun *run = m_runModel->runAt(row);
    m_usage->clear();
    if (!run) {
        m_counts->setText(tr("No run yet. Costs appear here after the first run."));
        m_usage->setRowCount(0);
        m_usage->setColumnCount(0);
        m_requestModel->showRun(0);
        return;
    }
    const QLocale locale;
    m_counts->setText(tr("<b>%1</b> · %2 · total arXiv papers: %3 · scanned: %4 · relevant: %5")
                          .arg(locale.toString(run->day, QLocale::LongFormat), RunTableModel::statusText(run->status))
                          .arg(CostFormat::tokens(run->announced), CostFormat::tokens(run->scanned),
                               CostFormat::tokens(run->relevant)));
    // The reference digest's table: per model, a Token row and a Cost row under Prompt / Completion / Total.
    m_usage->setColumnCount(4);
    m_usage->setHorizontalHeaderLabels({tr("Model"), tr("Prompt"), tr("Completion"), tr("Total")});
    m_usage->setRowCount(int(run->usage.size()) * 2);
    int r = 0;
    auto put = [this](int row, int column, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        item->setTextAlignment(column == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
        m_usage->setItem(row, column, item);
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
    m_usage->setFixedHeight(m_usage->horizontalHeader()->sizeHint().height() + m_usage->rowCount() * m_usage->verticalHeader()->defaultSectionSize() + 2 * m_usage->frameWidth() + 2);
    m_requestModel->showRun(run->id);
}
