// SPDX-License-Identifier: GPL-3.0-or-later
// The full-text index (papers_fts) stays exactly what the papers table holds, whichever path wrote the
// papers: a day stored in bulk (the insert trigger stands aside, one INSERT ... SELECT indexes the day),
// a new version, metadata completion, single upserts, a failed store, and a schema v1 database migrated
// with papers already in it. "Exactly" is checked against FTS5 itself: the index's entries (term,
// paper, column, position) must equal those of an index rebuilt from the papers table.
#include "fakearxivserver.h"
#include "testdata.h"

#include "arxiv/apiresponse.h"
#include "ingest/daylisting.h"
#include "ingest/daystore.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"
#include "storage/migrator.h"
#include "storage/paperrepository.h"
#include "storage/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QDate kDay(2025, 10, 7);
const QStringList kCategories{u"cs.LG"_s, u"cs.AI"_s};

Paper paper(const QString &id, int version, const QString &title, const QString &abstract,
            const QStringList &authors = {u"Ada Lovelace"_s})
{
    Paper p;
    p.arxivId = id;
    p.version = version;
    p.title = title;
    p.abstract = abstract;
    p.categories = {u"cs.LG"_s};
    p.primaryCategory = u"cs.LG"_s;
    for (const QString &a : authors)
        p.authors.append(Author{a, {}, -1});
    return p;
}

DayListing listingOf(const QDate &day, const QList<Paper> &papers)
{
    QList<FeedItem> items;
    for (const Paper &p : papers) {
        FeedItem item;
        item.paper = p;
        item.type = p.version > 1 ? AnnounceType::Replace : AnnounceType::New;
        items << item;
    }
    return DayListing::build(day, kCategories, items, {u"new"_s, u"cross"_s}, u"rss"_s);
}
} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bulkStoreIndexesEveryNewPaperOfARealDay();
    void newVersionReplacesTheIndexedText();
    void metadataCompletionIndexesCommentAndAuthors();
    void unchangedTextKeepsItsEntries();
    void failedBulkStoreLeavesIndexAndTriggerAsTheyWere();
    void bulkStoreOutsideATransactionIsAllOrNothing();
    void migratedV1DatabaseKeepsItsIndexAndFollowsNewText();

private:
    void open(const QString &file = u"s.sqlite"_s);
    // Ids (arXiv) of the papers whose index entries match the FTS5 query.
    QStringList matching(const QString &ftsQuery);
    // The search the GUI's search-as-you-type runs.
    QStringList searched(const QString &userText);
    int count(const QString &sql);
    // Empty when the index equals one rebuilt from the papers table; else what differs.
    QString indexDiffersFromContent();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    const QDateTime m_now = QDateTime(kDay, QTime(12, 0), QTimeZone::utc());
};

void TestSearchIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSearchIndex::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestSearchIndex::open(const QString &file)
{
    m_db = std::make_unique<Database>(m_dir->filePath(file));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
}

QStringList TestSearchIndex::matching(const QString &ftsQuery)
{
    QSqlQuery q(m_db->connection());
    q.prepare(u"SELECT p.arxiv_id FROM papers_fts f JOIN papers p ON p.id = f.rowid WHERE papers_fts MATCH ? "
              u"ORDER BY p.arxiv_id"_s);
    q.addBindValue(ftsQuery);
    if (!q.exec()) {
        qWarning("MATCH %s failed: %s", qPrintable(ftsQuery), qPrintable(q.lastError().text()));
        return {u"<error>"_s};
    }
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

QStringList TestSearchIndex::searched(const QString &userText)
{
    QStringList ids;
    for (const LibraryPaper &p : LibraryRepository(*m_db).search(userText))
        ids << p.arxivId;
    ids.sort();
    return ids;
}

int TestSearchIndex::count(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

QString TestSearchIndex::indexDiffersFromContent()
{
    QSqlDatabase db = m_db->connection();
    QSqlQuery q(db);
    const auto run = [&q](const QString &sql) {
        return q.exec(sql) ? QString() : sql + u": "_s + q.lastError().text();
    };
    QString error = run(u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_entries USING fts5vocab(main, papers_fts, instance)"_s);
    if (error.isEmpty())
        error = run(u"DROP TABLE IF EXISTS temp.entries_before"_s);
    if (error.isEmpty())
        error = run(u"CREATE TEMP TABLE entries_before AS SELECT term, doc, col, offset FROM temp.fts_entries"_s);
    if (!error.isEmpty())
        return error;
    // Rebuild from the papers table inside a transaction that is rolled back: the database stays as it was.
    if (!db.transaction())
        return db.lastError().text();
    QString diff = run(u"INSERT INTO papers_fts(papers_fts) VALUES ('rebuild')"_s);
    const auto describe = [&](const QString &sql, const QString &what) {
        if (!diff.isEmpty())
            return;
        if (!q.exec(sql)) {
            diff = q.lastError().text();
            return;
        }
        QStringList rows;
        while (q.next() && rows.size() < 5) {
            rows << u"'%1' paper %2 column %3 position %4"_s.arg(q.value(0).toString(), q.value(1).toString(),
                                                                  q.value(2).toString(), q.value(3).toString());
        }
        if (!rows.isEmpty())
            diff = what + rows.join(u"; "_s);
    };
    describe(u"SELECT * FROM entries_before EXCEPT SELECT term, doc, col, offset FROM temp.fts_entries"_s,
             u"stale or extra index entries: "_s);
    describe(u"SELECT term, doc, col, offset FROM temp.fts_entries EXCEPT SELECT * FROM entries_before"_s,
             u"missing index entries: "_s);
    q.finish();
    db.rollback();
    return diff;
}

void TestSearchIndex::bulkStoreIndexesEveryNewPaperOfARealDay()
{
    open();
    const QList<Paper> records = FakeArxivServer::papersFromJsonl(
        TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), kDay);
    QVERIFY(records.size() > 600);
    int stored = 0;
    DayStore store(*m_db);
    QVERIFY2(store.store(listingOf(kDay, records), m_now, &stored), qPrintable(store.errorString()));
    QCOMPARE(stored, int(records.size()));

    // Every paper has exactly one document in the index, and the entries are exactly the text's.
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts_docsize"_s), int(records.size()));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE id NOT IN (SELECT id FROM papers_fts_docsize)"_s), 0);
    const QString diff = indexDiffersFromContent();
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // The real papers are found by title words, an author's surname and a comment word.
    const Paper &first = records.first(); // "Scalable Ground Station Selection for Large LEO Constellations"
    QVERIFY(first.title.contains(u"Constellations"_s));
    QVERIFY(searched(u"ground station selection constellations"_s).contains(first.arxivId));
    QVERIFY(matching(u"authors_text:Kochenderfer"_s).contains(first.arxivId));
    QVERIFY(matching(u"comment:Aeroconf"_s).contains(first.arxivId));

    // The bulk marker was never committed: a paper written later through the trigger is indexed too.
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts_bulk"_s), 0);
    PaperRepository repo(*m_db);
    QVERIFY(repo.upsert(paper(u"2510.99999"_s, 1, u"Zygomorphic lattices"_s, u"Nothing else."_s), m_now) > 0);
    QCOMPARE(matching(u"zygomorphic"_s), QStringList{u"2510.99999"_s});
}

void TestSearchIndex::newVersionReplacesTheIndexedText()
{
    open();
    DayStore store(*m_db);
    int stored = 0;
    const QList<Paper> monday{paper(u"2510.00001"_s, 1, u"Quokka networks"_s, u"We study marsupial graphs."_s),
                              paper(u"2510.00002"_s, 1, u"Wombat kernels"_s, u"Burrowing estimators."_s)};
    QVERIFY2(store.store(listingOf(kDay.addDays(-1), monday), m_now, &stored), qPrintable(store.errorString()));
    QCOMPARE(matching(u"quokka"_s), QStringList{u"2510.00001"_s});

    // Tuesday: version 2 of the first paper rewrites title, abstract and authors; a new paper arrives too.
    const QList<Paper> tuesday{
        paper(u"2510.00001"_s, 2, u"Platypus transformers"_s, u"We study monotreme attention."_s, {u"Grace Hopper"_s}),
        paper(u"2510.00003"_s, 1, u"Echidna sampling"_s, u"Spiny priors."_s)};
    QVERIFY2(store.store(listingOf(kDay, tuesday), m_now, &stored), qPrintable(store.errorString()));
    QCOMPARE(stored, 2);
    QCOMPARE(matching(u"quokka"_s), QStringList());
    QCOMPARE(matching(u"marsupial"_s), QStringList());
    QCOMPARE(matching(u"lovelace"_s), QStringList({u"2510.00002"_s, u"2510.00003"_s}));
    QCOMPARE(matching(u"platypus"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(matching(u"monotreme"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(matching(u"hopper"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(searched(u"echid"_s), QStringList{u"2510.00003"_s}); // prefix, as while typing
    const QString diff = indexDiffersFromContent();
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSearchIndex::metadataCompletionIndexesCommentAndAuthors()
{
    open();
    DayStore store(*m_db);
    int stored = 0;
    // The feed has no comment and, for long author lists, not every author.
    QVERIFY(store.store(listingOf(kDay, {paper(u"2510.00001"_s, 1, u"Axolotl regeneration"_s, u"Feed abstract."_s)}),
                        m_now, &stored));
    QCOMPARE(matching(u"comment:pages"_s), QStringList());

    // The API's record: the same title and abstract, and what the feed lacked (each column on its own
    // must reach the index).
    Paper api = paper(u"2510.00001"_s, 1, u"Axolotl regeneration"_s, u"Feed abstract."_s,
                      {u"Ada Lovelace"_s, u"Katherine Johnson"_s});
    api.comment = u"12 pages, accepted at Salamander 2026"_s;
    api.metadataComplete = true;
    ApiResponse response;
    response.papers << api;
    int completed = 0;
    QVERIFY2(store.completeMetadata(response, &completed), qPrintable(store.errorString()));
    QCOMPARE(completed, 1);
    QCOMPARE(matching(u"comment:salamander"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(matching(u"johnson"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(matching(u"axolotl AND feed"_s), QStringList{u"2510.00001"_s});
    QString diff = indexDiffersFromContent();
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // A second answer for the same version, with a corrected abstract and without the comment.
    api.abstract = u"Corrected abstract."_s;
    api.comment.clear(); // kept: the API says nothing new
    response.papers = {api};
    QVERIFY2(store.completeMetadata(response, &completed), qPrintable(store.errorString()));
    QCOMPARE(completed, 1);
    QCOMPARE(matching(u"corrected"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(matching(u"feed"_s), QStringList());
    QCOMPARE(matching(u"comment:salamander"_s), QStringList{u"2510.00001"_s});
    diff = indexDiffersFromContent();
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSearchIndex::unchangedTextKeepsItsEntries()
{
    open();
    PaperRepository repo(*m_db);
    Paper p = paper(u"2510.00001"_s, 1, u"Narwhal tusks"_s, u"Long teeth."_s);
    QVERIFY(repo.upsert(p, m_now) > 0);
    // Same text, new DOI and journal reference: the update trigger skips the index, which stays right.
    p.doi = u"10.1000/narwhal"_s;
    p.journalRef = u"J. Arctic 1"_s;
    PaperRepository::Change change = PaperRepository::Change::None;
    QVERIFY(repo.upsert(p, m_now, &change) > 0);
    QCOMPARE(change, PaperRepository::Change::Updated);
    p.metadataComplete = true; // completion with the feed's own text rewrites every column
    bool found = false;
    QVERIFY(repo.completeMetadata(p, &found));
    QVERIFY(found);
    QCOMPARE(matching(u"narwhal"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(matching(u"teeth"_s), QStringList{u"2510.00001"_s});
    const QString diff = indexDiffersFromContent();
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSearchIndex::failedBulkStoreLeavesIndexAndTriggerAsTheyWere()
{
    open();
    DayStore store(*m_db);
    int stored = 0;
    QVERIFY(store.store(listingOf(kDay.addDays(-1), {paper(u"2510.00001"_s, 1, u"Okapi forests"_s, u"Shy."_s)}),
                        m_now, &stored));
    // The author links of the second day fail half-way (as a full disk would): nothing of the day stays.
    QSqlQuery q(m_db->connection());
    QVERIFY2(q.exec(u"CREATE TEMP TRIGGER fail_links BEFORE INSERT ON paper_authors "
                    u"WHEN new.position = 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s),
             qPrintable(q.lastError().text()));
    const QList<Paper> day{paper(u"2510.00002"_s, 1, u"Tapir trunks"_s, u"Short."_s, {u"A"_s, u"B"_s}),
                           paper(u"2510.00003"_s, 1, u"Dugong meadows"_s, u"Grass."_s)};
    QVERIFY(!store.store(listingOf(kDay, day), m_now, &stored));
    QVERIFY2(store.errorString().contains(u"disk full"_s), qPrintable(store.errorString()));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts_bulk"_s), 0);
    QCOMPARE(matching(u"tapir OR dugong"_s), QStringList());
    QVERIFY(q.exec(u"DROP TRIGGER temp.fail_links"_s));

    // The trigger is in charge again for single writes; and the same day stores fine afterwards.
    PaperRepository repo(*m_db);
    QVERIFY(repo.upsert(paper(u"2510.00004"_s, 1, u"Pangolin scales"_s, u"Armour."_s), m_now) > 0);
    QCOMPARE(matching(u"pangolin"_s), QStringList{u"2510.00004"_s});
    QVERIFY2(store.store(listingOf(kDay, day), m_now, &stored), qPrintable(store.errorString()));
    QCOMPARE(matching(u"tapir OR dugong"_s), QStringList({u"2510.00002"_s, u"2510.00003"_s}));
    const QString diff = indexDiffersFromContent();
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSearchIndex::bulkStoreOutsideATransactionIsAllOrNothing()
{
    open();
    PaperRepository repo(*m_db);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"CREATE TEMP TRIGGER fail_index BEFORE INSERT ON paper_authors "
                   u"WHEN new.position = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s));
    QList<qint64> ids;
    // No Transaction here: upsertMany's own savepoint is the transaction.
    QVERIFY(!repo.upsertMany({paper(u"2510.00001"_s, 1, u"Ibis"_s, u"Bird."_s, {u"A"_s, u"B"_s, u"C"_s})}, m_now, &ids));
    QVERIFY2(repo.errorString().contains(u"disk full"_s), qPrintable(repo.errorString()));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM authors"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts_bulk"_s), 0);
    QVERIFY(q.exec(u"DROP TRIGGER temp.fail_index"_s));
    QVERIFY2(repo.upsertMany({paper(u"2510.00001"_s, 1, u"Ibis"_s, u"Bird."_s, {u"A"_s, u"B"_s, u"C"_s})}, m_now, &ids),
             qPrintable(repo.errorString()));
    QVERIFY2(m_db->connection().transaction(), "no transaction was left open");
    QVERIFY(m_db->connection().rollback());
    QCOMPARE(matching(u"ibis"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(repo.find(u"2510.00001"_s)->authors.size(), 3);
}

void TestSearchIndex::migratedV1DatabaseKeepsItsIndexAndFollowsNewText()
{
    const QString path = m_dir->filePath(u"v1.sqlite"_s);
    {
        // A database as PaperSieve 0.1 left it: schema v1, papers indexed by the v1 triggers.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QString error;
        QVERIFY2(Migrator({{1, u":/sql/001_initial.sql"_s, {}}}).migrate(db, path, &error), qPrintable(error));
        QSqlQuery q(db);
        for (const auto &[id, title] : {std::pair{u"2509.00001"_s, u"Capybara swarms"_s},
                                        std::pair{u"2509.00002"_s, u"Tamarin routing"_s}}) {
            q.prepare(u"INSERT INTO papers (arxiv_id, title, abstract, authors_text, first_seen) "
                      u"VALUES (?, ?, 'Old abstract.', 'Ada Lovelace', '2025-09-01T12:00:00Z')"_s);
            q.addBindValue(id);
            q.addBindValue(title);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        q.finish();
        QCOMPARE(Migrator::userVersion(db), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v1"_s);

    open(u"v1.sqlite"_s);
    QCOMPARE(m_db->schemaVersion(), Migrator(Migrator::builtinSteps()).latestVersion());
    QVERIFY(QFile::exists(path + u".v1.bak"_s));
    QCOMPARE(searched(u"capybara"_s), QStringList{u"2509.00001"_s});
    QCOMPARE(searched(u"tamar"_s), QStringList{u"2509.00002"_s});

    // A day stored after the upgrade: a new version of an old paper and a new paper.
    DayStore store(*m_db);
    int stored = 0;
    const QList<Paper> day{paper(u"2509.00001"_s, 2, u"Capybara herds"_s, u"New abstract."_s),
                           paper(u"2510.00001"_s, 1, u"Margay canopies"_s, u"Trees."_s)};
    QVERIFY2(store.store(listingOf(kDay, day), m_now, &stored), qPrintable(store.errorString()));
    QCOMPARE(stored, 2);
    QCOMPARE(matching(u"swarms"_s), QStringList());
    QCOMPARE(matching(u"herds"_s), QStringList{u"2509.00001"_s});
    QCOMPARE(matching(u"capybara"_s), QStringList{u"2509.00001"_s});
    QCOMPARE(matching(u"old"_s), QStringList{u"2509.00002"_s});
    QCOMPARE(searched(u"margay"_s), QStringList{u"2510.00001"_s});
    QCOMPARE(searched(u"Lovelace"_s), QStringList({u"2509.00001"_s, u"2509.00002"_s, u"2510.00001"_s}));
    const QString diff = indexDiffersFromContent();
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
