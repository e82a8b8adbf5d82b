// SPDX-License-Identifier: GPL-3.0-or-later
#include "categoryindex.h"

#include "storage/libraryrepository.h"

void CategoryIndex::build(const QList<LibraryPaper> &rows)
{
    m_idOf.clear();
    m_start.clear();
    m_ids.clear();
    m_start.reserve(rows.size() + 1);
    m_ids.reserve(rows.size() * 2);
    auto idOf = [this](QStringView category) {
        auto it = m_idOf.constFind(category.toString());
        if (it == m_idOf.cend())
            it = m_idOf.insert(category.toString(), int(m_idOf.size()));
        return it.value();
    };
    for (const LibraryPaper &p : rows) {
        const qsizetype start = m_ids.size();
        m_start.append(int(start));
        auto add = [&](QStringView category) {
            const int id = idOf(category);
            for (qsizetype i = start; i < m_ids.size(); ++i) {
                if (m_ids.at(i) == id)
                    return;
            }
            m_ids.append(id);
        };
        if (!p.primaryCategory.isEmpty())
            add(p.primaryCategory);
        for (const QStringView c : QStringView(p.categories).split(u' ', Qt::SkipEmptyParts))
            add(c);
    }
    m_start.append(int(m_ids.size()));
}

void CategoryIndex::permute(const QList<int> &order)
{
    QList<int> start, ids;
    start.reserve(m_start.size());
    ids.reserve(m_ids.size());
    for (const int old : order) {
        start.append(int(ids.size()));
        for (int i = m_start.at(old), end = m_start.at(old + 1); i < end; ++i)
            ids.append(m_ids.at(i));
    }
    start.append(int(ids.size()));
    m_start = std::move(start);
    m_ids = std::move(ids);
}

bool CategoryIndex::has(int row, int categoryId) const
{
    if (categoryId < 0 || row < 0 || row + 1 >= m_start.size())
        return false;
    for (int i = m_start.at(row), end = m_start.at(row + 1); i < end; ++i) {
        if (m_ids.at(i) == categoryId)
            return true;
    }
    return false;
}
