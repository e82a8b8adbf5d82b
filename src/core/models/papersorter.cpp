// SPDX-License-Identifier: GPL-3.0-or-later
#include "papersorter.h"

#include "papertablemodel.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace {
// What QString::compare(Qt::CaseInsensitive) compares, once: each UTF-16 unit case-folded on its own
// (a surrogate pair is kept as it is), so a binary comparison of two keys gives the same answer.
QString foldedForSort(const QString &text)
{
    QString key(text.size(), Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(key.data());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        out[i] = QChar::isSurrogate(c) ? c : char16_t(QChar::toCaseFolded(char32_t(c)));
    }
    return key;
}
} // namespace

PaperSorter::PaperSorter(const QList<LibraryPaper> &rows, const QList<int> &ranks, const QList<int> &readOrder)
    : m_rows(rows)
    , m_ranks(ranks)
    , m_readOrder(readOrder)
{
}

QList<int> PaperSorter::order(int column, Qt::SortOrder sortOrder) const
{
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    if (column < 0) {
        std::sort(order.begin(), order.end(), [this](int a, int b) { return m_readOrder.at(a) < m_readOrder.at(b); });
    } else if (column == PaperTableModel::TitleColumn || column == PaperTableModel::AuthorsColumn) {
        // The case-insensitive comparison folds every character on every call; folding each text once
        // makes a header click over 100,000 titles several times faster, in the same order.
        QList<QString> keys;
        keys.reserve(m_rows.size());
        for (const LibraryPaper &p : m_rows)
            keys.append(foldedForSort(column == PaperTableModel::TitleColumn ? p.title : p.authorsText));
        auto less = [this, &keys](int a, int b) {
            const int c = QStringView(keys.at(a)).compare(QStringView(keys.at(b)), Qt::CaseSensitive);
            return c != 0 ? c < 0 : lessThan(a, b, PaperTableModel::RankColumn);
        };
        if (sortOrder == Qt::AscendingOrder)
            std::sort(order.begin(), order.end(), less);
        else
            std::sort(order.begin(), order.end(), [&less](int a, int b) { return less(b, a); });
    } else if (sortOrder == Qt::AscendingOrder) {
        std::sort(order.begin(), order.end(), [this, column](int a, int b) { return lessThan(a, b, column); });
    } else {
        std::sort(order.begin(), order.end(), [this, column](int a, int b) { return lessThan(b, a, column); });
    }
    return order;
}

bool PaperSorter::lessThan(int l, int r, int column) const
{
    const LibraryPaper &a = m_rows.at(l);
    const LibraryPaper &b = m_rows.at(r);
    auto rankOf = [this](int row) {
        const int rank = m_ranks.at(row);
        return rank > 0 ? rank : std::numeric_limits<int>::max();
    };
    // Ties fall back to the rank, so equal scores keep the digest's order.
    auto byRank = [&] { return rankOf(l) != rankOf(r) ? rankOf(l) < rankOf(r) : a.id < b.id; };
    // For columns usually sorted descending: equal values keep the rank order once reversed.
    auto byRankReversed = [&] { return rankOf(l) != rankOf(r) ? rankOf(l) > rankOf(r) : a.id > b.id; };
    switch (column) {
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
    case PaperTableModel::DayColumn:
        return a.day != b.day ? a.day < b.day : byRank();
    default:
        return byRank();
    }
}
