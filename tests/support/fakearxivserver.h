// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakehttpserver.h"

#include "arxiv/feeditem.h"
#include "domain/paper.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QStringList>
#include <QUrl>

#include <optional>

// arXiv as the tests see it, on top of FakeHttpServer (real HTTP/1.1 on 127.0.0.1):
//   GET /rss/<cat+cat>        the day's announcement feed (rss.arxiv.org RSS 2.0 format). By default
//                             the real fixture testdata/arxiv/rss_multi_cat_2026-09-24.xml; setRssBody()
//                             serves exact bytes, setDay()/loadDayJsonl() build the feed from items
//                             (then only the items carrying a requested category are listed).
//   GET /api/query?id_list=a,b  an Atom feed with exactly the stored papers asked for, in the order
//                             asked (export.arxiv.org format). Well-formed ids that are not stored are
//                             left out (totalResults counts what was found), a malformed id answers
//                             HTTP 400 with arXiv's error entry, as the real API does.
//   GET /api/query?search_query=...  (cat:A OR cat:B) [AND submittedDate:[YYYYMMDDHHMM TO ...]]
//                             [AND lastUpdatedDate:[...]], sortBy submittedDate|lastUpdatedDate,
//                             sortOrder, start, max_results: date-range and newest-first paging over
//                             the stored papers (for catch-up).
// Point the app at it with rssBaseUrl()/apiUrl() (settings or PAPERSIEVE_ARXIV_RSS_URL /
// PAPERSIEVE_ARXIV_API_URL, see exportEnvironment()). Faults: queueResponse()/setOverride() per
// service; everything else (latency, request log with receivedAtMs) through http().
class FakeArxivServer final : public QObject
{
    Q_OBJECT

public:
    enum class Service { Rss, Api };

    explicit FakeArxivServer(QObject *parent = nullptr);

    bool listen();
    FakeHttpServer &http() { return m_http; }

    QUrl rssBaseUrl() const; // http://127.0.0.1:<port>/rss/  (Endpoints::arxivRss)
    QUrl apiUrl() const;     // http://127.0.0.1:<port>/api/query  (Endpoints::arxivApi)
    // Sets PAPERSIEVE_ARXIV_RSS_URL and PAPERSIEVE_ARXIV_API_URL for this process (and its children).
    void exportEnvironment() const;
    static void clearEnvironment();

    // --- the feed
    void setRssBody(const QByteArray &xml);  // served as is for every /rss/ request
    // The feed of `day` listing these items (RSS built per request: only items in a requested category).
    void setDay(const QDate &day, const QList<FeedItem> &items);
    // An announcement-less day: channel with pubDate and skipDays, no items.
    void setNoAnnouncement(const QDate &day);

    // --- the API's records
    void addPaper(const Paper &paper);       // replaces a stored paper of the same id
    void addPapers(const QList<Paper> &papers);
    void removePaper(const QString &arxivId);
    void clearPapers() { m_papers.clear(); m_order.clear(); }
    std::optional<Paper> paper(const QString &arxivId) const;
    QList<Paper> papers() const;
    int paperCount() const { return int(m_papers.size()); }

    // A day from a /work/shared/data/days JSONL file (fields id, authors, title, categories, comment,
    // summary; primary category first): every record becomes a v1 paper submitted inside the day's
    // submission window (ArxivCalendar::submissionWindow), is added to the API's records, and the feed of `day`
    // lists it as "new" when its primary category is one of `categories`, else "cross".
    // Returns the feed items in feed order (new first, then cross, as arXiv lists them).
    QList<FeedItem> loadDayJsonl(const QByteArray &jsonl, const QDate &day,
                                 const QStringList &categories = {QStringLiteral("cs.LG"), QStringLiteral("cs.AI")});
    // The same records without touching the server (for benchmarks and parser tests).
    static QList<Paper> papersFromJsonl(const QByteArray &jsonl, const QDate &day);

    // --- faults: a queued response answers the next request of that service (FIFO, once each);
    // an override answers every request until cleared.
    void queueResponse(Service service, const FakeResponse &response, int times = 1);
    void setOverride(Service service, std::optional<FakeResponse> response);

    // Requests per service, in arrival order.
    QList<FakeRequest> requests(Service service) const;

    // --- documents in arXiv's formats (static: usable without a server)
    static QByteArray buildRss(const QDate &day, const QStringList &categories, const QList<FeedItem> &items);
    static QByteArray buildAtom(const QList<Paper> &papers, int totalResults, int startIndex, int itemsPerPage,
                                const QString &queryText);
    static QByteArray buildAtomError(const QString &badId); // arXiv's error feed for a malformed id
    static QByteArray defaultRss();                        // the real fixture

private:
    FakeResponse answerRss(const FakeRequest &request);
    FakeResponse answerApi(const FakeRequest &request);
    FakeResponse answerIdList(const QString &idList, const QString &queryText);
    FakeResponse answerSearch(const FakeRequest &request, const QString &queryText);
    std::optional<FakeResponse> takeFault(Service service);

    FakeHttpServer m_http;
    QByteArray m_rssBody;
    QDate m_day;
    QList<FeedItem> m_items;
    bool m_useItems = false;
    QHash<QString, Paper> m_papers;
    QStringList m_order; // insertion order, for stable answers
    QQueue<FakeResponse> m_queued[2];
    std::optional<FakeResponse> m_override[2];
};
