// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperauthorrows.h"

#include "sqljson.h"

#include <QPair>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {
enum Slot {
    AuthorsOfPaper,
    DeleteAuthors,
    FindAuthor,
    InsertAuthor,
    InsertPaperAuthor,
    FindAuthors,
    InsertAuthors,
    LinkAuthors,
};
} // namespace

PaperAuthorRows::PaperAuthorRows(Database &db)
    : m_sql(db, "PaperAuthorRows")
{
}

bool PaperAuthorRows::link(const QList<qint64> &paperIds, const QList<const Paper *> &papers)
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
    if (!idsFor(names, &authorIds))
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
                m_sql.setError(u"no author row for a name just stored"_s);
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
    QSqlQuery &q = m_sql.get(LinkAuthors, u"INSERT INTO paper_authors (paper_id, position, author_id) "
                                          u"SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
                                          u"json_extract(value, '$[2]') FROM json_each(?)"_s);
    q.bindValue(0, json);
    return m_sql.exec(q);
}

bool PaperAuthorRows::findIds(const QStringList &names, QHash<QString, qint64> *ids)
{
    // As idFor(): the shared row of the name, never one linked to a specific person (s2_id).
    QSqlQuery &q = m_sql.get(FindAuthors, u"SELECT j.value, (SELECT a.id FROM authors a WHERE a.name = j.value "
                                          u"AND +a.s2_id IS NULL ORDER BY a.id LIMIT 1) FROM json_each(?) j"_s);
    q.bindValue(0, SqlJson::stringArray(names));
    if (!m_sql.exec(q))
        return false;
    while (q.next()) {
        if (!q.value(1).isNull())
            ids->insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    q.finish();
    return true;
}

bool PaperAuthorRows::idsFor(const QStringList &names, QHash<QString, qint64> *ids)
{
    if (names.isEmpty())
        return true;
    if (!findIds(names, ids))
        return false;
    QStringList missing;
    for (const QString &name : names) {
        if (!ids->contains(name))
            missing << name;
    }
    if (missing.isEmpty())
        return true;
    QSqlQuery &insert = m_sql.get(InsertAuthors, u"INSERT INTO authors (name) SELECT value FROM json_each(?)"_s);
    insert.bindValue(0, SqlJson::stringArray(missing));
    if (!m_sql.exec(insert))
        return false;
    return findIds(missing, ids);
}

qint64 PaperAuthorRows::idFor(const QString &name)
{
    // The shared row of this name: rows with an s2_id belong to one specific person (linked by
    // the Semantic Scholar stage) and are not handed to namesakes.
    // "+s2_id": without it SQLite searches the UNIQUE index on s2_id for NULL, i.e. walks every
    // unlinked author per lookup (quadratic in the size of the table); by name it is one probe.
    QSqlQuery &find = m_sql.get(FindAuthor, u"SELECT id FROM authors WHERE name = ? AND +s2_id IS NULL ORDER BY id LIMIT 1"_s);
    find.bindValue(0, name);
    if (!find.exec()) {
        m_sql.fail(find);
        return 0;
    }
    if (find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        return id;
    }
    find.finish();
    QSqlQuery &insert = m_sql.get(InsertAuthor, u"INSERT INTO authors (name) VALUES (?)"_s);
    // A default-constructed QString binds as SQL NULL; the column is NOT NULL.
    insert.bindValue(0, name.isNull() ? u""_s : name);
    if (!insert.exec()) {
        m_sql.fail(insert);
        return 0;
    }
    return insert.lastInsertId().toLongLong();
}

bool PaperAuthorRows::replace(qint64 paperId, const QList<Author> &authors)
{
    // Keep the author row at positions whose name did not change: it may carry an S2 link.
    QHash<int, QPair<qint64, QString>> before;
    QSqlQuery &old = m_sql.get(AuthorsOfPaper, u"SELECT pa.position, pa.author_id, a.name FROM paper_authors pa "
                                               u"JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = ?"_s);
    old.bindValue(0, paperId);
    if (!old.exec())
        return m_sql.fail(old);
    while (old.next())
        before.insert(old.value(0).toInt(), {old.value(1).toLongLong(), old.value(2).toString()});
    old.finish();

    if (!before.isEmpty()) {
        QSqlQuery &del = m_sql.get(DeleteAuthors, u"DELETE FROM paper_authors WHERE paper_id = ?"_s);
        del.bindValue(0, paperId);
        if (!del.exec())
            return m_sql.fail(del);
    }
    QSqlQuery &link = m_sql.get(InsertPaperAuthor,
                                u"INSERT INTO paper_authors (paper_id, position, author_id) VALUES (?, ?, ?)"_s);
    for (int pos = 0; pos < authors.size(); ++pos) {
        const QString &name = authors.at(pos).name;
        const auto it = before.constFind(pos);
        const qint64 authorId = (it != before.cend() && it->second == name) ? it->first : idFor(name);
        if (authorId == 0)
            return false;
        link.bindValue(0, paperId);
        link.bindValue(1, pos);
        link.bindValue(2, authorId);
        if (!link.exec())
            return m_sql.fail(link);
    }
    return true;
}
