// SPDX-License-Identifier: GPL-3.0-or-later
// DayIngest end to end: real HTTP over loopback against FakeArxivServer, a real SQLite file.
#include "fakearxivserver.h"
#include "testdata.h"

#include "arxiv/arxivcalendar.h"
#include "ingest/dayingest.h"
#include "net/httpclient.h"
#include "settings/appsettings.h"
#include "storage/database.h"
#include "pipeline/runconfig.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
const QDate kMon(2025, 10, 6);
const QDate kTue(2025, 10, 7);
const QDate kThu(2025, 10, 9);
const QDate kSat(2025, 10, 11);

Paper makePaper(const QString &id, int version, const QStringList &categories, const QString &title)
{
    Paper p;
    p.arxivId = id;
    p.version = version;
    p.title = title;
    p.abstract = u"Abstract of "_s + title + u'.';
    p.categories = categories;
    p.primaryCategory = categories.value(0);
    p.authors = {Author{u"Ada Lovelace"_s, {}, -1}, Author{u"Alan Turing"_s, {}, -1}};
    return p;
}

// The API's complete record of a feed paper: more authors, comment, journal ref, DOI, dates.
Paper apiRecord(Paper p, const QDate &announcedOn)
{
    p.authors.append(Author{u"Grace Hopper"_s, {}, -1});
    p.comment = u"12 pages, 3 figures"_s;
    p.journalRef = u"Proc. Test 2025"_s;
    p.doi = u"10.1000/"_s + p.arxivId;
    const auto window = ArxivCalendar::submissionWindow(announcedOn);
    p.updated = window.start.addSecs(3600);
    p.published = p.version > 1 ? window.start.addDays(-200) : p.updated;
    return p;
}

FeedItem feedItem(const Paper &p, AnnounceType type)
{
    FeedItem item;
    item.paper = p;
    item.type = type;
    return item;
}
} // namespace

class TestDayIngest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void dayWithAllFourTypes();
    void realDayDeduplicatedAcrossCategories();
    void newVersionUpdatesPaperAndKeepsOldScores();
    void oneTransactionPerDay();
    void truncatedFeedIsRetriedThenReported();
    void serviceUnavailableHonoursRetryAfter();
    void retryAfterTooLongIsReportedNotWaited();
    void timeoutGivesAClearError();
    void apiDownKeepsTheFeedAndSaysSo();
    void apiErrorEntryIsAnErrorNotAPaper();
    void noAnnouncementDays();
    void catchUpOfAPastDay();
    void catchUpWithReplacements();
    void catchUpLimits();
    void requestSpacingIsRespected();
    void cancelDuringMetadata();

private:
    void setToday(const QDate &day);
    IngestSummary run(const QDate &day = {}, const QStringList &categories = {});
    int count(const QString &sql);
    QVariant value(const QString &sql);
    void setFourTypeDay();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeArxivServer> m_arxiv;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<DayIngest> m_ingest;
    QStringList m_notices;
    int m_feedStored = 0;
    QDate m_today;
};

void TestDayIngest::init()
{
    FakeArxivServer::clearEnvironment(); // the settings below must be what counts
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_arxiv = std::make_unique<FakeArxivServer>();
    QVERIFY(m_arxiv->listen());
    m_ini = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(*m_ini);
    m_settings->setArxivRssUrl(m_arxiv->rssBaseUrl().toString());
    m_settings->setArxivApiUrl(m_arxiv->apiUrl().toString());
    m_settings->setArxivRequestSpacingMs(20); // arXiv's 3 s, made small; requestSpacingIsRespected measures it
    m_settings->setArxivTimeoutMs(5000);
    m_db = std::make_unique<Database>(m_dir->filePath(u"papersieve.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_http = std::make_unique<HttpClient>();
    m_ingest = std::make_unique<DayIngest>(*m_db, *m_http);
    m_notices.clear();
    m_feedStored = 0;
    connect(m_ingest.get(), &DayIngest::notice, this, [this](const QString &n) { m_notices << n; });
    connect(m_ingest.get(), &DayIngest::feedStored, this, [this] { ++m_feedStored; });
    setToday(kTue);
}

void TestDayIngest::cleanup()
{
    m_ingest.reset();
    m_http.reset();
    m_db.reset();
    m_settings.reset();
    m_ini.reset();
    m_arxiv.reset();
    m_dir.reset();
}

void TestDayIngest::setToday(const QDate &day)
{
    m_today = day;
    // 16:00 UTC: noon in New York, after that day's feed appeared at midnight.
    m_ingest->setClock([day] { return QDateTime(day, QTime(16, 0), QTimeZone::utc()); });
}

IngestSummary TestDayIngest::run(const QDate &day, const QStringList &categories)
{
    QSignalSpy finished(m_ingest.get(), &DayIngest::finished);
    m_ingest->start(RunConfig::ingestConfig(*m_settings, categories), day);
    if (!finished.wait(15000) || finished.size() != 1) {
        qWarning("DayIngest did not finish exactly once");
        IngestSummary s;
        s.error = u"TEST: no finished() signal"_s;
        return s;
    }
    QTest::qWait(20); // a second finished() would show up here
    if (finished.size() != 1)
        qWarning("finished() emitted %d times", int(finished.size()));
    return finished.first().first().value<IngestSummary>();
}

int TestDayIngest::count(const QString &sql)
{
    return value(sql).toInt();
}

QVariant TestDayIngest::value(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    return q.next() ? q.value(0) : QVariant();
}

// A Tuesday with one paper of each announce type in cs.LG/cs.AI, and one cs.CV paper the
// combined cs.LG+cs.AI feed does not list.
void TestDayIngest::setFourTypeDay()
{
    const Paper a = makePaper(u"2510.10001"_s, 1, {u"cs.LG"_s, u"cs.AI"_s}, u"New in both"_s);
    const Paper b = makePaper(u"2510.10002"_s, 1, {u"stat.ML"_s, u"cs.LG"_s}, u"Cross-listed"_s);
    const Paper c = makePaper(u"2401.10003"_s, 3, {u"cs.AI"_s}, u"Replaced"_s);
    const Paper d = makePaper(u"2305.10004"_s, 2, {u"math.OC"_s, u"cs.LG"_s}, u"Replaced cross-list"_s);
    const Paper e = makePaper(u"2510.10005"_s, 1, {u"cs.CV"_s}, u"Vision only"_s);
    m_arxiv->setDay(kTue, {feedItem(a, AnnounceType::New), feedItem(b, AnnounceType::Cross),
                           feedItem(c, AnnounceType::Replace), feedItem(d, AnnounceType::ReplaceCross),
                           feedItem(e, AnnounceType::New)});
    for (const Paper &p : {a, b, c, d, e})
        m_arxiv->addPaper(apiRecord(p, kTue));
}

void TestDayIngest::dayWithAllFourTypes()
{
    setFourTypeDay();
    QList<QPair<RunStage, int>> stages;
    connect(m_ingest.get(), &DayIngest::progress, this,
            [&](RunStage stage, int done, int) { stages.append({stage, done}); });

    const IngestSummary s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.day, kTue);
    QVERIFY(!s.noAnnouncement);
    QCOMPARE(s.announced, 4);
    QCOMPARE(s.newCount, 1);
    QCOMPARE(s.crossCount, 1);
    QCOMPARE(s.replaceCount, 1);
    QCOMPARE(s.replaceCrossCount, 1);
    QCOMPARE(s.kept, 2); // default: new and cross
    QCOMPARE(s.keptArxivIds, (QStringList{u"2510.10001"_s, u"2510.10002"_s}));
    QCOMPARE(s.stored, 4);
    QCOMPARE(m_feedStored, 1);
    QVERIFY(!stages.isEmpty() && stages.first().first == RunStage::Feed);
    QVERIFY(std::any_of(stages.cbegin(), stages.cend(), [](const auto &p) { return p.first == RunStage::Metadata; }));

    // What was asked: one combined feed, then one id_list batch, kept papers first.
    const auto rss = m_arxiv->requests(FakeArxivServer::Service::Rss);
    QCOMPARE(rss.size(), 1);
    QCOMPARE(rss.first().path, QByteArray("/rss/cs.LG+cs.AI"));
    QVERIFY2(rss.first().headers.value("user-agent").startsWith("PaperSieve/"), "a descriptive User-Agent");
    const auto api = m_arxiv->requests(FakeArxivServer::Service::Api);
    QCOMPARE(api.size(), 1);
    QCOMPARE(api.first().query.queryItemValue(u"id_list"_s), u"2510.10001,2510.10002,2401.10003,2305.10004"_s);

    // What was stored.
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE arxiv_id = '2510.10005'"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM announcements"_s), 5);
    const auto typeOf = [this](const QString &id, const QString &cat) {
        return value(u"SELECT a.type FROM announcements a JOIN papers p ON p.id = a.paper_id WHERE p.arxiv_id = '%1' "
                     u"AND a.category = '%2' AND a.day = '2025-10-07'"_s.arg(id, cat))
            .toString();
    };
    QCOMPARE(typeOf(u"2510.10001"_s, u"cs.LG"_s), u"new"_s);
    QCOMPARE(typeOf(u"2510.10001"_s, u"cs.AI"_s), u"cross"_s); // as cs.AI's own listing shows it
    QCOMPARE(typeOf(u"2510.10002"_s, u"cs.LG"_s), u"cross"_s);
    QCOMPARE(typeOf(u"2401.10003"_s, u"cs.AI"_s), u"replace"_s);
    QCOMPARE(typeOf(u"2305.10004"_s, u"cs.LG"_s), u"replace-cross"_s);
    QCOMPARE(count(u"SELECT a.version FROM announcements a JOIN papers p ON p.id = a.paper_id WHERE p.arxiv_id = '2401.10003'"_s), 3);

    QCOMPARE(value(u"SELECT source FROM feed_days WHERE day = '2025-10-07' AND categories = 'cs.AI+cs.LG'"_s).toString(), u"rss"_s);
    QCOMPARE(count(u"SELECT announced FROM feed_days WHERE day = '2025-10-07'"_s), 4);
    QCOMPARE(count(u"SELECT kept FROM feed_days WHERE day = '2025-10-07'"_s), 2);

    // The API's metadata completed the feed's: full author list, comment, journal ref, DOI, dates, links.
    QCOMPARE(value(u"SELECT comment FROM papers WHERE arxiv_id = '2510.10001'"_s).toString(), u"12 pages, 3 figures"_s);
    QCOMPARE(value(u"SELECT journal_ref FROM papers WHERE arxiv_id = '2510.10001'"_s).toString(), u"Proc. Test 2025"_s);
    QCOMPARE(value(u"SELECT doi FROM papers WHERE arxiv_id = '2510.10001'"_s).toString(), u"10.1000/2510.10001"_s);
    QCOMPARE(value(u"SELECT authors_text FROM papers WHERE arxiv_id = '2510.10001'"_s).toString(),
             u"Ada Lovelace, Alan Turing, Grace Hopper"_s);
    QCOMPARE(value(u"SELECT primary_category FROM papers WHERE arxiv_id = '2305.10004'"_s).toString(), u"math.OC"_s);
    QCOMPARE(value(u"SELECT pdf_url FROM papers WHERE arxiv_id = '2510.10001'"_s).toString(), u"https://arxiv.org/pdf/2510.10001"_s);
    QVERIFY(!value(u"SELECT published FROM papers WHERE arxiv_id = '2510.10001'"_s).toString().isEmpty());
    QCOMPARE(count(u"SELECT COUNT(*) FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id WHERE p.arxiv_id = '2510.10001'"_s), 3);
}

void TestDayIngest::realDayDeduplicatedAcrossCategories()
{
    // The 663 distinct cs.LG/cs.AI papers of 2025-10-07 (443 carry cs.LG, 425 cs.AI, 205 both).
    QList<FeedItem> items = m_arxiv->loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), kTue);
    items.append(items.at(10)); // the feed repeats an item: still one paper
    m_arxiv->setDay(kTue, items);

    const IngestSummary s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.announced, 663);
    QCOMPARE(s.newCount, 375); // primary category cs.LG or cs.AI (data/days/SOURCES.md)
    QCOMPARE(s.crossCount, 288);
    QCOMPARE(s.kept, 663);
    QCOMPARE(s.keptArxivIds.size(), 663);
    QCOMPARE(QSet<QString>(s.keptArxivIds.cbegin(), s.keptArxivIds.cend()).size(), 663);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 663);
    QCOMPARE(count(u"SELECT COUNT(*) FROM announcements"_s), 868); // per category: 443 + 425
    QCOMPARE(count(u"SELECT COUNT(*) FROM announcements WHERE category = 'cs.LG'"_s), 443);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 663);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Api).size(), 4); // 200 ids a batch
    QCOMPARE(m_arxiv->http().maxConcurrentRequests(), 1);

    // Fetching the same day again adds nothing and changes nothing.
    const IngestSummary again = run();
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    QCOMPARE(again.announced, 663);
    QCOMPARE(again.stored, 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 663);
    QCOMPARE(count(u"SELECT COUNT(*) FROM announcements"_s), 868);
    QCOMPARE(count(u"SELECT COUNT(*) FROM feed_days"_s), 1);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Api).size(), 4); // complete papers are not asked again
}

void TestDayIngest::newVersionUpdatesPaperAndKeepsOldScores()
{
    const Paper v1 = makePaper(u"2510.02001"_s, 1, {u"cs.LG"_s}, u"First title"_s);
    m_arxiv->setDay(kMon, {feedItem(v1, AnnounceType::New)});
    m_arxiv->addPaper(apiRecord(v1, kMon));
    setToday(kMon);
    IngestSummary s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.newCount, 1);

    // The paper was scored on v1.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"INSERT INTO criteria_versions (created, topics, system_prompt, rubric, title_postfix, "
                   u"abstract_postfix, content_hash) VALUES ('2025-10-06T12:00:00Z', 't', 's', 'r', '', '', 'h')"_s));
    QVERIFY(q.exec(u"INSERT INTO scores (paper_id, paper_version, criteria_id, model, stage, status, relevance, "
                   u"novelty, created) SELECT id, version, 1, 'gpt-5', 'abstract', 'scored', 9, 7, "
                   u"'2025-10-06T12:00:00Z' FROM papers WHERE arxiv_id = '2510.02001'"_s));

    // Tuesday: v2 is announced as a replacement.
    Paper v2 = v1;
    v2.version = 2;
    v2.title = u"Second title"_s;
    v2.abstract = u"A rewritten abstract."_s;
    m_arxiv->setDay(kTue, {feedItem(v2, AnnounceType::Replace)});
    m_arxiv->addPaper(apiRecord(v2, kTue));
    setToday(kTue);
    s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.replaceCount, 1);
    QCOMPARE(s.kept, 0);
    QCOMPARE(s.stored, 1);

    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 1);
    QCOMPARE(count(u"SELECT version FROM papers"_s), 2);
    QCOMPARE(value(u"SELECT title FROM papers"_s).toString(), u"Second title"_s);
    QCOMPARE(value(u"SELECT abstract FROM papers"_s).toString(), u"A rewritten abstract."_s);
    QCOMPARE(count(u"SELECT metadata_complete FROM papers"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM scores"_s), 1);
    QCOMPARE(count(u"SELECT paper_version FROM scores"_s), 1); // marked as scored on the earlier version
    QCOMPARE(count(u"SELECT relevance FROM scores"_s), 9);
    QCOMPARE(value(u"SELECT type || ' v' || version FROM announcements WHERE day = '2025-10-06'"_s).toString(), u"new v1"_s);
    QCOMPARE(value(u"SELECT type || ' v' || version FROM announcements WHERE day = '2025-10-07'"_s).toString(), u"replace v2"_s);
    // Full-text search follows the new title.
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH 'second'"_s), 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH 'first'"_s), 0);

    // Monday's feed fetched again (v1) never downgrades the paper.
    m_arxiv->setDay(kMon, {feedItem(v1, AnnounceType::New)});
    setToday(kMon);
    s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.stored, 0);
    QCOMPARE(count(u"SELECT version FROM papers"_s), 2);
    QCOMPARE(value(u"SELECT title FROM papers"_s).toString(), u"Second title"_s);
}

void TestDayIngest::oneTransactionPerDay()
{
    setFourTypeDay();
    // The third paper of the day cannot be written (as with a full disk): nothing of the day may stay.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(u"CREATE TRIGGER fail_third BEFORE INSERT ON papers WHEN NEW.arxiv_id = '2401.10003' "
                   u"BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"_s));
    const IngestSummary s = run();
    QVERIFY2(s.error.contains(u"nothing was stored"_s), qPrintable(s.error));
    QVERIFY2(s.error.contains(u"disk is full"_s), qPrintable(s.error));
    QCOMPARE(m_feedStored, 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM authors"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM announcements"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM feed_days"_s), 0);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Api).size(), 0);

    // Once the disk has room again, the same day goes in whole.
    QVERIFY(q.exec(u"DROP TRIGGER fail_third"_s));
    const IngestSummary ok = run();
    QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 4);
}

void TestDayIngest::truncatedFeedIsRetriedThenReported()
{
    setFourTypeDay();
    FakeResponse cut;
    cut.contentType = "application/rss+xml";
    cut.body = TestData::read(u"arxiv/rss_multi_cat_2026-09-24.xml"_s); // announced whole, half of it sent
    cut.fault = FakeResponse::Fault::Truncate;

    // Cut off once: retried, and the whole feed arrives.
    m_arxiv->queueResponse(FakeArxivServer::Service::Rss, cut);
    IngestSummary s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.announced, 4);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 2);
    QVERIFY2(m_notices.join(u'\n').contains(u"cut off"_s), qPrintable(m_notices.join(u'\n')));

    // Cut off every time: a clear error, nothing stored.
    cleanup();
    init();
    setFourTypeDay();
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, cut);
    s = run();
    QVERIFY2(s.error.contains(u"cut off"_s), qPrintable(s.error));
    QVERIFY2(s.error.contains(u"nothing was stored"_s), qPrintable(s.error));
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 4); // the first try and 3 retries
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 0);
}

void TestDayIngest::serviceUnavailableHonoursRetryAfter()
{
    setFourTypeDay();
    FakeResponse busy = FakeResponse::text("Service Unavailable", 503);
    busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    m_arxiv->queueResponse(FakeArxivServer::Service::Rss, busy);
    const IngestSummary s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.announced, 4);
    const auto rss = m_arxiv->requests(FakeArxivServer::Service::Rss);
    QCOMPARE(rss.size(), 2);
    const qint64 waited = rss.at(1).receivedAtMs - rss.at(0).receivedAtMs;
    QVERIFY2(waited >= 950, qPrintable(u"retried after %1 ms, Retry-After said 1 s"_s.arg(waited)));
    const QString notices = m_notices.join(u'\n');
    QVERIFY2(notices.contains(u"HTTP 503"_s) && notices.contains(u"1.0 s"_s) && notices.contains(u"attempt 2 of 4"_s),
             qPrintable(notices));
}

void TestDayIngest::retryAfterTooLongIsReportedNotWaited()
{
    setFourTypeDay();
    FakeResponse busy = FakeResponse::text("Service Unavailable", 503);
    busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("3600")));
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, busy);
    QElapsedTimer t;
    t.start();
    const IngestSummary s = run();
    QVERIFY(t.elapsed() < 5000);
    QVERIFY2(s.error.contains(u"HTTP 503"_s) && s.error.contains(u"3600"_s), qPrintable(s.error));
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 1);
}

void TestDayIngest::timeoutGivesAClearError()
{
    setFourTypeDay();
    m_settings->setArxivTimeoutMs(300);
    FakeResponse stall;
    stall.fault = FakeResponse::Fault::Stall;
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, stall);
    const IngestSummary s = run();
    QVERIFY2(s.error.contains(u"did not answer in time"_s), qPrintable(s.error));
    QVERIFY2(s.error.contains(u"4 times"_s), qPrintable(s.error));
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 0);
}

void TestDayIngest::apiDownKeepsTheFeedAndSaysSo()
{
    setFourTypeDay();
    m_arxiv->setOverride(FakeArxivServer::Service::Api, FakeResponse::text("Service Unavailable", 503));
    IngestSummary s = run();
    QCOMPARE(m_feedStored, 1); // scoring could start on the feed's titles and abstracts
    QVERIFY2(s.error.contains(u"completing their metadata failed"_s), qPrintable(s.error));
    QVERIFY2(s.error.contains(u"HTTP 503"_s) && s.error.contains(u"tried 4 times"_s), qPrintable(s.error));
    QCOMPARE(s.announced, 4);
    QCOMPARE(s.stored, 4);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Api).size(), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 0"_s), 4);
    QCOMPARE(value(u"SELECT authors_text FROM papers WHERE arxiv_id = '2510.10001'"_s).toString(),
             u"Ada Lovelace, Alan Turing"_s); // the feed's own metadata

    // arXiv is back: the next fetch completes them.
    m_arxiv->setOverride(FakeArxivServer::Service::Api, std::nullopt);
    s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 4);
}

void TestDayIngest::apiErrorEntryIsAnErrorNotAPaper()
{
    setFourTypeDay();
    m_arxiv->queueResponse(FakeArxivServer::Service::Api,
                           FakeResponse::xml(TestData::read(u"arxiv/api_error_abc.xml"_s), 400));
    const IngestSummary s = run();
    QVERIFY2(s.error.contains(u"incorrect id format for abc"_s), qPrintable(s.error));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 4);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE arxiv_id = 'abc' OR title = 'Error'"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 0);
}

void TestDayIngest::noAnnouncementDays()
{
    // Saturday's feed: empty channel with skipDays.
    m_arxiv->setNoAnnouncement(kSat);
    setToday(kSat);
    IngestSummary s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY(s.noAnnouncement);
    QCOMPARE(s.day, kSat);
    QCOMPARE(s.announced, 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 0);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 1);

    // Asking for a Saturday by date needs no request at all.
    s = run(kSat);
    QVERIFY(s.noAnnouncement);
    QVERIFY(s.error.isEmpty());
    QCOMPARE(m_arxiv->http().requestCount(), 1);

    // A weekday holiday (Thanksgiving): the feed is empty too.
    const QDate thanksgiving(2025, 11, 27);
    m_arxiv->setNoAnnouncement(thanksgiving);
    setToday(thanksgiving);
    s = run(thanksgiving);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY(s.noAnnouncement);
    QCOMPARE(s.day, thanksgiving);

    // A past holiday the settings know of is not caught up through the API.
    m_settings->setArxivHolidays({u"2025-11-27"_s});
    setToday(QDate(2025, 12, 1));
    const int before = m_arxiv->http().requestCount();
    s = run(thanksgiving);
    QVERIFY(s.noAnnouncement);
    QVERIFY(s.error.isEmpty());
    QCOMPARE(m_arxiv->http().requestCount(), before);
}

void TestDayIngest::catchUpOfAPastDay()
{
    m_arxiv->loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), kTue);
    // Around the day: a paper of Wednesday's window, one from before, and a replacement inside.
    Paper later = makePaper(u"2510.09001"_s, 1, {u"cs.LG"_s}, u"Wednesday's"_s);
    m_arxiv->addPaper(apiRecord(later, QDate(2025, 10, 8)));
    Paper earlier = makePaper(u"2510.01001"_s, 1, {u"cs.AI"_s}, u"Monday's"_s);
    m_arxiv->addPaper(apiRecord(earlier, kMon));
    Paper replaced = makePaper(u"2410.00042"_s, 2, {u"cs.AI"_s}, u"Replaced on Tuesday"_s);
    m_arxiv->addPaper(apiRecord(replaced, kTue));
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, FakeResponse::text("the feed must not be asked", 500));
    m_settings->setArxivCatchUpPageSize(500);
    setToday(kThu);

    const IngestSummary s = run(kTue);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.day, kTue);
    QCOMPARE(s.announced, 663); // what the daily feed listed as new + cross
    QCOMPARE(s.newCount, 375);
    QCOMPARE(s.crossCount, 288);
    QCOMPARE(s.replaceCount, 0);
    QCOMPARE(s.kept, 663);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 0);
    const auto api = m_arxiv->requests(FakeArxivServer::Service::Api);
    QCOMPARE(api.size(), 2); // 500 + 163, through the date-range filter
    QVERIFY2(api.first().query.queryItemValue(u"search_query"_s, QUrl::FullyDecoded).contains(u"submittedDate:["_s),
             qPrintable(api.first().query.toString()));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 663);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 663);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE arxiv_id IN ('2510.09001', '2510.01001', '2410.00042')"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM announcements"_s), 868);
    QCOMPARE(value(u"SELECT source FROM feed_days WHERE day = '2025-10-07'"_s).toString(), u"api"_s);
    QVERIFY2(m_notices.join(u'\n').contains(u"replacements are not"_s), qPrintable(m_notices.join(u'\n')));
}

void TestDayIngest::catchUpWithReplacements()
{
    m_arxiv->loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), kTue);
    m_arxiv->addPaper(apiRecord(makePaper(u"2510.09001"_s, 1, {u"cs.LG"_s}, u"Wednesday's"_s), QDate(2025, 10, 8)));
    m_arxiv->addPaper(apiRecord(makePaper(u"2510.01001"_s, 1, {u"cs.AI"_s}, u"Monday's"_s), kMon));
    m_arxiv->addPaper(apiRecord(makePaper(u"2410.00042"_s, 2, {u"cs.AI"_s}, u"Replaced"_s), kTue));
    m_arxiv->addPaper(apiRecord(makePaper(u"2410.00043"_s, 3, {u"math.OC"_s, u"cs.LG"_s}, u"Replaced cross"_s), kTue));
    m_settings->setAnnounceTypes({u"new"_s, u"cross"_s, u"replace"_s, u"replace-cross"_s});
    m_settings->setArxivCatchUpPageSize(1000);
    setToday(kThu);

    const IngestSummary s = run(kTue);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.announced, 665);
    QCOMPARE(s.replaceCount, 1);
    QCOMPARE(s.replaceCrossCount, 1);
    QCOMPARE(s.kept, 665);
    QCOMPARE(value(u"SELECT a.type || ' v' || a.version FROM announcements a JOIN papers p ON p.id = a.paper_id "
                   u"WHERE p.arxiv_id = '2410.00043'"_s).toString(),
             u"replace-cross v3"_s);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE arxiv_id IN ('2510.09001', '2510.01001')"_s), 0);
    // One date-range page, then the newest-first walk until it passed the day.
    const auto api = m_arxiv->requests(FakeArxivServer::Service::Api);
    QCOMPARE(api.size(), 2);
    QCOMPARE(api.at(1).query.queryItemValue(u"sortBy"_s), u"lastUpdatedDate"_s);
}

void TestDayIngest::catchUpLimits()
{
    setToday(kThu);
    IngestSummary s = run(kThu.addDays(-15));
    QVERIFY2(s.error.contains(u"too far back"_s) && s.error.contains(u"14"_s), qPrintable(s.error));
    s = run(kThu.addDays(1));
    QVERIFY2(s.error.contains(u"in the future"_s), qPrintable(s.error));
    s = run({}, {u"not a category!"_s});
    QVERIFY2(s.error.contains(u"is not an arXiv category"_s), qPrintable(s.error));
    QCOMPARE(m_arxiv->http().requestCount(), 0);

    // A holiday in the past: the API has nothing in its window.
    s = run(QDate(2025, 10, 8));
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY(s.noAnnouncement);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Api).size(), 2); // an empty first page is asked twice

    // The API down during catch-up: clear error, nothing stored.
    m_arxiv->setOverride(FakeArxivServer::Service::Api, FakeResponse::text("Bad Gateway", 502));
    s = run(QDate(2025, 10, 8));
    QVERIFY2(s.error.contains(u"catching up 2025-10-08"_s) && s.error.contains(u"HTTP 502"_s), qPrintable(s.error));
    QVERIFY2(s.error.contains(u"nothing was stored"_s), qPrintable(s.error));
    QCOMPARE(count(u"SELECT COUNT(*) FROM feed_days"_s), 0);
}

void TestDayIngest::requestSpacingIsRespected()
{
    const int spacing = 150;
    m_settings->setArxivRequestSpacingMs(spacing);
    m_arxiv->loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), kTue);
    m_settings->setArxivApiBatchSize(150);
    // One transient failure on the way: the retry waits for the spacing too.
    m_arxiv->queueResponse(FakeArxivServer::Service::Api, FakeResponse::text("busy", 503));
    const IngestSummary s = run();
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    const QList<FakeRequest> all = m_arxiv->http().requests();
    QCOMPARE(all.size(), 1 + 1 + 5); // feed, failed batch, 5 batches of <= 150
    for (qsizetype i = 1; i < all.size(); ++i) {
        const qint64 gap = all.at(i).receivedAtMs - all.at(i - 1).receivedAtMs;
        // Measured where arXiv would measure it. The server shares this thread with the client, so a
        // request read late (the process descheduled on a loaded machine) shortens the next gap: 20 %
        // slack. Without the queue's spacing the gaps are a few ms.
        QVERIFY2(gap >= spacing * 8 / 10, qPrintable(u"request %1 came %2 ms after the previous one"_s.arg(i).arg(gap)));
    }
    QCOMPARE(m_arxiv->http().maxConcurrentRequests(), 1); // a single connection at a time
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 663);
}

void TestDayIngest::cancelDuringMetadata()
{
    m_arxiv->loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), kTue);
    m_settings->setArxivRequestSpacingMs(300);
    QSignalSpy finished(m_ingest.get(), &DayIngest::finished);
    // Cancelled the moment the metadata stage begins, before its first request is queued.
    connect(m_ingest.get(), &DayIngest::progress, m_ingest.get(), [this](RunStage stage, int done, int) {
        if (stage == RunStage::Metadata && done == 0)
            m_ingest->cancel();
    });
    m_ingest->start(RunConfig::ingestConfig(*m_settings), {});
    QVERIFY(finished.wait(10000));
    QTest::qWait(700); // a request still queued would go out within two spacings
    QCOMPARE(finished.size(), 1);
    const IngestSummary s = finished.first().first().value<IngestSummary>();
    QCOMPARE(s.error, u"Cancelled."_s);
    QCOMPARE(m_feedStored, 1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 663); // what was stored stays
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Api).size(), 0);
    QVERIFY(!m_ingest->isRunning());

    // And it can run again afterwards.
    m_settings->setArxivRequestSpacingMs(20);
    disconnect(m_ingest.get(), &DayIngest::progress, m_ingest.get(), nullptr);
    const IngestSummary again = run();
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 663);
}

QTEST_GUILESS_MAIN(TestDayIngest)
#include "tst_dayingest.moc"
