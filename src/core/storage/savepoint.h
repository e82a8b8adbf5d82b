// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

// RAII SQLite savepoint: the writes made while it lives are undone unless release() succeeded. Inside a
// transaction it nests; outside one it is a transaction of its own, so a function that must be all or
// nothing stays so whether or not its caller opened a Transaction.
class Savepoint final
{
public:
    // name: an SQL identifier we own (never user text).
    Savepoint(QSqlDatabase db, const QString &name);
    ~Savepoint();
    Q_DISABLE_COPY_MOVE(Savepoint)

    bool isActive() const { return m_active; }
    bool release();
    QString errorString() const { return m_error; }

private:
    bool exec(const QString &sql);

    QSqlDatabase m_db;
    QString m_name;
    QString m_error;
    bool m_active = false;
};
