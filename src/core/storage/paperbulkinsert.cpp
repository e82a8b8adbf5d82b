// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperbulkinsert.h"

#include "paperrow.h"

using namespace Qt::Literals::StringLiterals;

namespace {
enum Slot { IdOf, IndexPapers, BulkIndexOn, BulkIndexOff };
constexpr int kRowsPerInsert = 50; // 900 bound values per statement, well under SQLite's 32,766
} // namespace

PaperBulkInsert::PaperBulkInsert(Database &db)
    : m_sql(db, "PaperBulkInsert")
    , m_authors(db)
{
}

QString PaperBulkInsert::errorString() const
{
    return m_authorsFailed ? m_authors.errorString() : m_sql.errorString();
}

bool PaperBulkInsert::insert(const QList<const Paper *> &papers, const QDateTime &nowUtc, QList<qint64> *ids)
{
    ids->clear();
    m_authorsFailed = false;
    if (papers.isEmpty())
        return true;
    // The insert trigger stands aside while papers_fts_bulk has its row; indexForSearch() then indexes
    // exactly the rows inserted here. The caller's savepoint rolls the row back with the papers on failure.
    QSqlQuery &on = m_sql.get(BulkIndexOn, u"INSERT INTO papers_fts_bulk (id) VALUES (1)"_s);
    if (!m_sql.exec(on))
        return false;
    for (qsizetype from = 0; from < papers.size(); from += kRowsPerInsert) {
        QList<qint64> chunkIds;
        if (!insertRows(papers.mid(from, kRowsPerInsert), nowUtc, &chunkIds))
            return false;
        *ids += chunkIds;
    }
    if (!m_authors.link(*ids, papers)) {
        m_authorsFailed = true;
        return false;
    }
    if (!indexForSearch(*ids))
        return false;
    QSqlQuery &off = m_sql.get(BulkIndexOff, u"DELETE FROM papers_fts_bulk"_s);
    return m_sql.exec(off);
}

bool PaperBulkInsert::indexForSearch(const QList<qint64> &paperIds)
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
    QSqlQuery &q = m_sql.get(IndexPapers, u"INSERT INTO papers_fts (rowid, title, abstract, authors_text, comment) "
                                          u"SELECT id, title, abstract, authors_text, comment FROM papers "
                                          u"WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"_s);
    q.bindValue(0, json);
    return m_sql.exec(q);
}

bool PaperBulkInsert::insertRows(const QList<const Paper *> &papers, const QDateTime &nowUtc, QList<qint64> *ids)
{
    const int n = int(papers.size());
    if (!m_insertRows || m_insertRowsCount != n) {
        QString sql = PaperRow::insertHead();
        const QString row = PaperRow::insertPlaceholders();
        for (int i = 0; i < n; ++i)
            sql += (i ? u", "_s : QString()) + row;
        m_insertRows = std::make_unique<QSqlQuery>(m_sql.connection());
        m_insertRowsCount = n;
        if (!m_insertRows->prepare(sql))
            return m_sql.fail(*m_insertRows);
    }
    QSqlQuery &q = *m_insertRows;
    for (int i = 0; i < n; ++i)
        PaperRow::bindInsert(q, i * PaperRow::kInsertColumns, *papers.at(i), nowUtc);
    if (!q.exec())
        return m_sql.fail(q);
    // One statement gives its rows consecutive rowids (max(rowid) + 1 onwards); checked at both ends.
    const qint64 last = q.lastInsertId().toLongLong();
    const qint64 first = last - n + 1;
    ids->clear();
    if (idOf(papers.first()->arxivId) != first || idOf(papers.last()->arxivId) != last) {
        for (const Paper *p : papers) {
            const qint64 id = idOf(p->arxivId);
            if (id == 0)
                return false;
            ids->append(id);
        }
        return true;
    }
    for (qint64 id = first; id <= last; ++id)
        ids->append(id);
    return true;
}

qint64 PaperBulkInsert::idOf(const QString &arxivId)
{
    QSqlQuery &q = m_sql.get(IdOf, u"SELECT id FROM papers WHERE arxiv_id = ?"_s);
    q.bindValue(0, arxivId);
    if (!q.exec()) {
        m_sql.fail(q);
        return 0;
    }
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}
