// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorrepository.h"

#include "database.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace {
// SQLite allows 999 bound variables in older builds; stay well below.
constexpr int kChunk = 400;

QString placeholders(qsizetype n)
{
    QString s;
    s.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        s += i == 0 ? u"?"_s : u",?"_s;
    return s;
}

// Runs `head + "?,?,…" + tail` once per chunk of ids and hands every row to `onRow`. A chunk whose query
// fails adds no rows: callers treat a missing row as "not known yet".
template<class OnRow>
void forEachRowWithIdIn(const QSqlDatabase &db, const QString &head, const QString &tail, const QStringList &ids,
                        OnRow onRow)
{
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const QStringList chunk = ids.mid(start, kChunk);
        QSqlQuery q(db);
        q.prepare(head + placeholders(chunk.size()) + tail);
        for (const QString &id : chunk)
            q.addBindValue(id);
        if (!q.exec())
            continue;
        while (q.next())
            onRow(q);
    }
}

QDateTime parseInstant(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t;
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Id of the authors row carrying this Semantic Scholar id, made if needed; 0 on error.
qint64 authorRowForS2Id(QSqlDatabase db, const QString &s2Id, const QString &name, QString *error)
{
    QSqlQuery find(db);
    find.prepare(u"SELECT id FROM authors WHERE s2_id = ?"_s);
    find.addBindValue(s2Id);
    if (!find.exec()) {
        setError(error, find.lastError().text());
        return 0;
    }
    if (find.next())
        return find.value(0).toLongLong();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO authors (name, s2_id) VALUES (?, ?)"_s);
    insert.addBindValue(name);
    insert.addBindValue(s2Id);
    if (!insert.exec()) {
        setError(error, insert.lastError().text());
        return 0;
    }
    return insert.lastInsertId().toLongLong();
}
} // namespace

AuthorRepository::AuthorRepository(Database &db)
    : m_db(db)
{
}

QHash<QString, QList<StoredAuthor>> AuthorRepository::authorsOfPapers(const QStringList &arxivIds)
{
    QHash<QString, QList<StoredAuthor>> result;
    forEachRowWithIdIn(m_db.connection(),
                       uR"(SELECT p.arxiv_id, pa.position, a.id, a.name, a.s2_id, a.h_index, a.h_index_fetched
                           FROM papers p JOIN paper_authors pa ON pa.paper_id = p.id JOIN authors a ON a.id = pa.author_id
                           WHERE p.arxiv_id IN ()"_s,
                       u") ORDER BY p.arxiv_id, pa.position"_s, arxivIds, [&result](const QSqlQuery &q) {
                           StoredAuthor a;
                           a.position = q.value(1).toInt();
                           a.authorId = q.value(2).toLongLong();
                           a.name = q.value(3).toString();
                           a.s2Id = q.value(4).toString();
                           if (!q.value(5).isNull())
                               a.hIndex = q.value(5).toInt();
                           a.hIndexFetched = parseInstant(q.value(6));
                           result[q.value(0).toString()].append(a);
                       });
    return result;
}

bool AuthorRepository::linkS2Author(const QString &arxivId, int position, const QString &s2Id, const QString &name,
                                    QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QSqlQuery cur(db);
    cur.prepare(uR"(SELECT pa.paper_id, a.id, a.s2_id, a.name FROM papers p
                    JOIN paper_authors pa ON pa.paper_id = p.id JOIN authors a ON a.id = pa.author_id
                    WHERE p.arxiv_id = ? AND pa.position = ?)"_s);
    cur.addBindValue(arxivId);
    cur.addBindValue(position);
    if (!cur.exec() || !cur.next()) {
        setError(error, QCoreApplication::translate("AuthorRepository", "Paper %1 has no author %2.")
                            .arg(arxivId)
                            .arg(position + 1));
        return false;
    }
    const qint64 paperId = cur.value(0).toLongLong();
    const qint64 currentAuthor = cur.value(1).toLongLong();
    if (cur.value(2).toString() == s2Id)
        return true; // already linked
    // Keep the arXiv spelling of the name: it is what the digest shows.
    const QString arxivName = cur.value(3).toString().isEmpty() ? name : cur.value(3).toString();
    const qint64 target = authorRowForS2Id(db, s2Id, arxivName, error);
    if (target == 0)
        return false;
    if (target != currentAuthor) {
        QSqlQuery upd(db);
        upd.prepare(u"UPDATE paper_authors SET author_id = ? WHERE paper_id = ? AND position = ?"_s);
        upd.addBindValue(target);
        upd.addBindValue(paperId);
        upd.addBindValue(position);
        if (!upd.exec()) {
            setError(error, upd.lastError().text());
            return false;
        }
    }
    if (!tx.commit()) {
        setError(error, tx.errorString());
        return false;
    }
    return true;
}

bool AuthorRepository::storeHIndex(const QString &s2Id, const QString &name, int hIndex, const QDateTime &fetchedUtc,
                                   QString *error)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    if (authorRowForS2Id(db, s2Id, name, error) == 0)
        return false;
    QSqlQuery q(db);
    q.prepare(u"UPDATE authors SET h_index = ?, h_index_fetched = ? WHERE s2_id = ?"_s);
    q.addBindValue(hIndex);
    q.addBindValue(fetchedUtc.toUTC().toString(Qt::ISODate));
    q.addBindValue(s2Id);
    if (!q.exec()) {
        setError(error, q.lastError().text());
        return false;
    }
    if (!tx.commit()) {
        setError(error, tx.errorString());
        return false;
    }
    return true;
}

QStringList AuthorRepository::staleS2Ids(const QStringList &s2Ids, int maxAgeDays, const QDateTime &nowUtc)
{
    QHash<QString, QDateTime> fetched;
    forEachRowWithIdIn(m_db.connection(),
                       u"SELECT s2_id, h_index_fetched FROM authors WHERE h_index IS NOT NULL AND s2_id IN ("_s,
                       u")"_s, s2Ids, [&fetched](const QSqlQuery &q) {
                           fetched.insert(q.value(0).toString(), parseInstant(q.value(1)));
                       });
    QStringList stale;
    const QDateTime limit = nowUtc.addDays(-maxAgeDays);
    for (const QString &id : s2Ids) {
        const auto it = fetched.constFind(id);
        if (it == fetched.cend() || !it->isValid() || *it < limit)
            stale << id;
    }
    stale.removeDuplicates();
    return stale;
}

QHash<QString, int> AuthorRepository::hIndexes(const QStringList &s2Ids)
{
    QHash<QString, int> result;
    forEachRowWithIdIn(m_db.connection(),
                       u"SELECT s2_id, h_index FROM authors WHERE h_index IS NOT NULL AND s2_id IN ("_s, u")"_s,
                       s2Ids, [&result](const QSqlQuery &q) {
                           result.insert(q.value(0).toString(), q.value(1).toInt());
                       });
    return result;
}
