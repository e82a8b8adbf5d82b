// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "paperauthorrows.h"
#include "preparedstatements.h"

#include "domain/paper.h"

#include <QDateTime>
#include <QList>
#include <QSqlQuery>

#include <memory>

class Database;

// A day's new papers into the papers table in few statements (docs/BENCHMARKS.md, "Ingest"): many
// rows per INSERT, their authors linked with one statement each, and the lot indexed for full-text
// search with one INSERT ... SELECT while the schema's per-row insert trigger stands aside
// (002_fts_bulk_index.sql): every statement that writes papers_fts makes FTS5 flush its pending terms
// into a new segment. Must run inside a savepoint or transaction (PaperRepository::upsertMany's), so
// the trigger's switch is never committed.
class PaperBulkInsert final
{
public:
    explicit PaperBulkInsert(Database &db);
    Q_DISABLE_COPY_MOVE(PaperBulkInsert)

    // Papers known not to be stored; *ids gets their row ids, in order.
    bool insert(const QList<const Paper *> &papers, const QDateTime &nowUtc, QList<qint64> *ids);
    QString errorString() const;

private:
    bool insertRows(const QList<const Paper *> &papers, const QDateTime &nowUtc, QList<qint64> *ids);
    bool indexForSearch(const QList<qint64> &paperIds);
    qint64 idOf(const QString &arxivId);

    PreparedStatements m_sql;
    PaperAuthorRows m_authors;
    std::unique_ptr<QSqlQuery> m_insertRows; // for m_insertRowsCount rows
    int m_insertRowsCount = 0;
    bool m_authorsFailed = false;
};
