// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperrepository.h"

#include "database.h"
#include "savepoint.h"
#include "sqljson.h"

#include <QHash>
#include <QSet>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace {
enum Slot {
    Lookup,
    Insert,
    UpdateAll,
    UpdateRefs,
    AuthorsOfPaper,
    DeleteAuthors,
    FindAuthor,
    InsertAuthor,
    InsertPaperAuthor,
    InsertAnnouncement,
    IdOf,
    Complete,
    LookupMany,
    FindAuthors,
    InsertAuthors,
    LinkAuthors,
    IndexPapers,
    BulkIndexOn,
    BulkIndexOff,
    InsertAnnouncements,
};

QString iso(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QString();
}

QVariant isoOrNull(const QDateTime &dt, const QString &fallback)
{
    if (dt.isValid())
        return iso(dt);
    return fallback.isEmpty() ? QVariant() : QVariant(fallback);
}

// A default-constructed QString binds as SQL NULL; the text columns are NOT NULL DEFAULT ''.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

QString pick(const QString &fresh, const QString &stored)
{
    return fresh.isEmpty() ? stored : fresh;
}
} // namespace

PaperRepository::PaperRepository(Database &db)
    : m_db(db)
{
}

PaperRepository::~PaperRepository() = default;

QSqlQuery &PaperRepository::prepared(int slot, const QString &sql)
{
    auto &q = m_queries[slot];
    if (!q) {
        q = std::make_unique<QSqlQuery>(m_db.connection());
        if (!q->prepare(sql))
            qWarning("PaperRepository: cannot prepare %s: %s", qPrintable(sql), qPrintable(q->lastError().text()));
    }
    return *q;
}

bool PaperRepository::fail(const QSqlQuery &query)
{
    m_error = query.lastError().text();
    return false;
}

std::optional<PaperRepository::Stored> PaperRepository::lookup(const QString &arxivId, bool *ok)
{
    QSqlQuery &q = prepared(Lookup, u"SELECT id, version, metadata_complete, doi, journal_ref, license "
                                    u"FROM papers WHERE arxiv_id = ?"_s);
    q.bindValue(0, arxivId);
    if (!q.exec()) {
        *ok = fail(q);
        return std::nullopt;
    }
    *ok = true;
    std::optional<Stored> s;
    if (q.next()) {
        s = Stored{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toBool(),
                   q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
    }
    q.finish(); // an unfinished SELECT would keep the transaction from committing
    return s;
}

namespace {
constexpr int kInsertColumns = 18;
constexpr int kRowsPerInsert = 50; // 4,500 bound values, well under SQLite's 32,766

const QString kInsertHead = u"INSERT INTO papers (arxiv_id, version, title, abstract, comment, journal_ref, "
                            u"doi, license, categories, primary_category, authors_text, published, updated, "
                            u"abs_url, pdf_url, html_url, metadata_complete, first_seen) VALUES "_s;

void bindInsert(QSqlQuery &q, int offset, const Paper &paper, const QDateTime &nowUtc)
{
    const QVariant values[kInsertColumns] = {
        paper.arxivId,
        std::max(1, paper.version),
        text(paper.title),
        text(paper.abstract),
        text(paper.comment),
        text(paper.journalRef),
        text(paper.doi),
        text(paper.license),
        text(paper.categories.join(u' ')),
        text(paper.primaryCategory.isEmpty() ? paper.categories.value(0) : paper.primaryCategory),
        text(paper.authorsText()),
        isoOrNull(paper.published, {}),
        isoOrNull(paper.updated, {}),
        paper.absUrl().toString(),
        paper.pdfUrl().toString(),
        paper.htmlUrl().toString(),
        paper.metadataComplete ? 1 : 0,
        iso(nowUtc),
    };
    for (int i = 0; i < kInsertColumns; ++i)
        q.bindValue(offset + i, values[i]);
}
} // namespace

bool PaperRepository::upsertMany(const QList<Paper> &papers, const QDateTime &nowUtc, QList<qint64> *ids,
                                 QList<Change> *changes)
{
    ids->clear();
    ids->resize(papers.size(), 0);
    if (changes) {
        changes->clear();
        changes->resize(papers.size(), Change::None);
    }
    Savepoint savepoint(m_db.connection(), u"paper_upsert_many"_s);
    if (!savepoint.isActive()) {
        m_error = savepoint.errorString();
        return false;
    }
    QHash<QString, Stored> stored;
    if (!lookupMany(papers, &stored))
        return false;
    QList<const Paper *> fresh;
    QList<qsizetype> freshAt;
    QSet<QString> seen;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        if (seen.contains(p.arxivId))
            continue; // listed twice: an upsert onto the first, below
        seen.insert(p.arxivId);
        const auto it = stored.constFind(p.arxivId);
        if (it == stored.cend()) {
            fresh << &p;
            freshAt << i;
            continue;
        }
        Change change = Change::None;
        const qint64 id = updateStored(p, *it, &change);
        if (id == 0)
            return false;
        (*ids)[i] = id;
        if (changes)
            (*changes)[i] = change;
    }
    QList<qint64> freshIds;
    if (!insertNew(fresh, nowUtc, &freshIds))
        return false;
    for (qsizetype k = 0; k < fresh.size(); ++k) {
        (*ids)[freshAt.at(k)] = freshIds.at(k);
        if (changes)
            (*changes)[freshAt.at(k)] = Change::Inserted;
    }
    // A paper listed twice in one call: the later entries are upserts onto the first.
    for (qsizetype i = 0; i < papers.size(); ++i) {
        if ((*ids).at(i) != 0)
            continue;
        Change change = Change::None;
        const qint64 id = upsert(papers.at(i), nowUtc, &change);
        if (id == 0)
            return false;
        (*ids)[i] = id;
        if (changes)
            (*changes)[i] = change;
    }
    if (!savepoint.release()) {
        m_error = savepoint.errorString();
        return false;
    }
    return true;
}

bool PaperRepository::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    fail(query);
    query.finish();
    return false;
}

bool PaperRepository::lookupMany(const QList<Paper> &papers, QHash<QString, Stored> *stored)
{
    if (papers.isEmpty())
        return true;
    QStringList arxivIds;
    arxivIds.reserve(papers.size());
    for (const Paper &p : papers)
        arxivIds << p.arxivId;
    QSqlQuery &q = prepared(LookupMany, u"SELECT arxiv_id, id, version, metadata_complete, doi, journal_ref, license "
                                        u"FROM papers WHERE arxiv_id IN (SELECT value FROM json_each(?))"_s);
    q.bindValue(0, SqlJson::stringArray(arxivIds));
    if (!exec(q))
        return false;
    while (q.next()) {
        stored->insert(q.value(0).toString(), Stored{q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toBool(),
                                                     q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
    }
    q.finish();
    return true;
}

bool PaperRepository::insertNew(const QList<const Paper *> &papers, const QDateTime &nowUtc, QList<qint64> *ids)
{
    ids->clear();
    if (papers.isEmpty())
        return true;
    // The insert trigger stands aside while papers_fts_bulk has its row; indexForSearch() then indexes
    // exactly the rows inserted here. All of it happens inside upsertMany's savepoint, so the row is
    // never committed: a failure rolls it back with the papers.
    QSqlQuery &on = prepared(BulkIndexOn, u"INSERT INTO papers_fts_bulk (id) VALUES (1)"_s);
    if (!exec(on))
        return false;
    for (qsizetype from = 0; from < papers.size(); from += kRowsPerInsert) {
        QList<qint64> chunkIds;
        if (!insertRows(papers.mid(from, kRowsPerInsert), nowUtc, &chunkIds))
            return false;
        *ids += chunkIds;
    }
    if (!linkAuthors(*ids, papers) || !indexForSearch(*ids))
        return false;
    QSqlQuery &off = prepared(BulkIndexOff, u"DELETE FROM papers_fts_bulk"_s);
    return exec(off);
}

bool PaperRepository::indexForSearch(const QList<qint64> &paperIds)
{
    // Ascending rowids: FTS5 flushes its pending terms whenever a rowid is not above the last one.
    QString json;
    json.reserve(paperIds.size() * 8 + 2);
    json += u'[';
    for (qsizetype i = 0; i < paperIds.size(); ++i) {
        if (i)
            json += u',';
        json += QString::number(paperIds.at(i));
    }
    json += u']';
    QSqlQuery &q = prepared(IndexPapers, u"INSERT INTO papers_fts (rowid, title, abstract, authors_text, comment) "
                                         u"SELECT id, title, abstract, authors_text, comment FROM papers "
                                         u"WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"_s);
    q.bindValue(0, json);
    return exec(q);
}

bool PaperRepository::insertRows(const QList<const Paper *> &papers, const QDateTime &nowUtc, QList<qint64> *ids)
{
    const int n = int(papers.size());
    if (!m_insertRows || m_insertRowsCount != n) {
        QString sql = kInsertHead;
        const QString row = u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
        for (int i = 0; i < n; ++i)
            sql += (i ? u", "_s : QString()) + row;
        m_insertRows = std::make_unique<QSqlQuery>(m_db.connection());
        m_insertRowsCount = n;
        if (!m_insertRows->prepare(sql))
            return fail(*m_insertRows);
    }
    QSqlQuery &q = *m_insertRows;
    for (int i = 0; i < n; ++i)
        bindInsert(q, i * kInsertColumns, *papers.at(i), nowUtc);
    if (!q.exec())
        return fail(q);
    // One statement gives its rows consecutive rowids (max(rowid) + 1 onwards); checked at both ends.
    const qint64 last = q.lastInsertId().toLongLong();
    const qint64 first = last - n + 1;
    if (idOf(papers.first()->arxivId) != first || idOf(papers.last()->arxivId) != last) {
        ids->clear();
        for (const Paper *p : papers) {
            const qint64 id = idOf(p->arxivId);
            if (id == 0)
                return false;
            ids->append(id);
        }
        return true;
    }
    ids->clear();
    for (qint64 id = first; id <= last; ++id)
        ids->append(id);
    return true;
}

bool PaperRepository::linkAuthors(const QList<qint64> &paperIds, const QList<const Paper *> &papers)
{
    QStringList names;
    QSet<QString> seen;
    for (const Paper *p : papers) {
        for (const Author &a : p->authors) {
            if (!seen.contains(a.name)) {
                seen.insert(a.name);
                names << a.name;
            }
        }
    }
    QHash<QString, qint64> authorIds;
    if (!authorIdsFor(names, &authorIds))
        return false;
    // [[paper, position, author], ...]: one statement for the day, one bound value.
    QString json;
    json.reserve(names.size() * 60 + 2);
    json += u'[';
    bool first = true;
    for (qsizetype k = 0; k < papers.size(); ++k) {
        const QList<Author> &authors = papers.at(k)->authors;
        for (int pos = 0; pos < authors.size(); ++pos) {
            const qint64 authorId = authorIds.value(authors.at(pos).name);
            if (authorId == 0) {
                m_error = u"no author row for a name just stored"_s;
                return false;
            }
            json += first ? u"["_s : u",["_s;
            first = false;
            json += QString::number(paperIds.at(k));
            json += u',';
            json += QString::number(pos);
            json += u',';
            json += QString::number(authorId);
            json += u']';
        }
    }
    json += u']';
    if (first)
        return true; // no authors at all
    QSqlQuery &q = prepared(LinkAuthors, u"INSERT INTO paper_authors (paper_id, position, author_id) "
                                         u"SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
                                         u"json_extract(value, '$[2]') FROM json_each(?)"_s);
    q.bindValue(0, json);
    return exec(q);
}

bool PaperRepository::findAuthorIds(const QStringList &names, QHash<QString, qint64> *ids)
{
    // As authorIdFor(): the shared row of the name, never one linked to a specific person (s2_id).
    QSqlQuery &q = prepared(FindAuthors, u"SELECT j.value, (SELECT a.id FROM authors a WHERE a.name = j.value "
                                         u"AND +a.s2_id IS NULL ORDER BY a.id LIMIT 1) FROM json_each(?) j"_s);
    q.bindValue(0, SqlJson::stringArray(names));
    if (!exec(q))
        return false;
    while (q.next()) {
        if (!q.value(1).isNull())
            ids->insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    q.finish();
    return true;
}

bool PaperRepository::authorIdsFor(const QStringList &names, QHash<QString, qint64> *ids)
{
    if (names.isEmpty())
        return true;
    if (!findAuthorIds(names, ids))
        return false;
    QStringList missing;
    for (const QString &name : names) {
        if (!ids->contains(name))
            missing << name;
    }
    if (missing.isEmpty())
        return true;
    QSqlQuery &insert = prepared(InsertAuthors, u"INSERT INTO authors (name) SELECT value FROM json_each(?)"_s);
    insert.bindValue(0, SqlJson::stringArray(missing));
    if (!exec(insert))
        return false;
    return findAuthorIds(missing, ids);
}

qint64 PaperRepository::upsert(const Paper &paper, const QDateTime &nowUtc, Change *change)
{
    if (change)
        *change = Change::None;
    bool ok = false;
    const std::optional<Stored> stored = lookup(paper.arxivId, &ok);
    if (!ok)
        return 0;

    if (!stored) {
        QSqlQuery &q = prepared(Insert, u"INSERT INTO papers (arxiv_id, version, title, abstract, comment, journal_ref, "
                                        u"doi, license, categories, primary_category, authors_text, published, updated, "
                                        u"abs_url, pdf_url, html_url, metadata_complete, first_seen) "
                                        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        q.bindValue(0, paper.arxivId);
        q.bindValue(1, std::max(1, paper.version));
        q.bindValue(2, text(paper.title));
        q.bindValue(3, text(paper.abstract));
        q.bindValue(4, text(paper.comment));
        q.bindValue(5, text(paper.journalRef));
        q.bindValue(6, text(paper.doi));
        q.bindValue(7, text(paper.license));
        q.bindValue(8, text(paper.categories.join(u' ')));
        q.bindValue(9, text(paper.primaryCategory.isEmpty() ? paper.categories.value(0) : paper.primaryCategory));
        q.bindValue(10, text(paper.authorsText()));
        q.bindValue(11, isoOrNull(paper.published, {}));
        q.bindValue(12, isoOrNull(paper.updated, {}));
        q.bindValue(13, paper.absUrl().toString());
        q.bindValue(14, paper.pdfUrl().toString());
        q.bindValue(15, paper.htmlUrl().toString());
        q.bindValue(16, paper.metadataComplete ? 1 : 0);
        q.bindValue(17, iso(nowUtc));
        if (!q.exec())
            { fail(q); return 0; }
        const qint64 id = q.lastInsertId().toLongLong();
        if (!replaceAuthors(id, paper.authors))
            return 0;
        if (change)
            *change = Change::Inserted;
        return id;
    }
    return updateStored(paper, *stored, change);
}

qint64 PaperRepository::updateStored(const Paper &paper, const Stored &stored, Change *change)
{
    if (change)
        *change = Change::None;
    const bool newer = paper.version > stored.version;
    const bool fills = paper.version == stored.version && paper.metadataComplete && !stored.complete;
    if (newer || fills) {
        if (!writeAll(stored.id, paper, paper.metadataComplete) || !replaceAuthors(stored.id, paper.authors))
            return 0;
        if (change)
            *change = newer ? Change::NewVersion : Change::Updated;
        return stored.id;
    }
    if (paper.version == stored.version) {
        // arXiv adds journal refs and DOIs to a version without making a new one.
        const QString doi = pick(paper.doi, stored.doi);
        const QString journalRef = pick(paper.journalRef, stored.journalRef);
        const QString license = pick(paper.license, stored.license);
        if (doi != stored.doi || journalRef != stored.journalRef || license != stored.license) {
            QSqlQuery &q = prepared(UpdateRefs, u"UPDATE papers SET doi = ?, journal_ref = ?, license = ? WHERE id = ?"_s);
            q.bindValue(0, text(doi));
            q.bindValue(1, text(journalRef));
            q.bindValue(2, text(license));
            q.bindValue(3, stored.id);
            if (!q.exec())
                { fail(q); return 0; }
            if (change)
                *change = Change::Updated;
        }
    }
    return stored.id;
}

bool PaperRepository::writeAll(qint64 id, const Paper &paper, bool complete)
{
    // Fields a source does not carry (RSS: comment, dates; API: license) keep their stored value.
    QSqlQuery &q = prepared(UpdateAll,
                            u"UPDATE papers SET version = ?, title = ?, abstract = ?, "
                            u"comment = CASE WHEN ? = '' THEN comment ELSE ? END, "
                            u"journal_ref = CASE WHEN ? = '' THEN journal_ref ELSE ? END, "
                            u"doi = CASE WHEN ? = '' THEN doi ELSE ? END, "
                            u"license = CASE WHEN ? = '' THEN license ELSE ? END, "
                            u"categories = ?, primary_category = ?, authors_text = ?, "
                            u"published = COALESCE(?, published), updated = COALESCE(?, updated), "
                            u"abs_url = ?, pdf_url = ?, html_url = ?, metadata_complete = ? WHERE id = ?"_s);
    int i = 0;
    q.bindValue(i++, std::max(1, paper.version));
    q.bindValue(i++, text(paper.title));
    q.bindValue(i++, text(paper.abstract));
    for (const QString *v : {&paper.comment, &paper.journalRef, &paper.doi, &paper.license}) {
        q.bindValue(i++, text(*v));
        q.bindValue(i++, text(*v));
    }
    q.bindValue(i++, text(paper.categories.join(u' ')));
    q.bindValue(i++, text(paper.primaryCategory.isEmpty() ? paper.categories.value(0) : paper.primaryCategory));
    q.bindValue(i++, text(paper.authorsText()));
    q.bindValue(i++, isoOrNull(paper.published, {}));
    q.bindValue(i++, isoOrNull(paper.updated, {}));
    q.bindValue(i++, paper.absUrl().toString());
    q.bindValue(i++, paper.pdfUrl().toString());
    q.bindValue(i++, paper.htmlUrl().toString());
    q.bindValue(i++, complete ? 1 : 0);
    q.bindValue(i++, id);
    return q.exec() || fail(q);
}

qint64 PaperRepository::authorIdFor(const QString &name)
{
    // The shared row of this name: rows with an s2_id belong to one specific person (linked by
    // the Semantic Scholar stage) and are not handed to namesakes.
    // "+s2_id": without it SQLite searches the UNIQUE index on s2_id for NULL, i.e. walks every
    // unlinked author per lookup (quadratic in the size of the table); by name it is one probe.
    QSqlQuery &find = prepared(FindAuthor, u"SELECT id FROM authors WHERE name = ? AND +s2_id IS NULL ORDER BY id LIMIT 1"_s);
    find.bindValue(0, name);
    if (!find.exec())
        { fail(find); return 0; }
    if (find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        return id;
    }
    find.finish();
    QSqlQuery &insert = prepared(InsertAuthor, u"INSERT INTO authors (name) VALUES (?)"_s);
    insert.bindValue(0, text(name));
    if (!insert.exec())
        { fail(insert); return 0; }
    return insert.lastInsertId().toLongLong();
}

bool PaperRepository::replaceAuthors(qint64 paperId, const QList<Author> &authors)
{
    // Keep the author row at positions whose name did not change: it may carry an S2 link.
    QHash<int, QPair<qint64, QString>> before;
    QSqlQuery &old = prepared(AuthorsOfPaper, u"SELECT pa.position, pa.author_id, a.name FROM paper_authors pa "
                                              u"JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = ?"_s);
    old.bindValue(0, paperId);
    if (!old.exec())
        return fail(old);
    while (old.next())
        before.insert(old.value(0).toInt(), {old.value(1).toLongLong(), old.value(2).toString()});
    old.finish();

    if (!before.isEmpty()) {
        QSqlQuery &del = prepared(DeleteAuthors, u"DELETE FROM paper_authors WHERE paper_id = ?"_s);
        del.bindValue(0, paperId);
        if (!del.exec())
            return fail(del);
    }
    QSqlQuery &link = prepared(InsertPaperAuthor, u"INSERT INTO paper_authors (paper_id, position, author_id) VALUES (?, ?, ?)"_s);
    for (int pos = 0; pos < authors.size(); ++pos) {
        const QString &name = authors.at(pos).name;
        const auto it = before.constFind(pos);
        const qint64 authorId = (it != before.cend() && it->second == name) ? it->first : authorIdFor(name);
        if (authorId == 0)
            return false;
        link.bindValue(0, paperId);
        link.bindValue(1, pos);
        link.bindValue(2, authorId);
        if (!link.exec())
            return fail(link);
    }
    return true;
}

bool PaperRepository::addAnnouncement(qint64 paperId, const QDate &day, const QString &category, AnnounceType type,
                                      int version)
{
    QSqlQuery &q = prepared(InsertAnnouncement, u"INSERT OR REPLACE INTO announcements (paper_id, day, category, type, version) "
                                                u"VALUES (?, ?, ?, ?, ?)"_s);
    q.bindValue(0, paperId);
    q.bindValue(1, day.toString(Qt::ISODate));
    q.bindValue(2, category);
    q.bindValue(3, announceTypeToString(type));
    q.bindValue(4, std::max(1, version));
    return q.exec() || fail(q);
}

bool PaperRepository::addAnnouncements(const QDate &day, const QList<Announcement> &rows)
{
    if (rows.isEmpty())
        return true;
    // [[paper, "category", "type", version], ...]: one statement for the day, one bound value.
    QString json;
    json.reserve(rows.size() * 32 + 2);
    json += u'[';
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Announcement &a = rows.at(i);
        json += i ? u",["_s : u"["_s;
        json += QString::number(a.paperId);
        json += u',';
        SqlJson::appendString(json, a.category);
        json += u',';
        SqlJson::appendString(json, announceTypeToString(a.type));
        json += u',';
        json += QString::number(std::max(1, a.version));
        json += u']';
    }
    json += u']';
    QSqlQuery &q = prepared(InsertAnnouncements,
                            u"INSERT OR REPLACE INTO announcements (paper_id, day, category, type, version) "
                            u"SELECT json_extract(value, '$[0]'), ?, json_extract(value, '$[1]'), "
                            u"json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each(?)"_s);
    q.bindValue(0, day.toString(Qt::ISODate));
    q.bindValue(1, json);
    return exec(q);
}

bool PaperRepository::completeMetadata(const Paper &paper, bool *found)
{
    bool ok = false;
    const std::optional<Stored> stored = lookup(paper.arxivId, &ok);
    if (found)
        *found = false;
    if (!ok)
        return false;
    if (!stored || paper.version < stored->version)
        return true; // not ours, or the API lags behind the feed: stays incomplete, asked again next time
    if (!writeAll(stored->id, paper, true) || !replaceAuthors(stored->id, paper.authors))
        return false;
    if (found)
        *found = true;
    return true;
}

qint64 PaperRepository::idOf(const QString &arxivId)
{
    QSqlQuery &q = prepared(IdOf, u"SELECT id FROM papers WHERE arxiv_id = ?"_s);
    q.bindValue(0, arxivId);
    if (!q.exec())
        { fail(q); return 0; }
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

QStringList PaperRepository::incompleteAmong(const QStringList &arxivIds)
{
    QStringList out;
    QSqlQuery &q = prepared(Complete, u"SELECT metadata_complete FROM papers WHERE arxiv_id = ?"_s);
    for (const QString &id : arxivIds) {
        q.bindValue(0, id);
        if (!q.exec()) {
            fail(q);
            return {};
        }
        if (q.next() && !q.value(0).toBool())
            out << id;
        q.finish();
    }
    return out;
}

std::optional<Paper> PaperRepository::find(const QString &arxivId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id, version, title, abstract, comment, journal_ref, doi, license, categories, primary_category, "
              u"published, updated, metadata_complete FROM papers WHERE arxiv_id = ?"_s);
    q.bindValue(0, arxivId);
    if (!q.exec()) {
        fail(q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    Paper p;
    const qint64 id = q.value(0).toLongLong();
    p.arxivId = arxivId;
    p.version = q.value(1).toInt();
    p.title = q.value(2).toString();
    p.abstract = q.value(3).toString();
    p.comment = q.value(4).toString();
    p.journalRef = q.value(5).toString();
    p.doi = q.value(6).toString();
    p.license = q.value(7).toString();
    p.categories = q.value(8).toString().split(u' ', Qt::SkipEmptyParts);
    p.primaryCategory = q.value(9).toString();
    p.published = QDateTime::fromString(q.value(10).toString(), Qt::ISODate);
    p.updated = QDateTime::fromString(q.value(11).toString(), Qt::ISODate);
    p.metadataComplete = q.value(12).toBool();

    QSqlQuery a(m_db.connection());
    a.prepare(u"SELECT a.name, a.s2_id, a.h_index FROM paper_authors pa JOIN authors a ON a.id = pa.author_id "
              u"WHERE pa.paper_id = ? ORDER BY pa.position"_s);
    a.bindValue(0, id);
    if (!a.exec()) {
        fail(a);
        return std::nullopt;
    }
    while (a.next())
        p.authors.append(Author{a.value(0).toString(), a.value(1).toString(), a.value(2).isNull() ? -1 : a.value(2).toInt()});
    return p;
}
