// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "migrator.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace {
QAtomicInteger<int> s_instanceCounter;

bool execPragma(QSqlDatabase &db, const QString &pragma, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(pragma))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}
} // namespace

Database::Database(QString filePath)
    : m_filePath(std::move(filePath))
    , m_connectionPrefix(u"papersieve-"_s + QString::number(s_instanceCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/papersieve.sqlite"_s;
}

int Database::currentSchemaVersion()
{
    return Migrator(Migrator::builtinSteps()).latestVersion();
}

bool Database::open()
{
    m_open = false;
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = QCoreApplication::translate("Database", "Cannot create the folder %1 for the database.")
                      .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        if (m_error.isEmpty())
            m_error = QCoreApplication::translate("Database", "Cannot open the database %1.").arg(m_filePath);
        return false;
    }
    QString error;
    if (!Migrator(Migrator::builtinSteps()).migrate(db, m_filePath, &error)) {
        m_error = error;
        return false;
    }
    m_open = true;
    return true;
}

QSqlDatabase Database::connection()
{
    const Qt::HANDLE thread = QThread::currentThreadId();
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_connections.constFind(thread); it != m_connections.cend())
        return QSqlDatabase::database(*it, false);
    const QString name = m_connectionPrefix + u'-' + QString::number(quintptr(thread), 16);
    QString error;
    QSqlDatabase db = openConnection(name, &error);
    m_connections.insert(thread, name);
    if (!error.isEmpty())
        m_error = error;
    return db;
}

QSqlDatabase Database::openConnection(const QString &name, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_filePath);
    // Wait for a writer instead of failing at once with "database is locked".
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        *error = QCoreApplication::translate("Database", "Cannot open the database %1: %2")
                     .arg(QDir::toNativeSeparators(m_filePath), db.lastError().text());
        return db;
    }
    // WAL: readers never block the writer. NORMAL is durable under WAL except on power loss mid-commit.
    const QStringList pragmas = {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                                 u"PRAGMA foreign_keys = ON"_s, u"PRAGMA busy_timeout = 5000"_s};
    for (const QString &p : pragmas) {
        if (!execPragma(db, p, error)) {
            *error = QCoreApplication::translate("Database", "Cannot configure the database %1: %2")
                         .arg(QDir::toNativeSeparators(m_filePath), *error);
            db.close();
            return db;
        }
    }
    return db;
}

void Database::releaseThreadConnection()
{
    QMutexLocker lock(&m_mutex);
    const QString name = m_connections.take(QThread::currentThreadId());
    if (name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int Database::schemaVersion()
{
    return Migrator::userVersion(connection());
}
