// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperlistcontroller.h"

#include "models/paperfilterproxymodel.h"
#include "models/papertablemodel.h"
#include "paperitemdelegate.h"

#include <QHeaderView>
#include <QTableView>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

PaperListController::PaperListController(QTableView *view, PaperTableModel *papers, PaperFilterProxyModel *proxy,
                                         QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_papers(papers)
    , m_proxy(proxy)
    , m_readTimer(new QTimer(this))
{
    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(1200); // a paper counts as read once it was shown for a moment
    connect(m_readTimer, &QTimer::timeout, this, [this] {
        const int row = currentSourceRow();
        if (row >= 0)
            m_papers->setRead(row, true);
    });

    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new PaperItemDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PaperTableModel::RankColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(PaperTableModel::TitleColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_view->fontMetrics();
    const int narrow = fm.horizontalAdvance(u"Nov.__"_s) + 12;
    header->resizeSection(PaperTableModel::RankColumn, narrow);
    header->resizeSection(PaperTableModel::RelevanceColumn, narrow);
    header->resizeSection(PaperTableModel::NoveltyColumn, narrow);
    header->resizeSection(PaperTableModel::AuthorsColumn, fm.horizontalAdvance(u"M"_s) * 18);
    header->resizeSection(PaperTableModel::CategoryColumn, fm.horizontalAdvance(u"Category__"_s) + 8);
    header->resizeSection(PaperTableModel::StarColumn, narrow - 8);
    header->resizeSection(PaperTableModel::ReadColumn, narrow - 8);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PaperListController::onCurrentChanged);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == PaperTableModel::StarColumn)
            toggleStar();
    });
}

int PaperListController::currentSourceRow() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_proxy->mapToSource(index).row() : -1;
}

void PaperListController::onCurrentChanged()
{
    const int row = currentSourceRow();
    emit currentChanged(m_papers->paperAt(row) ? row : -1);
    if (row >= 0)
        m_readTimer->start();
}

void PaperListController::selectFirst()
{
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, PaperTableModel::TitleColumn));
    else
        emit currentChanged(-1);
}

void PaperListController::moveSelection(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, rows - 1) : 0;
    m_view->setCurrentIndex(m_proxy->index(row, PaperTableModel::TitleColumn));
    m_view->scrollTo(m_view->currentIndex());
}

void PaperListController::toggleStar()
{
    const int row = currentSourceRow();
    const LibraryPaper *p = m_papers->paperAt(row);
    if (!p)
        return;
    const bool on = !p->starred;
    if (!m_papers->setStarred(row, on)) {
        emit failed(tr("Could not save the star: %1").arg(m_papers->lastError()));
        return;
    }
    emit starChanged(on);
}
