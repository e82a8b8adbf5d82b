// SPDX-License-Identifier: GPL-3.0-or-later
#include "savepoint.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

Savepoint::Savepoint(QSqlDatabase db, const QString &name)
    : m_db(std::move(db))
    , m_name(name)
{
    m_active = exec(u"SAVEPOINT "_s + m_name);
}

Savepoint::~Savepoint()
{
    if (!m_active)
        return;
    // ROLLBACK TO keeps the savepoint open; RELEASE then ends it (and the transaction it began, if any).
    exec(u"ROLLBACK TO "_s + m_name);
    exec(u"RELEASE "_s + m_name);
}

bool Savepoint::release()
{
    if (!m_active)
        return false;
    if (!exec(u"RELEASE "_s + m_name))
        return false; // still active: the destructor rolls back
    m_active = false;
    return true;
}

bool Savepoint::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    m_error = q.lastError().text();
    return false;
}
