// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/migrator.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsSchemaWithPragmas();
    void reopensWithoutChange();
    void refusesNewerSchema();
    void refusesFileThatIsNotADatabase();
    void enforcesForeignKeys();
    void fullTextSearchFollowsPapers();
    void readerSeesCommittedRowsWhileWriterWrites();

private:
    static void writeBatches(Database &db, std::atomic<bool> &ok, std::atomic<int> &written);
    static void insertPaper(QSqlDatabase db, const QString &id, const QString &title);
};

void TestDatabase::insertPaper(QSqlDatabase db, const QString &id, const QString &title)
{
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO papers (arxiv_id, title, abstract, first_seen) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(id);
    q.addBindValue(title);
    q.addBindValue(QString(u"An abstract about "_s + title));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
}

void TestDatabase::writeBatches(Database &db, std::atomic<bool> &writerOk, std::atomic<int> &written)
{
    QSqlDatabase w = db.connection();
    for (int batch = 0; batch < 20; ++batch) {
        if (!w.transaction()) {
            writerOk = false;
            return;
        }
        for (int i = 0; i < 50; ++i) {
            QSqlQuery q(w);
            q.prepare(u"INSERT INTO papers (arxiv_id, title, first_seen) VALUES (?, 'w', 'now')"_s);
            q.addBindValue(u"2511.%1"_s.arg(batch * 50 + i, 5, 10, QChar(u'0')));
            if (!q.exec())
                writerOk = false;
        }
        QThread::msleep(2);
        if (!w.commit())
            writerOk = false;
        written += 50;
    }
}

void TestDatabase::createsSchemaWithPragmas()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"sub/folder/papers.sqlite"_s));
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), Database::currentSchemaVersion());
    QVERIFY(QFile::exists(dir.filePath(u"sub/folder/papers.sqlite"_s)));

    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"wal"_s);
    QVERIFY(q.exec(u"PRAGMA foreign_keys"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);

    const QStringList tables = db.connection().tables();
    for (const QString &t : {u"papers"_s, u"authors"_s, u"paper_authors"_s, u"announcements"_s, u"criteria_versions"_s,
                             u"runs"_s, u"llm_requests"_s, u"scores"_s, u"user_marks"_s, u"feed_days"_s})
        QVERIFY2(tables.contains(t), qPrintable(t));
}

void TestDatabase::reopensWithoutChange()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"p.sqlite"_s);
    {
        Database db(path);
        QVERIFY(db.open());
        insertPaper(db.connection(), u"2510.00001"_s, u"Kept across reopen"_s);
    }
    Database db(path);
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"SELECT title FROM papers"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"Kept across reopen"_s);
    // No backup is made when nothing was migrated.
    QVERIFY(!QFile::exists(path + u".v1.bak"_s));
}

void TestDatabase::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"p.sqlite"_s);
    {
        Database db(path);
        QVERIFY(db.open());
        insertPaper(db.connection(), u"2510.00002"_s, u"From the future"_s);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"PRAGMA user_version = 99"_s));
    }
    Database db(path);
    QVERIFY(!db.open());
    QVERIFY2(db.errorString().contains(u"newer PaperSieve"_s), qPrintable(db.errorString()));
    QVERIFY(db.errorString().contains(u"99"_s));
    // Untouched: the version and the data are still there.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 99);
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM papers"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestDatabase::refusesFileThatIsNotADatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.txt"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray content = QByteArray("These are my notes, not a database.\n").repeated(200);
    f.write(content);
    f.close();
    Database db(path);
    QVERIFY(!db.open());
    QVERIFY(!db.errorString().isEmpty());
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), content);
}

void TestDatabase::enforcesForeignKeys()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"p.sqlite"_s));
    QVERIFY(db.open());
    QSqlQuery q(db.connection());
    q.prepare(u"INSERT INTO announcements (paper_id, day, category, type) VALUES (4242, '2025-10-07', 'cs.LG', 'new')"_s);
    QVERIFY(!q.exec());
    q.prepare(u"INSERT INTO papers (arxiv_id, title, first_seen) VALUES ('2510.1', 't', 'now')"_s);
    QVERIFY(q.exec());
    q.prepare(u"INSERT INTO announcements (paper_id, day, category, type) VALUES (1, '2025-10-07', 'cs.LG', 'sideways')"_s);
    QVERIFY2(!q.exec(), "the type CHECK constraint must reject unknown announce types");
}

void TestDatabase::fullTextSearchFollowsPapers()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"p.sqlite"_s));
    QVERIFY(db.open());
    insertPaper(db.connection(), u"2510.00003"_s, u"Sharpened angular attention"_s);
    insertPaper(db.connection(), u"2510.00004"_s, u"Graphon mixup"_s);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"SELECT p.arxiv_id FROM papers_fts f JOIN papers p ON p.id = f.rowid WHERE papers_fts MATCH 'angular'"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"2510.00003"_s);
    QVERIFY(!q.next());
    QVERIFY(q.exec(u"UPDATE papers SET title = 'Spectral mixup' WHERE arxiv_id = '2510.00003'"_s));
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH 'title:angular'"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH 'mixup'"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
}

void TestDatabase::readerSeesCommittedRowsWhileWriterWrites()
{
    // WAL: a reader on another connection reads the last committed state while a write transaction is open.
    QTemporaryDir dir;
    Database db(dir.filePath(u"p.sqlite"_s));
    QVERIFY(db.open());
    insertPaper(db.connection(), u"2510.10000"_s, u"Committed before"_s);

    std::atomic<int> written{0};
    std::atomic<bool> writerOk{true};
    QThread *writer = QThread::create([&] {
        writeBatches(db, writerOk, written);
        db.releaseThreadConnection();
    });
    writer->start();
    int lastSeen = 0;
    int reads = 0;
    while (!writer->isFinished() || reads < 5) {
        QSqlQuery q(db.connection());
        QVERIFY2(q.exec(u"SELECT COUNT(*) FROM papers"_s), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        const int seen = q.value(0).toInt();
        QVERIFY(seen >= lastSeen);       // never goes back
        QCOMPARE((seen - 1) % 50, 0);    // only whole committed batches are visible
        lastSeen = seen;
        ++reads;
        if (writer->isFinished() && reads >= 5)
            break;
    }
    writer->wait();
    delete writer;
    QVERIFY(writerOk);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM papers"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1 + 1000);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
