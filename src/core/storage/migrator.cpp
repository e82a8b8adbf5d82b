// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrator.h"

#include "sqlscript.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Migrator::Migrator(QList<MigrationStep> steps)
    : m_steps(std::move(steps))
{
    std::sort(m_steps.begin(), m_steps.end(),
              [](const MigrationStep &a, const MigrationStep &b) { return a.version < b.version; });
}

QList<MigrationStep> Migrator::builtinSteps()
{
    return {
        {1, u":/sql/001_initial.sql"_s, {}},
        {2, u":/sql/002_fts_bulk_index.sql"_s, {}},
        {3, u":/sql/003_request_service_tier.sql"_s, {}},
    };
}

int Migrator::latestVersion() const
{
    return m_steps.isEmpty() ? 0 : m_steps.last().version;
}

int Migrator::userVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Migrator::migrate(QSqlDatabase &db, const QString &dbFilePath, QString *error) const
{
    const int current = userVersion(db);
    if (current < 0) {
        if (error)
            *error = QCoreApplication::translate("Migrator", "Cannot read the schema version of %1: %2")
                         .arg(dbFilePath, db.lastError().text());
        return false;
    }
    const int latest = latestVersion();
    if (current > latest) {
        if (error)
            *error = QCoreApplication::translate(
                         "Migrator",
                         "The database %1 was written by a newer PaperSieve (schema version %2; this version "
                         "understands up to %3). It was left untouched: update PaperSieve, or choose another "
                         "database with --db.")
                         .arg(dbFilePath)
                         .arg(current)
                         .arg(latest);
        return false;
    }
    if (current == latest)
        return true;

    if (current > 0 && !dbFilePath.isEmpty()) {
        // Flush the WAL into the main file so the copy is complete, then keep it beside the original.
        QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        const QString backup = dbFilePath + u".v"_s + QString::number(current) + u".bak"_s;
        QFile::remove(backup);
        if (!QFile::copy(dbFilePath, backup)) {
            if (error)
                *error = QCoreApplication::translate("Migrator",
                                                     "Cannot back up %1 to %2 before upgrading it; nothing was changed.")
                             .arg(dbFilePath, backup);
            return false;
        }
    }

    for (const MigrationStep &step : m_steps) {
        if (step.version <= current)
            continue;
        if (!applyStep(db, step, error))
            return false;
    }
    return true;
}

bool Migrator::applyStep(QSqlDatabase &db, const MigrationStep &step, QString *error) const
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = QCoreApplication::translate("Migrator", "Upgrading the database to schema version %1 failed: %2")
                         .arg(step.version)
                         .arg(what);
        return false;
    };

    Transaction tx(db);
    if (!tx.isActive())
        return fail(db.lastError().text());

    if (!step.resource.isEmpty()) {
        QFile file(step.resource);
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"missing script "_s + step.resource);
        const QStringList statements = splitSqlScript(QString::fromUtf8(file.readAll()));
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                return fail(q.lastError().text() + u" in: "_s + sql.left(120));
        }
    }
    if (step.apply) {
        QString stepError;
        if (!step.apply(db, &stepError))
            return fail(stepError);
    }
    // PRAGMA takes no bound parameters; the version is an int we own.
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version = "_s + QString::number(step.version)))
        return fail(q.lastError().text());
    if (!tx.commit())
        return fail(tx.errorString());
    return true;
}
