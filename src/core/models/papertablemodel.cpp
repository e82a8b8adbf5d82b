// SPDX-License-Identifier: GPL-3.0-or-later
#include "papertablemodel.h"

#include "papersorter.h"
#include "storage/database.h"
#include "text/htmltext.h"
#include "text/latextext.h"

#include <QLocale>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

PaperTableModel::PaperTableModel(Database &database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{
}

void PaperTableModel::setCutoffs(int relevance, int novelty)
{
    if (DigestRule(relevance, novelty) == m_rule)
        return;
    m_rule = DigestRule(relevance, novelty);
    computeRanks();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    applySort(true); // every column's ties follow the rank
}

void PaperTableModel::setFollowedAuthors(const QStringList &entries)
{
    QSet<QString> names;
    for (const QString &entry : entries) {
        // "Name, S2ID": the id is for look-ups; the table matches the name.
        const QString name = entry.section(u',', 0, 0).trimmed().toLower();
        if (!name.isEmpty() && !name.startsWith(u'#'))
            names.insert(name);
    }
    if (names == m_followed)
        return;
    m_followed = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void PaperTableModel::showDay(const QDate &day)
{
    m_source = Source::Day;
    m_day = day;
    m_searchText.clear();
    LibraryRepository repo(m_database);
    replaceRows(repo.papersForDay(day));
    m_lastError = repo.lastError();
}

void PaperTableModel::showSearch(const QString &text, int limit)
{
    m_source = Source::Search;
    m_searchText = text;
    m_limit = limit;
    LibraryRepository repo(m_database);
    QList<LibraryPaper> rows = repo.search(text, limit);
    authorMatchesFirst(rows, text);
    replaceRows(std::move(rows));
    m_lastError = repo.lastError();
}

void PaperTableModel::showHistory(int limit)
{
    m_source = Source::History;
    m_limit = limit;
    m_searchText.clear();
    LibraryRepository repo(m_database);
    replaceRows(repo.allPapers(limit));
    m_lastError = repo.lastError();
}

void PaperTableModel::authorMatchesFirst(QList<LibraryPaper> &rows, const QString &query)
{
    const QString name = query.simplified().remove(u'"');
    // One word is no name; an operator query ("a OR b") is the user's own ranking.
    if (!name.contains(u' ') || name.contains(u" OR "_s) || name.contains(u" AND "_s) || name.contains(u" NOT "_s))
        return;
    auto isAuthor = [&name](const LibraryPaper &p) {
        for (const QString &author : p.authorsText.split(u',', Qt::SkipEmptyParts)) {
            if (LatexText::toReadable(author.trimmed()).compare(name, Qt::CaseInsensitive) == 0
                || author.trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    std::stable_partition(rows.begin(), rows.end(), isAuthor);
}

void PaperTableModel::reload()
{
    switch (m_source) {
    case Source::None:
        break;
    case Source::Day:
        showDay(m_day);
        break;
    case Source::Search:
        showSearch(m_searchText, m_limit);
        break;
    case Source::History:
        showHistory(m_limit);
        break;
    }
}

void PaperTableModel::replaceRows(QList<LibraryPaper> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    ++m_loadCount;
    m_readOrder.resize(m_rows.size());
    std::iota(m_readOrder.begin(), m_readOrder.end(), 0);
    computeRanks();
    m_categories.build(m_rows);
    applySort(false);
    endResetModel();
    emit loaded();
}

bool PaperTableModel::isFollowed(const LibraryPaper &paper) const
{
    if (paper.authorMatch)
        return true;
    if (m_followed.isEmpty())
        return false;
    const QStringList names = paper.authorsText.split(u',', Qt::SkipEmptyParts);
    for (const QString &name : names) {
        if (m_followed.contains(name.trimmed().toLower()))
            return true;
    }
    return false;
}

bool PaperTableModel::isRelevant(const LibraryPaper &paper) const
{
    return m_rule.isRelevant(paper.authorMatch, paper.relevance, paper.novelty);
}

void PaperTableModel::computeRanks()
{
    m_ranks = QList<int>(m_rows.size(), 0);
    if (m_source == Source::Search) {
        // Search results arrive best match first.
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_ranks[i] = int(i + 1);
        return;
    }
    // The digest's order (DigestRule), so the window and the digest rank a day alike.
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    QList<DigestRule::Entry> entries;
    entries.reserve(m_rows.size());
    for (const LibraryPaper &p : std::as_const(m_rows))
        entries.append({p.authorMatch, p.relevance, p.novelty, p.arxivId});
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return m_rule.ranksBefore(entries.at(a), entries.at(b)); });
    int rank = 0;
    for (int i : order) {
        const LibraryPaper &p = m_rows.at(i);
        if (p.relevance > 0 || p.authorMatch)
            m_ranks[i] = ++rank;
    }
}

void PaperTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < ColumnCount ? column : -1;
    m_sortOrder = order;
    applySort(true);
}

void PaperTableModel::applySort(bool announce)
{
    const QList<int> order = PaperSorter(m_rows, m_ranks, m_readOrder).order(m_sortColumn, m_sortOrder);
    bool moved = false;
    for (qsizetype i = 0; i < order.size() && !moved; ++i)
        moved = order.at(i) != i;
    if (!moved)
        return;

    if (announce)
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<LibraryPaper> rows;
    QList<int> ranks, readOrder;
    rows.reserve(m_rows.size());
    ranks.reserve(m_rows.size());
    readOrder.reserve(m_rows.size());
    for (const int old : order) {
        rows.append(std::move(m_rows[old]));
        ranks.append(m_ranks.at(old));
        readOrder.append(m_readOrder.at(old));
    }
    m_rows = std::move(rows);
    m_ranks = std::move(ranks);
    m_readOrder = std::move(readOrder);
    m_categories.permute(order);
    if (!announce)
        return;
    // The selection and current paper stay on the same papers.
    QList<int> newRowOf(order.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        newRowOf[order.at(i)] = int(i);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before)
        after.append(createIndex(newRowOf.at(index.row()), index.column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool PaperTableModel::rowLessThan(int left, int right, int column) const
{
    return PaperSorter(m_rows, m_ranks, m_readOrder).lessThan(left, right, column);
}

const LibraryPaper *PaperTableModel::paperAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int PaperTableModel::rowOfPaper(qint64 paperId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == paperId)
            return int(i);
    }
    return -1;
}

bool PaperTableModel::setStarred(int row, bool starred)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    LibraryRepository repo(m_database);
    if (!repo.setStarred(m_rows.at(row).id, starred)) {
        m_lastError = repo.lastError();
        return false;
    }
    m_rows[row].starred = starred;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (m_sortColumn == StarColumn)
        applySort(true);
    return true;
}

bool PaperTableModel::setRead(int row, bool read)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    if (m_rows.at(row).read == read)
        return true;
    LibraryRepository repo(m_database);
    if (!repo.setRead(m_rows.at(row).id, read)) {
        m_lastError = repo.lastError();
        return false;
    }
    m_rows[row].read = read;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (m_sortColumn == ReadColumn)
        applySort(true);
    return true;
}

QModelIndex PaperTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int PaperTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PaperTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PaperTableModel::firstAuthors(const QString &authorsText, int count)
{
    const QStringList names = authorsText.split(u", "_s, Qt::SkipEmptyParts);
    if (names.size() <= count)
        return LatexText::toReadable(authorsText);
    return LatexText::toReadable(names.mid(0, count).join(u", "_s)) + tr(" et al.");
}

QVariant PaperTableModel::sortValue(const LibraryPaper &p, int row, int column) const
{
    switch (column) {
    case RankColumn: {
        const int rank = rankAt(row);
        return rank > 0 ? rank : std::numeric_limits<int>::max();
    }
    case RelevanceColumn: return p.relevance;
    case NoveltyColumn: return p.novelty;
    case TitleColumn: return p.title.toLower();
    case AuthorsColumn: return p.authorsText.toLower();
    case CategoryColumn: return p.primaryCategory;
    case StarColumn: return p.starred;
    case ReadColumn: return p.read;
    case DayColumn: return p.day;
    default: return {};
    }
}

QVariant PaperTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const LibraryPaper &p = m_rows.at(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RankColumn: return m_ranks.at(row) > 0 ? QVariant(m_ranks.at(row)) : QVariant(QString());
        case RelevanceColumn: return p.relevance > 0 ? QVariant(p.relevance) : QVariant(u"–"_s);
        case NoveltyColumn: return p.novelty > 0 ? QVariant(p.novelty) : QVariant(u"–"_s);
        case TitleColumn: return LatexText::toReadable(p.title);
        case AuthorsColumn: return firstAuthors(p.authorsText);
        case CategoryColumn: return p.primaryCategory;
        case StarColumn: return p.starred ? u"★"_s : QString();
        case ReadColumn: return p.read ? QString() : u"●"_s;
        case DayColumn: return QLocale().toString(p.day, QLocale::ShortFormat);
        default: return {};
        }
    case Qt::ToolTipRole:
        // Feed text: QToolTip would guess "<font size=7>" in a title to be markup (M7), so it goes as
        // rich text that shows it literally.
        switch (index.column()) {
        case TitleColumn: return HtmlText::literalRichText(LatexText::toReadable(p.title));
        case AuthorsColumn:
            return HtmlText::literalRichText(isFollowed(p)
                                                 ? tr("%1\n(a followed author)").arg(LatexText::toReadable(p.authorsText))
                                                 : LatexText::toReadable(p.authorsText));
        case CategoryColumn: return HtmlText::literalRichText(p.categories);
        case StarColumn: return p.starred ? tr("Starred (S to unstar)") : tr("Not starred (S to star)");
        case ReadColumn: return p.read ? tr("Read") : tr("Unread");
        case RelevanceColumn:
        case NoveltyColumn:
            return p.relevance > 0 ? tr("Relevance %1, novelty %2").arg(p.relevance).arg(p.novelty)
                                   : tr("Not scored on its abstract");
        default: return {};
        }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case TitleColumn:
        case AuthorsColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        default:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
        }
    case PaperIdRole: return p.id;
    case ArxivIdRole: return p.arxivId;
    case SortRole: return sortValue(p, row, index.column());
    case StarredRole: return p.starred;
    case ReadRole: return p.read;
    case FollowedRole: return isFollowed(p);
    case RelevantRole: return isRelevant(p);
    case RankRole: return m_ranks.at(row);
    case RelevanceRole: return p.relevance;
    case NoveltyRole: return p.novelty;
    case DayRole: return p.day;
    case CategoriesRole: return p.categories.split(u' ', Qt::SkipEmptyParts);
    default: return {};
    }
}

QVariant PaperTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn: return tr("#");
        case RelevanceColumn: return tr("Rel.");
        case NoveltyColumn: return tr("Nov.");
        case TitleColumn: return tr("Title");
        case AuthorsColumn: return tr("Authors");
        case CategoryColumn: return tr("Category");
        case StarColumn: return u"★"_s;
        case ReadColumn: return u"●"_s;
        case DayColumn: return tr("Day");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn: return tr("Rank in the digest (for a search: best match first)");
        case RelevanceColumn: return tr("Relevance to your research interests, 1–10");
        case NoveltyColumn: return tr("Novelty, 1–10");
        case StarColumn: return tr("Starred");
        case ReadColumn: return tr("Unread");
        case CategoryColumn: return tr("Primary arXiv category");
        case DayColumn: return tr("The day arXiv announced it");
        default: return {};
        }
    }
    return {};
}

Qt::ItemFlags PaperTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == StarColumn || index.column() == ReadColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

bool PaperTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (role == StarredRole || (role == Qt::EditRole && index.column() == StarColumn))
        return setStarred(index.row(), value.toBool());
    if (role == ReadRole || (role == Qt::EditRole && index.column() == ReadColumn))
        return setRead(index.row(), value.toBool());
    return false;
}
