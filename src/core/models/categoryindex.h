// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

struct LibraryPaper;

// The categories of a list of papers as small integers, so a category filter compares integers, not
// strings, once per row. Row i's ids are m_ids[m_start[i] .. m_start[i+1]): the primary category, then
// every listed one (cross-lists count too), each once.
class CategoryIndex final
{
public:
    void build(const QList<LibraryPaper> &rows);
    // Follows the rows when they are reordered: order[new row] = old row.
    void permute(const QList<int> &order);

    // -1: no paper here has the category.
    int id(const QString &category) const { return m_idOf.value(category, -1); }
    bool has(int row, int categoryId) const;

private:
    QHash<QString, int> m_idOf;
    QList<int> m_start;
    QList<int> m_ids;
};
