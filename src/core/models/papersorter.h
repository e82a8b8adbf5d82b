// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <Qt>

struct LibraryPaper;

// The order of PaperTableModel's rows for one column (PaperTableModel::Column) and direction. Every
// comparison ends on the rank and then the paper id, so the order is total and equal values keep the
// digest's order. Column -1: the order the rows were read in.
class PaperSorter final
{
public:
    PaperSorter(const QList<LibraryPaper> &rows, const QList<int> &ranks, const QList<int> &readOrder);

    // order[new row] = old row.
    QList<int> order(int column, Qt::SortOrder sortOrder) const;
    // The ascending order of a column.
    bool lessThan(int left, int right, int column) const;

private:
    const QList<LibraryPaper> &m_rows;
    const QList<int> &m_ranks;
    const QList<int> &m_readOrder;
};
