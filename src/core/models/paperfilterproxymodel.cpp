// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperfilterproxymodel.h"

#include "papertablemodel.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kIncrementalRowLimit = 2000;
} // namespace

PaperFilterProxyModel::PaperFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PaperTableModel::SortRole);
    setDynamicSortFilter(true);
}

void PaperFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_papers = qobject_cast<PaperTableModel *>(model);
    Q_ASSERT_X(m_papers || !model, "PaperFilterProxyModel", "the source must be a PaperTableModel");
    QSortFilterProxyModel::setSourceModel(model);
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
    if (m_unreadOnly && p->read)
        return false;
    if (!m_category.isEmpty() && p->primaryCategory != m_category) {
        // Cross-lists count too: the category may be any of the paper's.
        bool found = false;
        for (const QStringView c : QStringView(p->categories).split(u' ', Qt::SkipEmptyParts)) {
            if (c == m_category) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

bool PaperFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_papers)
        return QSortFilterProxyModel::lessThan(left, right);
    const int l = left.row();
    const int r = right.row();
    const LibraryPaper &a = *m_papers->paperAt(l);
    const LibraryPaper &b = *m_papers->paperAt(r);
    auto rankOf = [this](int row) {
        const int rank = m_papers->rankAt(row);
        return rank > 0 ? rank : std::numeric_limits<int>::max();
    };
    // Ties fall back to the rank, so equal scores keep the digest's order.
    auto byRank = [&] { return rankOf(l) != rankOf(r) ? rankOf(l) < rankOf(r) : a.id < b.id; };
    // For columns usually sorted descending: equal values keep the rank order once reversed.
    auto byRankReversed = [&] { return rankOf(l) != rankOf(r) ? rankOf(l) > rankOf(r) : a.id > b.id; };
    switch (left.column()) {
    case PaperTableModel::RankColumn:
        return byRank();
    case PaperTableModel::RelevanceColumn:
        if (a.relevance != b.relevance)
            return a.relevance < b.relevance;
        if (a.novelty != b.novelty)
            return a.novelty < b.novelty;
        return byRankReversed();
    case PaperTableModel::NoveltyColumn:
        if (a.novelty != b.novelty)
            return a.novelty < b.novelty;
        if (a.relevance != b.relevance)
            return a.relevance < b.relevance;
        return byRankReversed();
    case PaperTableModel::TitleColumn: {
        const int c = a.title.compare(b.title, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : byRank();
    }
    case PaperTableModel::AuthorsColumn: {
        const int c = a.authorsText.compare(b.authorsText, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : byRank();
    }
    case PaperTableModel::CategoryColumn: {
        const int c = a.primaryCategory.compare(b.primaryCategory);
        return c != 0 ? c < 0 : byRank();
    }
    case PaperTableModel::StarColumn:
        return a.starred != b.starred ? a.starred < b.starred : byRankReversed();
    case PaperTableModel::ReadColumn:
        return a.read != b.read ? a.read < b.read : byRank();
    default:
        return byRank();
    }
}
