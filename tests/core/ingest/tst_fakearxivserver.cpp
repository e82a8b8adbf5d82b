// SPDX-License-Identifier: GPL-3.0-or-later
// The fake arXiv speaks arXiv's formats: what it serves, the app's own parsers read back.
#include "fakearxivserver.h"
#include "net/urlpolicy.h"
#include "testdata.h"

#include "arxiv/arxivcalendar.h"
#include "arxiv/arxivurls.h"
#include "arxiv/atomparser.h"
#include "arxiv/rssparser.h"
#include "net/httpclient.h"
#include "settings/appsettings.h"
#include "settings/endpoints.h"

#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;

class TestFakeArxivServer : public QObject
{
    Q_OBJECT

private slots:
    void servesTheRealFixtureByDefault();
    void endpointsPointAtIt();
    void dayFromJsonlListsOnlyRequestedCategories();
    void idListAnswersExactlyTheStoredIds();
    void malformedIdIsArxivsErrorFeed();
    void searchPagesThroughADateRange();
    void queuedFaultsComeFirst();

private:
    HttpResult get(const QUrl &url);
    HttpClient m_client;
};

HttpResult TestFakeArxivServer::get(const QUrl &url)
{
    std::optional<HttpResult> result;
    HttpRequest req;
    req.url = url;
    req.timeoutMs = 5000;
    m_client.send(req, this, [&](const HttpResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return {};
    return *result;
}

void TestFakeArxivServer::servesTheRealFixtureByDefault()
{
    FakeArxivServer arxiv;
    QVERIFY(arxiv.listen());
    const HttpResult r = get(ArxivUrls::rssFeed(arxiv.rssBaseUrl(), {u"cs.LG"_s, u"cs.AI"_s}));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, TestData::read(u"arxiv/rss_multi_cat_2026-09-24.xml"_s));
    QCOMPARE(arxiv.requests(FakeArxivServer::Service::Rss).size(), 1);
    QCOMPARE(arxiv.requests(FakeArxivServer::Service::Rss).first().path, QByteArray("/rss/cs.LG+cs.AI"));
}

void TestFakeArxivServer::endpointsPointAtIt()
{
    FakeArxivServer arxiv;
    QVERIFY(arxiv.listen());
    arxiv.exportEnvironment();
    QTemporaryDir dir;
    QSettings ini(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    AppSettings settings(ini);
    const Endpoints e = Endpoints::resolve(settings);
    FakeArxivServer::clearEnvironment();
    QCOMPARE(e.arxivRss, arxiv.rssBaseUrl());
    QCOMPARE(e.arxivApi, arxiv.apiUrl());
    QVERIFY(UrlPolicy::problemWith(e.arxivRss).isEmpty());
    QVERIFY(UrlPolicy::problemWith(e.arxivApi).isEmpty());
}

void TestFakeArxivServer::dayFromJsonlListsOnlyRequestedCategories()
{
    FakeArxivServer arxiv;
    QVERIFY(arxiv.listen());
    const QDate day(2025, 10, 7);
    const QList<FeedItem> items = arxiv.loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), day);
    QCOMPARE(items.size(), 663);
    QCOMPARE(arxiv.paperCount(), 663);

    QString error;
    const RssFeed both = RssParser::parse(get(ArxivUrls::rssFeed(arxiv.rssBaseUrl(), {u"cs.LG"_s, u"cs.AI"_s})).body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(both.day, day);
    QCOMPARE(both.items.size(), 663);
    QCOMPARE(both.skipDays, (QStringList{u"Sunday"_s, u"Saturday"_s}));

    const RssFeed lg = RssParser::parse(get(ArxivUrls::rssFeed(arxiv.rssBaseUrl(), {u"cs.LG"_s})).body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(lg.items.size(), 443); // SOURCES.md: 443 of the day's papers carry cs.LG
    for (const FeedItem &item : lg.items)
        QVERIFY(item.paper.categories.contains(u"cs.LG"_s));

    // Every paper is a v1 submitted inside the day's window.
    const auto window = ArxivCalendar::submissionWindow(day);
    for (const Paper &p : arxiv.papers()) {
        QVERIFY(window.contains(p.published));
        QCOMPARE(p.version, 1);
    }

    arxiv.setNoAnnouncement(QDate(2025, 10, 11));
    const RssFeed empty = RssParser::parse(get(ArxivUrls::rssFeed(arxiv.rssBaseUrl(), {u"cs.LG"_s})).body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(empty.isNoAnnouncement());
    QCOMPARE(empty.day, QDate(2025, 10, 11));
}

void TestFakeArxivServer::idListAnswersExactlyTheStoredIds()
{
    FakeArxivServer arxiv;
    QVERIFY(arxiv.listen());
    arxiv.loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), QDate(2025, 10, 7));
    const QStringList ids{u"2510.03315"_s, u"2510.03438"_s, u"2509.99999"_s};
    const HttpResult r = get(ArxivUrls::apiIdList(arxiv.apiUrl(), ids));
    QCOMPARE(r.status, 200);
    QString error;
    const ApiResponse answer = AtomParser::parse(r.body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(answer.errors.isEmpty());
    QCOMPARE(answer.totalResults, 2);
    QCOMPARE(answer.papers.size(), 2);
    QCOMPARE(answer.papers.at(0).arxivId, u"2510.03315"_s); // the order asked for
    QCOMPARE(answer.papers.at(1).arxivId, u"2510.03438"_s);
    QCOMPARE(answer.papers.at(1).primaryCategory, u"cs.NI"_s);
    QCOMPARE(answer.papers.at(1).authors.size(), 4);
    QCOMPARE(answer.papers.at(1).comment, u"14 pages, 7 tables, 10 figures, submitted to IEEE Aeroconf 2026"_s);
}

void TestFakeArxivServer::malformedIdIsArxivsErrorFeed()
{
    FakeArxivServer arxiv;
    QVERIFY(arxiv.listen());
    const HttpResult r = get(ArxivUrls::apiIdList(arxiv.apiUrl(), {u"abc"_s}));
    QCOMPARE(r.status, 400);
    QString error;
    const ApiResponse built = AtomParser::parse(r.body, &error);
    const ApiResponse real = AtomParser::parse(TestData::read(u"arxiv/api_error_abc.xml"_s), &error);
    QCOMPARE(built.errors, real.errors);
    QCOMPARE(built.errors, QStringList{u"incorrect id format for abc"_s});
    QVERIFY(built.papers.isEmpty());
}

void TestFakeArxivServer::searchPagesThroughADateRange()
{
    FakeArxivServer arxiv;
    QVERIFY(arxiv.listen());
    const QDate day(2025, 10, 7);
    arxiv.loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), day);
    Paper older;
    older.arxivId = u"2510.00001"_s;
    older.title = u"Outside the window"_s;
    older.categories = {u"cs.LG"_s};
    older.published = older.updated = ArxivCalendar::submissionWindow(day).start.addDays(-1);
    arxiv.addPaper(older);

    const auto window = ArxivCalendar::submissionWindow(day);
    const QString range = u"submittedDate:[%1 TO %2]"_s.arg(window.start.toString(u"yyyyMMddHHmm"_s),
                                                            window.end.addSecs(-60).toString(u"yyyyMMddHHmm"_s));
    QUrl url = arxiv.apiUrl();
    QUrlQuery q;
    q.addQueryItem(u"search_query"_s, u"(cat:cs.LG OR cat:cs.AI) AND "_s + range);
    q.addQueryItem(u"sortBy"_s, u"submittedDate"_s);
    q.addQueryItem(u"sortOrder"_s, u"ascending"_s);
    q.addQueryItem(u"start"_s, u"600"_s);
    q.addQueryItem(u"max_results"_s, u"100"_s);
    url.setQuery(q);
    QString error;
    const ApiResponse page = AtomParser::parse(get(url).body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(page.totalResults, 663); // not the paper from the day before
    QCOMPARE(page.startIndex, 600);
    QCOMPARE(page.papers.size(), 63);
    for (qsizetype i = 1; i < page.papers.size(); ++i)
        QVERIFY(page.papers.at(i - 1).published <= page.papers.at(i).published);

    // The newest-first walk (no range) sees the older paper last.
    const ApiResponse recent = AtomParser::parse(get(ArxivUrls::apiRecent(arxiv.apiUrl(), {u"cs.LG"_s}, 0, 1000)).body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(recent.totalResults, 444);
    QCOMPARE(recent.papers.last().arxivId, u"2510.00001"_s);
}

void TestFakeArxivServer::queuedFaultsComeFirst()
{
    FakeArxivServer arxiv;
    QVERIFY(arxiv.listen());
    FakeResponse busy = FakeResponse::text("busy", 503);
    busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    arxiv.queueResponse(FakeArxivServer::Service::Api, busy);
    const QUrl url = ArxivUrls::apiIdList(arxiv.apiUrl(), {u"2510.03438"_s});
    HttpResult r = get(url);
    QCOMPARE(r.status, 503);
    QCOMPARE(r.retryAfterSeconds().value_or(-1), 1);
    QCOMPARE(get(url).status, 200);
    QCOMPARE(get(ArxivUrls::rssFeed(arxiv.rssBaseUrl(), {u"cs.LG"_s})).status, 200); // the feed was not affected

    arxiv.setOverride(FakeArxivServer::Service::Rss, FakeResponse::text("down", 500));
    QCOMPARE(get(ArxivUrls::rssFeed(arxiv.rssBaseUrl(), {u"cs.LG"_s})).status, 500);
    QCOMPARE(get(ArxivUrls::rssFeed(arxiv.rssBaseUrl(), {u"cs.LG"_s})).status, 500);
    arxiv.setOverride(FakeArxivServer::Service::Rss, std::nullopt);
    QCOMPARE(get(ArxivUrls::rssFeed(arxiv.rssBaseUrl(), {u"cs.LG"_s})).status, 200);
}

QTEST_GUILESS_MAIN(TestFakeArxivServer)
#include "tst_fakearxivserver.moc"
