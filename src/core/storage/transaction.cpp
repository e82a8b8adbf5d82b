// SPDX-License-Identifier: GPL-3.0-or-later
#include "transaction.h"

#include <QSqlError>

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    m_active = m_db.transaction();
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    if (m_db.commit())
        return true;
    m_db.rollback();
    return false;
}

QString Transaction::errorString() const
{
    return m_db.lastError().text();
}
