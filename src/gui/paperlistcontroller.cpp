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
        const LibraryPaper *p = m_papers->paperAt(row);
        if (p && p->id == m_readCandidate && !p->read && m_papers->setRead(row, true))
            emit readChanged(true);
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
    header->resizeSection(PaperTableModel::DayColumn, fm.horizontalAdvance(u"00/00/0000__"_s));
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
    const LibraryPaper *p = m_papers->paperAt(row);
    emit currentChanged(p ? row : -1);
    m_readTimer->stop();
    if (p && !p->read) {
        m_readCandidate = p->id;
        m_readTimer->start();
    }
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

QList<int> PaperListController::selectedSourceRows() const
{
    QList<int> proxyRows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        proxyRows.append(index.row());
    std::sort(proxyRows.begin(), proxyRows.end());
    QList<int> rows;
    for (const int proxyRow : std::as_const(proxyRows))
        rows.append(m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row());
    if (rows.isEmpty() && currentSourceRow() >= 0)
        rows.append(currentSourceRow());
    return rows;
}

void PaperListController::toggleStar()
{
    // Paper ids, not rows: with the list sorted by the star column, starring moves rows.
    QList<qint64> ids;
    bool allStarred = true;
    for (const int row : selectedSourceRows()) {
        ids.append(m_papers->paperAt(row)->id);
        allStarred = allStarred && m_papers->paperAt(row)->starred;
    }
    if (ids.isEmpty())
        return;
    for (const qint64 id : std::as_const(ids)) {
        if (!m_papers->setStarred(m_papers->rowOfPaper(id), !allStarred)) {
            emit failed(tr("Could not save the star: %1").arg(m_papers->lastError()));
            return;
        }
    }
    emit starChanged(!allStarred);
}

void PaperListController::toggleRead()
{
    QList<qint64> ids;
    for (const int row : selectedSourceRows())
        ids.append(m_papers->paperAt(row)->id);
    if (ids.isEmpty())
        return;
    const LibraryPaper *current = m_papers->paperAt(currentSourceRow());
    const bool read = !(current ? current->read : m_papers->paperAt(m_papers->rowOfPaper(ids.first()))->read);
    m_readTimer->stop(); // the reader decided; the timer must not undo it
    for (const qint64 id : std::as_const(ids)) {
        if (!m_papers->setRead(m_papers->rowOfPaper(id), read)) {
            emit failed(tr("Could not save the read state: %1").arg(m_papers->lastError()));
            return;
        }
    }
    emit readChanged(read);
}

void PaperListController::markAllRead()
{
    m_readTimer->stop();
    QList<qint64> ids;
    for (int row = 0; row < m_papers->rowCount(); ++row) {
        if (!m_papers->paperAt(row)->read)
            ids.append(m_papers->paperAt(row)->id);
    }
    for (const qint64 id : std::as_const(ids)) {
        if (!m_papers->setRead(m_papers->rowOfPaper(id), true)) {
            emit failed(tr("Could not save the read state: %1").arg(m_papers->lastError()));
            return;
        }
    }
    emit readChanged(true);
}

void PaperListController::cancelAutoRead()
{
    m_readTimer->stop();
}
