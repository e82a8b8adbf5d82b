// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperfilterproxymodel.h"

#include "papertablemodel.h"

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kIncrementalRowLimit = 2000;
} // namespace

PaperFilterProxyModel::PaperFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PaperTableModel::SortRole);
    setDynamicSortFilter(true); // re-filters a paper whose star or read state changes
}

void PaperFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (!m_papers) {
        QSortFilterProxyModel::sort(column, order);
        return;
    }
    // This proxy keeps the source's row order (its own sort column stays -1, ascending); the model sorts.
    if (QSortFilterProxyModel::sortColumn() != -1 || QSortFilterProxyModel::sortOrder() != Qt::AscendingOrder)
        QSortFilterProxyModel::sort(-1, Qt::AscendingOrder);
    m_papers->sort(column, order);
}

void PaperFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_papers = qobject_cast<PaperTableModel *>(model);
    Q_ASSERT_X(m_papers || !model, "PaperFilterProxyModel", "the source must be a PaperTableModel");
    m_categoryLoad = -1;
    m_unreadKept.clear();
    if (m_papers) {
        // Connected before the base class's own handler, so new rows are counted before they are filtered:
        // a reload (after a run) keeps what was kept and adds the papers that arrived unread.
        connect(m_papers, &QAbstractItemModel::modelReset, this, [this] { addUnreadRows(); });
    }
    QSortFilterProxyModel::setSourceModel(model);
}

void PaperFilterProxyModel::addUnreadRows()
{
    for (int row = 0, rows = m_papers->rowCount(); row < rows; ++row) {
        const LibraryPaper *p = m_papers->paperAt(row);
        if (!p->read)
            m_unreadKept.insert(p->id);
    }
}

void PaperFilterProxyModel::keepUnreadAsOfNow()
{
    if (!m_papers)
        return;
    m_unreadKept.clear();
    addUnreadRows();
    if (m_unreadOnly)
        invalidateFilter();
}

void PaperFilterProxyModel::setFilter(const Filter &f)
{
    const Filter current = filter();
    if (f.scope == current.scope && f.minRelevance == current.minRelevance && f.minNovelty == current.minNovelty
        && f.starredOnly == current.starredOnly && f.unreadOnly == current.unreadOnly
        && f.category == current.category)
        return;
    m_scope = f.scope;
    m_minRelevance = f.minRelevance;
    m_minNovelty = f.minNovelty;
    m_starredOnly = f.starredOnly;
    m_unreadOnly = f.unreadOnly;
    m_category = f.category;
    m_categoryLoad = -1;
    if (f.unreadOnly && !current.unreadOnly && m_papers) {
        m_unreadKept.clear();
        addUnreadRows();
    }
    // Over a large source (the whole history) one full pass and one sort is much cheaper than Qt's
    // incremental removal and sorted insertion of thousands of scattered rows (bench/gui).
    if (sourceModel() && sourceModel()->rowCount() > kIncrementalRowLimit)
        invalidate();
    else
        invalidateFilter();
}

PaperFilterProxyModel::Filter PaperFilterProxyModel::filter() const
{
    return {m_scope, m_minRelevance, m_minNovelty, m_starredOnly, m_unreadOnly, m_category};
}

void PaperFilterProxyModel::setScope(Scope scope)
{
    Filter f = filter();
    f.scope = scope;
    setFilter(f);
}

void PaperFilterProxyModel::setMinRelevance(int value)
{
    Filter f = filter();
    f.minRelevance = value;
    setFilter(f);
}

void PaperFilterProxyModel::setMinNovelty(int value)
{
    Filter f = filter();
    f.minNovelty = value;
    setFilter(f);
}

void PaperFilterProxyModel::setStarredOnly(bool on)
{
    Filter f = filter();
    f.starredOnly = on;
    setFilter(f);
}

void PaperFilterProxyModel::setUnreadOnly(bool on)
{
    Filter f = filter();
    f.unreadOnly = on;
    setFilter(f);
}

void PaperFilterProxyModel::setCategory(const QString &category)
{
    Filter f = filter();
    f.category = category.trimmed();
    setFilter(f);
}

int PaperFilterProxyModel::hiddenCount() const
{
    return sourceModel() ? sourceModel()->rowCount() - rowCount() : 0;
}

bool PaperFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_papers)
        return true;
    const LibraryPaper *p = m_papers->paperAt(sourceRow);
    if (!p)
        return false;
    switch (m_scope) {
    case Scope::Relevant:
        if (!m_papers->isRelevant(*p))
            return false;
        break;
    case Scope::Scored:
        if (p->relevance <= 0 && !p->authorMatch)
            return false;
        break;
    case Scope::All:
        break;
    }
    if (m_minRelevance > 0 && p->relevance < m_minRelevance)
        return false;
    if (m_minNovelty > 0 && p->novelty < m_minNovelty)
        return false;
    if (m_starredOnly && !p->starred)
        return false;
    if (m_unreadOnly && p->read && !m_unreadKept.contains(p->id))
        return false;
    if (!m_category.isEmpty()) {
        // Cross-lists count too: the category may be any of the paper's. The model numbers the categories
        // of each load; the number is looked up once per load, not once per row.
        if (m_categoryLoad != m_papers->loadCount()) {
            m_categoryId = m_papers->categoryId(m_category);
            m_categoryLoad = m_papers->loadCount();
        }
        if (!m_papers->hasCategory(sourceRow, m_categoryId))
            return false;
    }
    return true;
}
