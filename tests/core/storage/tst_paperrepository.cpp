// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/feeddayrepository.h"
#include "storage/paperrepository.h"
#include "storage/transaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
Paper paper(const QString &id, int version, const QStringList &authors)
{
    Paper p;
    p.arxivId = id;
    p.version = version;
    p.title = u"Title of "_s + id;
    p.categories = {u"cs.LG"_s};
    for (const QString &a : authors)
        p.authors.append(Author{a, {}, -1});
    return p; // abstract, comment, DOI ... left empty (null QStrings)
}
} // namespace

class TestPaperRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void upsertManyMixesNewKnownAndRepeated();
    void manyRowsPerStatementKeepOrderAndIds();
    void authorsSharedByNameUntilLinked();
    void apiRecordOlderThanStoredIsNotWritten();
    void feedDayCounts();

private:
    int count(const QString &sql);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    const QDateTime m_now = QDateTime(QDate(2025, 10, 7), QTime(12, 0), QTimeZone::utc());
};

void TestPaperRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(u"p.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

void TestPaperRepository::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

int TestPaperRepository::count(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

void TestPaperRepository::upsertManyMixesNewKnownAndRepeated()
{
    PaperRepository repo(*m_db);
    QVERIFY(repo.upsert(paper(u"2510.00003"_s, 1, {u"C"_s}), m_now) > 0);

    QList<Paper> day{paper(u"2510.00001"_s, 1, {u"A"_s, u"B"_s}), paper(u"2510.00002"_s, 1, {u"B"_s}),
                     paper(u"2510.00001"_s, 2, {u"A"_s, u"B"_s, u"D"_s}), paper(u"2510.00003"_s, 2, {u"C"_s})};
    QList<qint64> ids;
    QList<PaperRepository::Change> changes;
    {
        Transaction tx(m_db->connection());
        QVERIFY2(repo.upsertMany(day, m_now, &ids, &changes), qPrintable(repo.errorString()));
        QVERIFY(tx.commit());
    }
    QCOMPARE(ids.size(), 4);
    QCOMPARE(ids.at(0), ids.at(2)); // one paper, one row
    QCOMPARE(ids.at(0), repo.idOf(u"2510.00001"_s));
    QCOMPARE(ids.at(1), repo.idOf(u"2510.00002"_s));
    QCOMPARE(ids.at(3), repo.idOf(u"2510.00003"_s));
    QCOMPARE(changes.at(0), PaperRepository::Change::Inserted);
    QCOMPARE(changes.at(1), PaperRepository::Change::Inserted);
    QCOMPARE(changes.at(2), PaperRepository::Change::NewVersion);
    QCOMPARE(changes.at(3), PaperRepository::Change::NewVersion);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 3);
    QCOMPARE(repo.find(u"2510.00001"_s)->version, 2);
    QCOMPARE(repo.find(u"2510.00001"_s)->authors.size(), 3);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE abstract = '' AND comment = '' AND doi = ''"_s), 3);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH '\"2510.00002\"'"_s), 1);
}

void TestPaperRepository::manyRowsPerStatementKeepOrderAndIds()
{
    PaperRepository repo(*m_db);
    QList<Paper> day;
    for (int i = 0; i < 333; ++i) // several statements and a short last one
        day << paper(u"2510.%1"_s.arg(10000 + i), 1 + i % 3, {u"Author %1"_s.arg(i % 40), u"Shared"_s});
    QList<qint64> ids;
    Transaction tx(m_db->connection());
    QVERIFY2(repo.upsertMany(day, m_now, &ids), qPrintable(repo.errorString()));
    QVERIFY(tx.commit());
    for (int i = 0; i < day.size(); ++i)
        QCOMPARE(ids.at(i), repo.idOf(day.at(i).arxivId));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 333);
    QCOMPARE(count(u"SELECT COUNT(*) FROM authors"_s), 41);
    QCOMPARE(count(u"SELECT COUNT(*) FROM paper_authors"_s), 666);
    QCOMPARE(count(u"SELECT version FROM papers WHERE arxiv_id = '2510.10005'"_s), 3);
    // Indexed for search: papers_fts_docsize has a row per indexed paper (papers_fts itself would count
    // the papers table it reads its content from). tst_searchindex checks the entries themselves.
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts_docsize"_s), 333);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH '\"2510.10332\"'"_s), 1);
}

void TestPaperRepository::authorsSharedByNameUntilLinked()
{
    PaperRepository repo(*m_db);
    QVERIFY(repo.upsert(paper(u"2510.00001"_s, 1, {u"Wei Zhang"_s}), m_now) > 0);
    QVERIFY(repo.upsert(paper(u"2510.00002"_s, 1, {u"Wei Zhang"_s}), m_now) > 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM authors"_s), 1);

    // The S2 stage links the first paper's author to one specific person...
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"UPDATE authors SET s2_id = '12345'"_s));
    // ... so a third paper by a namesake gets its own row, and rewriting the first keeps the link.
    QVERIFY(repo.upsert(paper(u"2510.00003"_s, 1, {u"Wei Zhang"_s}), m_now) > 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM authors"_s), 2);
    QVERIFY(repo.upsert(paper(u"2510.00001"_s, 2, {u"Wei Zhang"_s, u"Li Na"_s}), m_now) > 0);
    QCOMPARE(count(u"SELECT a.s2_id FROM paper_authors pa JOIN authors a ON a.id = pa.author_id JOIN papers p ON "
                   u"p.id = pa.paper_id WHERE p.arxiv_id = '2510.00001' AND pa.position = 0"_s),
             12345);
}

void TestPaperRepository::apiRecordOlderThanStoredIsNotWritten()
{
    PaperRepository repo(*m_db);
    QVERIFY(repo.upsert(paper(u"2510.00001"_s, 3, {u"A"_s}), m_now) > 0);
    Paper lagging = paper(u"2510.00001"_s, 2, {u"A"_s, u"B"_s});
    lagging.metadataComplete = true;
    lagging.comment = u"old comment"_s;
    bool found = true;
    QVERIFY(repo.completeMetadata(lagging, &found));
    QVERIFY2(!found, "the API lags behind the feed: nothing was written");
    QCOMPARE(repo.find(u"2510.00001"_s)->version, 3);
    QVERIFY(!repo.find(u"2510.00001"_s)->metadataComplete);
    QVERIFY(repo.find(u"2510.00001"_s)->comment.isEmpty());

    Paper current = lagging;
    current.version = 3;
    QVERIFY(repo.completeMetadata(current, &found));
    QVERIFY(found);
    QVERIFY(repo.find(u"2510.00001"_s)->metadataComplete);
    QCOMPARE(repo.find(u"2510.00001"_s)->authors.size(), 2);
}

void TestPaperRepository::feedDayCounts()
{
    FeedDayRepository days(*m_db);
    FeedDayRepository::Entry e;
    e.day = QDate(2025, 10, 7);
    e.categories = u"cs.AI+cs.LG"_s;
    e.announced = 1350;
    e.kept = 866;
    e.fetchedAt = m_now;
    QVERIFY(days.record(e));
    e.kept = 865; // a re-fetch replaces the row
    QVERIFY(days.record(e));
    const auto found = days.find(e.day, e.categories);
    QVERIFY(found);
    QCOMPARE(found->kept, 865);
    QCOMPARE(found->source, u"rss"_s);
    QCOMPARE(days.forDay(e.day).size(), 1);
    QCOMPARE(days.latestDay(u"cs.AI+cs.LG"_s), e.day);
    QVERIFY(!days.latestDay(u"math.OC"_s).isValid());
}

QTEST_GUILESS_MAIN(TestPaperRepository)
#include "tst_paperrepository.moc"
