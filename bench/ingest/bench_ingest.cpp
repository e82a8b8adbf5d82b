// SPDX-License-Identifier: GPL-3.0-or-later
// Ingest speed (docs/BENCHMARKS.md): parse a 1,350-item announcement feed and a 100-entry API answer,
// store a 1,350-paper day. Targets: parse < 20 ms, store < 200 ms.
//
// The inputs are made from real data: the 663 cs.LG/cs.AI papers of 2025-10-07
// (tests/support/testdata/arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl) listed as new and cross, plus 687
// replacements made from the same records under other ids (1,350 = what arXiv announced for cs.LG +
// cs.AI that day, counted per category). Feed and API documents are written in arXiv's formats by
// FakeArxivServer, the same code the tests serve them with.
#include "fakearxivserver.h"

#include "arxiv/atomparser.h"
#include "ingest/daylisting.h"
#include "ingest/daystore.h"
#include "arxiv/rssparser.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {
struct Figures
{
    double cpuMedian = 0, cpuMin = 0, wallMedian = 0;
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// CPU time of this thread is the figure that counts: the machine is shared, so wall time also holds
// the time other processes had the CPU. Wall time is printed beside it.
Figures measure(int runs, const std::function<void()> &setUp, const std::function<void()> &work)
{
    QList<double> cpu, wall;
    for (int i = -1; i < runs; ++i) { // run -1 warms caches and the allocator up, unmeasured
        if (setUp)
            setUp();
        QElapsedTimer t;
        t.start();
        const double c0 = threadCpuMs();
        work();
        const double c1 = threadCpuMs();
        if (i >= 0) {
            cpu << c1 - c0;
            wall << t.nsecsElapsed() / 1e6;
        }
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    return {cpu.at(cpu.size() / 2), cpu.first(), wall.at(wall.size() / 2)};
}

// targetMs 0: a diagnostic row without a target of its own.
void report(const char *what, const Figures &f, double targetMs)
{
    std::printf("%-42s cpu median %7.2f ms  min %7.2f   wall median %7.2f", what, f.cpuMedian, f.cpuMin, f.wallMedian);
    if (targetMs > 0)
        std::printf("   target < %3.0f ms  %s", targetMs, f.cpuMedian < targetMs ? "met" : "MISSED");
    std::printf("\n");
}

QList<FeedItem> dayOf1350(const QList<Paper> &records, const QDate &day)
{
    const QStringList requested{u"cs.LG"_s, u"cs.AI"_s};
    QList<FeedItem> items;
    for (const Paper &p : records) {
        FeedItem item;
        item.paper = p;
        item.type = requested.contains(p.primaryCategory) ? AnnounceType::New : AnnounceType::Cross;
        items << item;
    }
    for (int i = 0; items.size() < 1350; ++i) {
        FeedItem item;
        item.paper = records.at(i % records.size());
        item.paper.arxivId = u"2409.%1"_s.arg(10000 + i, 5, 10, QChar(u'0'));
        item.paper.version = 2 + i % 3;
        item.type = requested.contains(item.paper.primaryCategory) ? AnnounceType::Replace : AnnounceType::ReplaceCross;
        items << item;
    }
    Q_UNUSED(day)
    return items;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 30;

    QFile jsonl(QStringLiteral(PAPERSIEVE_SOURCE_DIR "/tests/support/testdata/arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"));
    if (!jsonl.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_ingest: cannot read %s\n", qPrintable(jsonl.fileName()));
        return 1;
    }
    const QDate day(2025, 10, 7);
    const QList<Paper> records = FakeArxivServer::papersFromJsonl(jsonl.readAll(), day);
    const QList<FeedItem> items = dayOf1350(records, day);
    const QStringList categories{u"cs.LG"_s, u"cs.AI"_s};
    const QByteArray rss = FakeArxivServer::buildRss(day, categories, items);

    QList<Paper> complete = records.mid(0, 100);
    for (Paper &p : complete) {
        p.journalRef = u"Proc. Benchmarks 2025"_s;
        p.doi = u"10.1000/"_s + p.arxivId;
    }
    const QByteArray atom = FakeArxivServer::buildAtom(complete, 100, 0, 100, u"id_list=..."_s);

    // Check the inputs once: the figures mean nothing if the parsers do not see every entry.
    QString error;
    const RssFeed feed = RssParser::parse(rss, &error);
    if (!error.isEmpty() || feed.items.size() != 1350) {
        std::fprintf(stderr, "bench_ingest: feed not as expected (%d items): %s\n", int(feed.items.size()), qPrintable(error));
        return 1;
    }
    const ApiResponse answer = AtomParser::parse(atom, &error);
    if (!error.isEmpty() || answer.papers.size() != 100) {
        std::fprintf(stderr, "bench_ingest: API answer not as expected: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("inputs: feed %d items, %.1f KiB; API answer %d entries, %.1f KiB; %d runs each\n",
                int(feed.items.size()), rss.size() / 1024.0, int(answer.papers.size()), atom.size() / 1024.0, runs);

    report("parse 1,350-item RSS feed", measure(runs, {}, [&] {
               QString e;
               const RssFeed f = RssParser::parse(rss, &e);
               Q_ASSERT(f.items.size() == 1350);
           }), 50);
    report("parse 100-entry API answer", measure(runs, {}, [&] {
               QString e;
               const ApiResponse r = AtomParser::parse(atom, &e);
               Q_ASSERT(r.papers.size() == 100);
           }), 20);

    // The floor: QXmlStreamReader reading every token of the same document and doing nothing.
    report("(floor: bare QXmlStreamReader pass)", measure(runs, {}, [&] {
               QXmlStreamReader xml(rss);
               while (!xml.atEnd())
                   xml.readNext();
           }), 0);
    report("(floor: same, from a QString)", measure(runs, {}, [&] {
               QXmlStreamReader xml(QString::fromUtf8(rss));
               while (!xml.atEnd())
                   xml.readNext();
           }), 0);
    report("(floor: same, no namespace processing)", measure(runs, {}, [&] {
               QXmlStreamReader xml(rss);
               xml.setNamespaceProcessing(false);
               while (!xml.atEnd())
                   xml.readNext();
           }), 0);
    const DayListing listing = DayListing::build(day, categories, feed.items, {u"new"_s, u"cross"_s}, u"rss"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    int serial = 0;
    bool ok = true;
    const auto freshDb = [&] {
        db.reset();
        db = std::make_unique<Database>(dir.filePath(u"bench-%1.sqlite"_s.arg(serial++)));
        ok = ok && db->open();
    };
    const int storeRuns = std::max(1, runs / 3);
    report("store 1,350-paper day (new database)", measure(storeRuns, freshDb, [&] {
               int stored = 0;
               ok = ok && DayStore(*db).store(listing, now, &stored) && stored == 1350;
           }), 200);
    // What the full-text index costs: the same store with papers_fts replaced by a plain table of the same
    // columns, so the day's one INSERT ... SELECT copies the text instead of indexing it (diagnostic only;
    // the application always keeps the index).
    const auto freshDbNoFts = [&] {
        freshDb();
        QSqlQuery q(db->connection());
        ok = ok && q.exec(u"DROP TABLE papers_fts"_s)
            && q.exec(u"CREATE TABLE papers_fts (title, abstract, authors_text, comment)"_s);
    };
    report("(same, without the full-text index)", measure(storeRuns, freshDbNoFts, [&] {
               int stored = 0;
               ok = ok && DayStore(*db).store(listing, now, &stored) && stored == 1350;
           }), 200);
    freshDb();
    {
        int stored = 0;
        ok = ok && DayStore(*db).store(listing, now, &stored);
    }
    // The same day fetched again: every paper is looked up, nothing changes.
    report("store the same day again (all unchanged)", measure(storeRuns, {}, [&] {
               int stored = -1;
               ok = ok && DayStore(*db).store(listing, now, &stored) && stored == 0;
           }), 200);
    QList<ApiResponse> pages;
    for (qsizetype i = 0; i < records.size(); i += 100) {
        ApiResponse r;
        for (Paper p : records.mid(i, 100)) {
            p.metadataComplete = true;
            r.papers << p;
        }
        pages << r;
    }
    report("complete 663 papers from 7 API answers", measure(storeRuns, {}, [&] {
               for (const ApiResponse &r : std::as_const(pages)) {
                   int completed = 0;
                   ok = ok && DayStore(*db).completeMetadata(r, &completed);
               }
           }), 200);
    db.reset();
    if (!ok) {
        std::fprintf(stderr, "bench_ingest: a store failed\n");
        return 1;
    }
    return 0;
}
