// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

class PaperTableModel;

// Filters a PaperTableModel: which papers (digest / scored / all), minimum relevance and novelty, starred,
// unread, one category; sorting is passed on to the model, which keeps its rows in order. Reads the source
// rows directly rather than through QVariant roles, and never sorts them itself, so re-filtering a
// 100,000-row history stays within a keystroke's budget (bench/gui).
class PaperFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperFilterProxyModel)

public:
    enum class Scope { Relevant, Scored, All };

    explicit PaperFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    // Sorting is the source model's (PaperTableModel::sort); this proxy keeps its order and only filters.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    Scope scope() const { return m_scope; }
    void setScope(Scope scope);
    int minRelevance() const { return m_minRelevance; }
    void setMinRelevance(int value); // 0: any, including unscored
    int minNovelty() const { return m_minNovelty; }
    void setMinNovelty(int value);
    bool starredOnly() const { return m_starredOnly; }
    void setStarredOnly(bool on);
    bool unreadOnly() const { return m_unreadOnly; }
    void setUnreadOnly(bool on);
    QString category() const { return m_category; }
    void setCategory(const QString &category); // empty: any; else matches any of the paper's categories

    // Several settings at once, filtering only once.
    struct Filter
    {
        Scope scope = Scope::Relevant;
        int minRelevance = 0;
        int minNovelty = 0;
        bool starredOnly = false;
        bool unreadOnly = false;
        QString category;
    };
    void setFilter(const Filter &filter);
    Filter filter() const;

    // The Unread filter keeps listing every paper that was unread when the filter was turned on or this was
    // called (the day was chosen), until then: reading a paper never moves the list under the reader.
    void keepUnreadAsOfNow();

    // How many source rows the filters hide (for "12 more hidden by filters").
    int hiddenCount() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void addUnreadRows();

    PaperTableModel *m_papers = nullptr;
    Scope m_scope = Scope::Relevant;
    int m_minRelevance = 0;
    int m_minNovelty = 0;
    bool m_starredOnly = false;
    bool m_unreadOnly = false;
    QString m_category;
    QSet<qint64> m_unreadKept; // paper ids the Unread filter still lists although they are read now
    mutable int m_categoryId = -1;   // m_category as the source model numbers it
    mutable int m_categoryLoad = -1; // the source's loadCount() m_categoryId belongs to
};
