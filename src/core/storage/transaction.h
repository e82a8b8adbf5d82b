// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>

// RAII transaction: rolls back unless commit() succeeded.
class Transaction final
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    bool isActive() const { return m_active; }
    bool commit();
    QString errorString() const;

private:
    QSqlDatabase m_db;
    bool m_active = false;
};
