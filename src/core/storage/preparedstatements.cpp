// SPDX-License-Identifier: GPL-3.0-or-later
#include "preparedstatements.h"

#include "database.h"

#include <QSqlError>

PreparedStatements::PreparedStatements(Database &db, const char *owner)
    : m_db(db)
    , m_owner(owner)
{
}

QSqlDatabase PreparedStatements::connection() const
{
    return m_db.connection();
}

QSqlQuery &PreparedStatements::get(int slot, const QString &sql)
{
    std::shared_ptr<QSqlQuery> &q = m_queries[slot];
    if (!q) {
        q = std::make_shared<QSqlQuery>(m_db.connection());
        if (!q->prepare(sql))
            qWarning("%s: cannot prepare %s: %s", m_owner, qPrintable(sql), qPrintable(q->lastError().text()));
    }
    return *q;
}

bool PreparedStatements::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    fail(query);
    query.finish();
    return false;
}

bool PreparedStatements::fail(const QSqlQuery &query)
{
    m_error = query.lastError().text();
    return false;
}
