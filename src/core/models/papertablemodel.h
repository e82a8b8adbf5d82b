// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "categoryindex.h"
#include "domain/digestrule.h"
#include "storage/libraryrepository.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QSet>

class Database;

// The papers of one day, or the results of a history search, as a table. Rows come from the database
// through LibraryRepository (the abstract is read only for the selected paper); starring and marking read
// write straight back. Presentation (bold for unread, star colour) is the view's job: this model lives in the
// core library, without QtGui, and exposes what to show through the roles below.
class PaperTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperTableModel)

public:
    enum Column { RankColumn, RelevanceColumn, NoveltyColumn, TitleColumn, AuthorsColumn, CategoryColumn,
                  StarColumn, ReadColumn, DayColumn, ColumnCount }; // DayColumn: shown while searching
    enum Role {
        PaperIdRole = Qt::UserRole + 1,
        ArxivIdRole,
        SortRole,      // what the column sorts by
        StarredRole,
        ReadRole,
        FollowedRole,  // a followed author wrote it
        RelevantRole,  // in the digest: cutoffs met or a followed author
        RankRole,      // 0: unranked
        RelevanceRole, // 0: no score
        NoveltyRole,
        DayRole,
        CategoriesRole, // QStringList, primary first
    };
    enum class Source { None, Day, Search, History };

    explicit PaperTableModel(Database &database, QObject *parent = nullptr);

    // A paper is relevant when relevance >= cutoff and novelty >= cutoff (the digest's rule).
    void setCutoffs(int relevance, int novelty);
    // Followed authors as the settings keep them ("Name" or "Name, S2ID"); matched by name.
    void setFollowedAuthors(const QStringList &entries);

    void showDay(const QDate &day);
    void showSearch(const QString &text, int limit = 500);
    void showHistory(int limit);
    void reload(); // the same day or search again (after a run wrote new scores)
    Source source() const { return m_source; }
    QDate day() const { return m_day; }
    QString searchText() const { return m_searchText; }

    const LibraryPaper *paperAt(int row) const;
    int rowOfPaper(qint64 paperId) const;
    bool isRelevant(const LibraryPaper &paper) const;
    bool isFollowed(const LibraryPaper &paper) const;
    int rankAt(int row) const { return row >= 0 && row < m_ranks.size() ? m_ranks.at(row) : 0; }

    // Sorts the rows themselves, and keeps them so when rows are replaced or a star, read state or rank
    // changes (as a dynamically sorting proxy would). A proxy on top then keeps this order and only filters:
    // re-sorting 100,000 rows through QModelIndex comparisons after every filter keystroke cost more than
    // the keystroke's budget (bench/gui). Column -1: the order the rows were read in.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The ascending order of a column; ties fall back to the rank, so equal values keep the digest's order.
    bool rowLessThan(int left, int right, int column) const;

    // Categories as small integers, so a category filter compares integers, not strings. An id is valid
    // until the rows are replaced (loadCount() changes); -1: no paper here has the category.
    int categoryId(const QString &category) const { return m_categories.id(category); }
    bool hasCategory(int row, int categoryId) const { return m_categories.has(row, categoryId); }
    int loadCount() const { return m_loadCount; }

    bool setStarred(int row, bool starred);
    bool setRead(int row, bool read);
    QString lastError() const { return m_lastError; }

    // Without the two virtual calls of QAbstractTableModel::index(): a proxy asks for one per row and filter.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // "A. Author, B. Author et al." for the table; the detail pane shows all.
    static QString firstAuthors(const QString &authorsText, int count = 2);

signals:
    void loaded();

private:
    void replaceRows(QList<LibraryPaper> rows);
    // A search for a name lists that author's papers first, then the rest in bm25 order: full-text ranking
    // puts a paper mentioning "Di" and "Zhang" anywhere above Di Zhang's own.
    static void authorMatchesFirst(QList<LibraryPaper> &rows, const QString &query);
    void computeRanks();
    void applySort(bool announce); // announce: as a layout change (else inside a reset)
    QVariant sortValue(const LibraryPaper &p, int row, int column) const;

    Database &m_database;
    QList<LibraryPaper> m_rows;
    QList<int> m_ranks;
    QList<int> m_readOrder; // each row's position as read from the database
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    CategoryIndex m_categories;
    int m_loadCount = 0;
    Source m_source = Source::None;
    QDate m_day;
    QString m_searchText;
    int m_limit = 500;
    DigestRule m_rule;
    QSet<QString> m_followed; // lower-case names
    QString m_lastError;
};
