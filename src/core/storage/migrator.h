// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

// One forward step of the schema: brings a database from version-1 to version.
struct MigrationStep
{
    int version = 0;
    QString resource; // a SQL script in the resources (split with splitSqlScript) ...
    std::function<bool(QSqlDatabase &, QString *error)> apply; // ... or code, when data must be moved
};

// Applies the steps a database lacks, each in its own transaction, after copying the file to
// "<file>.v<N>.bak". The version lives in PRAGMA user_version. A database from a newer schema is
// refused, never touched.
class Migrator final
{
public:
    explicit Migrator(QList<MigrationStep> steps);

    static QList<MigrationStep> builtinSteps();
    int latestVersion() const;

    // dbFilePath: where the database lives, for the backup; empty for none.
    bool migrate(QSqlDatabase &db, const QString &dbFilePath, QString *error) const;

    static int userVersion(const QSqlDatabase &db);

private:
    bool applyStep(QSqlDatabase &db, const MigrationStep &step, QString *error) const;

    QList<MigrationStep> m_steps;
};
