// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/sqlscript.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestMigrator : public QObject
{
    Q_OBJECT

private slots:
    void splitsScriptsWithTriggers();
    void migratesExistingDataForwardWithBackup();
    void failedStepRollsBackAndKeepsVersion();
    void builtinScriptAppliesFromEmpty();
};

void TestMigrator::splitsScriptsWithTriggers()
{
    const QString script = uR"(-- comment
CREATE TABLE a (x INTEGER);
CREATE TRIGGER t AFTER INSERT ON a BEGIN
    INSERT INTO a VALUES (1);
    INSERT INTO a VALUES (2);
END;
CREATE INDEX i ON a(x);
)"_s;
    const QStringList s = splitSqlScript(script);
    QCOMPARE(s.size(), 3);
    QVERIFY(s.at(1).startsWith(u"CREATE TRIGGER"_s));
    QVERIFY(s.at(1).endsWith(u"END;"_s));
    QCOMPARE(s.at(2), u"CREATE INDEX i ON a(x);"_s);
}

static QSqlDatabase openRaw(const QString &path, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.open();
    return db;
}

void TestMigrator::migratesExistingDataForwardWithBackup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"m.sqlite"_s);
    {
        QSqlDatabase db = openRaw(path, u"m1"_s);
        QList<MigrationStep> v1 = {{1, {}, [](QSqlDatabase &d, QString *) {
                                        QSqlQuery q(d);
                                        return q.exec(u"CREATE TABLE notes (text TEXT)"_s)
                                            && q.exec(u"INSERT INTO notes VALUES ('hello')"_s);
                                    }}};
        QString error;
        QVERIFY2(Migrator(v1).migrate(db, path, &error), qPrintable(error));
        QCOMPARE(Migrator::userVersion(db), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"m1"_s);
    {
        QSqlDatabase db = openRaw(path, u"m2"_s);
        QList<MigrationStep> v2 = {
            {1, {}, [](QSqlDatabase &, QString *) { return false; }}, // already applied: must not run again
            {2, {}, [](QSqlDatabase &d, QString *) {
                 QSqlQuery q(d);
                 return q.exec(u"ALTER TABLE notes ADD COLUMN shouted TEXT"_s)
                     && q.exec(u"UPDATE notes SET shouted = upper(text)"_s);
             }}};
        QString error;
        QVERIFY2(Migrator(v2).migrate(db, path, &error), qPrintable(error));
        QCOMPARE(Migrator::userVersion(db), 2);
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT shouted FROM notes"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"HELLO"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"m2"_s);
    QVERIFY2(QFile::exists(path + u".v1.bak"_s), "the v1 file is backed up before the upgrade");
}

void TestMigrator::failedStepRollsBackAndKeepsVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"f.sqlite"_s);
    {
        QSqlDatabase db = openRaw(path, u"f1"_s);
        QList<MigrationStep> steps = {
            {1, {}, [](QSqlDatabase &d, QString *) { return QSqlQuery(d).exec(u"CREATE TABLE a (x)"_s); }},
            {2, {}, [](QSqlDatabase &d, QString *e) {
                 QSqlQuery(d).exec(u"CREATE TABLE half_done (x)"_s);
                 *e = u"disk full"_s;
                 return false;
             }}};
        QString error;
        QVERIFY(!Migrator(steps).migrate(db, path, &error));
        QVERIFY2(error.contains(u"disk full"_s), qPrintable(error));
        QVERIFY(error.contains(u"version 2"_s));
        QCOMPARE(Migrator::userVersion(db), 1);
        QVERIFY(db.tables().contains(u"a"_s));
        QVERIFY2(!db.tables().contains(u"half_done"_s), "the failed step's work is rolled back");
        db.close();
    }
    QSqlDatabase::removeDatabase(u"f1"_s);
}

void TestMigrator::builtinScriptAppliesFromEmpty()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"b.sqlite"_s));
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), Migrator(Migrator::builtinSteps()).latestVersion());
    QVERIFY(db.schemaVersion() >= 1);
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
