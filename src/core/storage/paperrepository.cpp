// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperrepository.h"

#include "database.h"
#include "savepoint.h"
#include "paperrow.h"
#include "sqljson.h"

#include <QHash>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {
enum Slot { Lookup, Insert, UpdateAll, UpdateRefs, IdOf, Complete, LookupMany };

QString pick(const QString &fresh, const QString &stored)
{
    return fresh.isEmpty() ? stored : fresh;
}
} // namespace

PaperRepository::PaperRepository(Database &db)
    : m_db(db)
    , m_sql(db, "PaperRepository")
    , m_authors(db)
    , m_bulk(db)
{
}

QString PaperRepository::errorString() const
{
    return m_sql.errorString();
}

bool PaperRepository::replaceAuthors(qint64 paperId, const QList<Author> &authors)
{
    if (m_authors.replace(paperId, authors))
        return true;
    m_sql.setError(m_authors.errorString());
    return false;
}

PaperRepository::~PaperRepository() = default;

std::optional<PaperRepository::Stored> PaperRepository::lookup(const QString &arxivId, bool *ok)
{
    QSqlQuery &q = m_sql.get(Lookup, u"SELECT id, version, metadata_complete, doi, journal_ref, license "
                                    u"FROM papers WHERE arxiv_id = ?"_s);
    q.bindValue(0, arxivId);
    if (!q.exec()) {
        *ok = m_sql.fail(q);
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
        m_sql.setError(savepoint.errorString());
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
    if (!m_bulk.insert(fresh, nowUtc, &freshIds)) {
        m_sql.setError(m_bulk.errorString());
        return false;
    }
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
        m_sql.setError(savepoint.errorString());
        return false;
    }
    return true;
}

bool PaperRepository::lookupMany(const QList<Paper> &papers, QHash<QString, Stored> *stored)
{
    if (papers.isEmpty())
        return true;
    QStringList arxivIds;
    arxivIds.reserve(papers.size());
    for (const Paper &p : papers)
        arxivIds << p.arxivId;
    QSqlQuery &q = m_sql.get(LookupMany, u"SELECT arxiv_id, id, version, metadata_complete, doi, journal_ref, license "
                                        u"FROM papers WHERE arxiv_id IN (SELECT value FROM json_each(?))"_s);
    q.bindValue(0, SqlJson::stringArray(arxivIds));
    if (!m_sql.exec(q))
        return false;
    while (q.next()) {
        stored->insert(q.value(0).toString(), Stored{q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toBool(),
                                                     q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
    }
    q.finish();
    return true;
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
        QSqlQuery &q = m_sql.get(Insert, PaperRow::insertHead() + PaperRow::insertPlaceholders());
        PaperRow::bindInsert(q, 0, paper, nowUtc);
        if (!q.exec())
            { m_sql.fail(q); return 0; }
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
            QSqlQuery &q = m_sql.get(UpdateRefs, u"UPDATE papers SET doi = ?, journal_ref = ?, license = ? WHERE id = ?"_s);
            q.bindValue(0, PaperRow::text(doi));
            q.bindValue(1, PaperRow::text(journalRef));
            q.bindValue(2, PaperRow::text(license));
            q.bindValue(3, stored.id);
            if (!q.exec())
                { m_sql.fail(q); return 0; }
            if (change)
                *change = Change::Updated;
        }
    }
    return stored.id;
}

bool PaperRepository::writeAll(qint64 id, const Paper &paper, bool complete)
{
    // Fields a source does not carry (RSS: comment, dates; API: license) keep their stored value.
    QSqlQuery &q = m_sql.get(UpdateAll,
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
    q.bindValue(i++, PaperRow::text(paper.title));
    q.bindValue(i++, PaperRow::text(paper.abstract));
    for (const QString *v : {&paper.comment, &paper.journalRef, &paper.doi, &paper.license}) {
        q.bindValue(i++, PaperRow::text(*v));
        q.bindValue(i++, PaperRow::text(*v));
    }
    q.bindValue(i++, PaperRow::text(paper.categories.join(u' ')));
    q.bindValue(i++, PaperRow::text(paper.primaryCategory.isEmpty() ? paper.categories.value(0) : paper.primaryCategory));
    q.bindValue(i++, PaperRow::text(paper.authorsText()));
    q.bindValue(i++, PaperRow::isoOrNull(paper.published));
    q.bindValue(i++, PaperRow::isoOrNull(paper.updated));
    q.bindValue(i++, paper.absUrl().toString());
    q.bindValue(i++, paper.pdfUrl().toString());
    q.bindValue(i++, paper.htmlUrl().toString());
    q.bindValue(i++, complete ? 1 : 0);
    q.bindValue(i++, id);
    return q.exec() || m_sql.fail(q);
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
    QSqlQuery &q = m_sql.get(IdOf, u"SELECT id FROM papers WHERE arxiv_id = ?"_s);
    q.bindValue(0, arxivId);
    if (!q.exec())
        { m_sql.fail(q); return 0; }
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

QStringList PaperRepository::incompleteAmong(const QStringList &arxivIds)
{
    QStringList out;
    QSqlQuery &q = m_sql.get(Complete, u"SELECT metadata_complete FROM papers WHERE arxiv_id = ?"_s);
    for (const QString &id : arxivIds) {
        q.bindValue(0, id);
        if (!q.exec()) {
            m_sql.fail(q);
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
        m_sql.fail(q);
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
        m_sql.fail(a);
        return std::nullopt;
    }
    while (a.next())
        p.authors.append(Author{a.value(0).toString(), a.value(1).toString(), a.value(2).isNull() ? -1 : a.value(2).toInt()});
    return p;
}
