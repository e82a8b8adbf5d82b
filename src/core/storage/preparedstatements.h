// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

class Database;

// The prepared statements of one repository, each prepared once on first use (a day's ingest runs the
// same few statements thousands of times), and the last error. Per thread: Database hands out one
// connection per thread, so a repository and its statements stay on the thread that made them.
class PreparedStatements final
{
public:
    PreparedStatements(Database &db, const char *owner);
    Q_DISABLE_COPY_MOVE(PreparedStatements)

    // The statement in `slot`, prepared from `sql` the first time (a slot always holds the same SQL).
    QSqlQuery &get(int slot, const QString &sql);
    // exec(); on failure the error is kept and the statement finished (an open SELECT would hold the
    // transaction).
    bool exec(QSqlQuery &query);
    // Keeps the query's error; returns false so callers can `return fail(q);`.
    bool fail(const QSqlQuery &query);
    void setError(const QString &error) { m_error = error; }
    QString errorString() const { return m_error; }
    QSqlDatabase connection() const;

private:
    Database &m_db;
    const char *m_owner;
    QHash<int, std::shared_ptr<QSqlQuery>> m_queries;
    QString m_error;
};
