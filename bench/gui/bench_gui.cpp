// SPDX-License-Identifier: GPL-3.0-or-later
// The window's models over a large history: 100,000 papers with scores in a real SQLite file.
// Measures what one keystroke costs: a filter change on the proxy, a search-as-you-type step (FTS5),
// a sort, and the initial load. Target: < 50 ms per keystroke (docs/BENCHMARKS.md).
//
//   build/bench/bench_gui [papers [history.sqlite]]      (default 100000; the file is reused when it exists)

#include "models/paperfilterproxymodel.h"
#include "models/papertablemodel.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList kWords = {
    u"sparse"_s, u"mixture"_s, u"experts"_s, u"quantization"_s, u"pruning"_s, u"transformer"_s, u"attention"_s,
    u"diffusion"_s, u"reinforcement"_s, u"graph"_s, u"low-rank"_s, u"adaptation"_s, u"scaling"_s, u"laws"_s,
    u"representation"_s, u"learning"_s, u"benchmark"_s, u"language"_s, u"model"_s, u"efficient"_s, u"training"_s,
    u"inference"_s, u"kernel"_s, u"memory"_s, u"distributed"_s, u"optimizer"_s, u"federated"_s, u"robust"_s,
    u"causal"_s, u"contrastive"_s, u"vision"_s, u"retrieval"_s, u"theory"_s, u"generalization"_s, u"token"_s,
};
const QStringList kCategories = {u"cs.LG"_s, u"cs.AI"_s, u"cs.CL"_s, u"cs.CV"_s, u"stat.ML"_s, u"cs.DC"_s};

// Text with a realistic spread of words: a long tail of 20,000 rare "words" (Zipf-like) with the topic words
// sprinkled in, so a query word matches a few percent of the papers, as real ones do, not all of them.
QString word(QRandomGenerator &rng)
{
    if (rng.bounded(100) < 2)
        return kWords.at(rng.bounded(int(kWords.size())));
    const double u = rng.generateDouble();
    return u"w%1"_s.arg(int(20000 * u * u * u)); // skewed towards small numbers: common words
}

// A name made of letters ("Bqmd"), so prefixes spread over names as they do over real ones.
QString letters(int n)
{
    QString out;
    do {
        out.prepend(QChar(u'a' + n % 26));
        n /= 26;
    } while (n > 0);
    out.prepend(u"Kr"_s);
    out[0] = out[0].toUpper();
    return out;
}

QString sentence(QRandomGenerator &rng, int words)
{
    QStringList out;
    for (int i = 0; i < words; ++i)
        out << word(rng);
    return out.join(u' ');
}

bool fill(Database &db, int count)
{
    QRandomGenerator rng(42);
    const qint64 criteriaId = CriteriaRepository(db).saveIfNew(Criteria::defaults());
    Transaction tx(db.connection());
    QSqlQuery paper(db.connection());
    paper.prepare(u"INSERT INTO papers (id, arxiv_id, title, abstract, authors_text, primary_category, categories,"
                  " first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z')"_s);
    QSqlQuery ann(db.connection());
    ann.prepare(u"INSERT INTO announcements (paper_id, day, category, type) VALUES (?, ?, ?, 'new')"_s);
    QSqlQuery score(db.connection());
    score.prepare(u"INSERT INTO scores (paper_id, paper_version, criteria_id, model, stage, status, relevance, novelty,"
                  " comment, created) VALUES (?, 1, ?, 'gpt-5', 'abstract', 'scored', ?, ?, ?, '2025-01-01T00:00:00Z')"_s);
    const QDate first(2025, 1, 1);
    for (int i = 1; i <= count; ++i) {
        const QString cat = kCategories.at(rng.bounded(int(kCategories.size())));
        const QDate day = first.addDays(i / 900); // ~900 papers a day: ~110 days for 100,000
        paper.addBindValue(i);
        paper.addBindValue(u"25%1.%2"_s.arg(day.month(), 2, 10, QChar(u'0')).arg(i, 5, 10, QChar(u'0')));
        paper.addBindValue(sentence(rng, 10));
        paper.addBindValue(sentence(rng, 150));
        // Names from pools of 3,000 given and 30,000 family names: a surname is shared by a few papers.
        QStringList names;
        for (int a = 1 + rng.bounded(6); a > 0; --a)
            names << letters(rng.bounded(3000)) + u' ' + letters(int(30000 * std::pow(rng.generateDouble(), 2)));
        paper.addBindValue(names.join(u", "_s));
        paper.addBindValue(cat);
        paper.addBindValue(QString(cat + u" cs.LG"_s));
        if (!paper.exec()) {
            std::fprintf(stderr, "insert: %s\n", qPrintable(paper.lastError().text()));
            return false;
        }
        ann.addBindValue(i);
        ann.addBindValue(day.toString(Qt::ISODate));
        ann.addBindValue(cat);
        ann.exec();
        if (rng.bounded(100) < 70) { // most papers scored, as after the title pre-filter
            score.addBindValue(i);
            score.addBindValue(criteriaId);
            score.addBindValue(1 + rng.bounded(10));
            score.addBindValue(1 + rng.bounded(10));
            score.addBindValue(sentence(rng, 12));
            score.exec();
        }
    }
    return tx.commit();
}

struct Stats
{
    double median = 0, max = 0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.last()};
}

// The machine is shared: wall time includes waiting for a core, CPU time of this thread does not.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// One keystroke, timed both ways.
struct Timing
{
    QList<double> wall, cpu;
    template<typename F>
    void measure(F &&step)
    {
        QElapsedTimer k;
        const double c0 = threadCpuMs();
        k.start();
        step();
        wall << k.nsecsElapsed() / 1e6;
        cpu << threadCpuMs() - c0;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    // A second argument keeps the history in that file and reuses it on the next run (writing takes ~30 s).
    const QString keep = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const bool reuse = !keep.isEmpty() && QFile::exists(keep);
    QTemporaryDir dir;
    Database db(keep.isEmpty() ? dir.filePath(u"bench.sqlite"_s) : keep);
    if (!db.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    QElapsedTimer t;
    t.start();
    if (!reuse && !fill(db, count))
        return 1;
    if (reuse)
        std::printf("history: reusing %s\n", qPrintable(keep));
    else
        std::printf("history: %d papers written in %.1f s\n", count, t.elapsed() / 1000.0);

    PaperTableModel model(db);
    PaperFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setScope(PaperFilterProxyModel::Scope::All);
    t.restart();
    model.showHistory(count);
    proxy.sort(PaperTableModel::RankColumn, Qt::AscendingOrder);
    std::printf("load the whole history into the model + rank sort: %lld ms (%d rows)\n", t.elapsed(), model.rowCount());

    // Filter keystrokes: each is one change of the filter bar.
    Timing filter, category, scope, sorting, search;
    const QList<int> steps = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    for (int v : steps) {
        filter.measure([&] {
            proxy.setMinRelevance(v);
            proxy.rowCount(); // the view asks at once; the proxy may rebuild lazily
        });
    }
    for (const QString &c : kCategories) {
        category.measure([&] {
            proxy.setCategory(c);
            proxy.rowCount();
        });
    }
    proxy.setCategory({});
    for (auto s : {PaperFilterProxyModel::Scope::Relevant, PaperFilterProxyModel::Scope::Scored, PaperFilterProxyModel::Scope::All}) {
        scope.measure([&] {
            proxy.setScope(s);
            proxy.rowCount();
        });
    }
    // A header click on a column not sorted by before, then the keystrokes again on that order.
    for (int column : {int(PaperTableModel::RelevanceColumn), int(PaperTableModel::TitleColumn), int(PaperTableModel::AuthorsColumn), int(PaperTableModel::RankColumn)}) {
        sorting.measure([&] {
            proxy.sort(column, column == PaperTableModel::RankColumn ? Qt::AscendingOrder : Qt::DescendingOrder);
            proxy.rowCount();
        });
    }
    proxy.sort(PaperTableModel::TitleColumn, Qt::AscendingOrder);
    for (const QString &c : kCategories) {
        category.measure([&] {
            proxy.setCategory(c);
            proxy.rowCount();
        });
    }
    proxy.setCategory({});

    // The window shows one day (~900 papers) when the user starts typing, never the whole history: leaving
    // the 100,000 rows (freeing them) is timed on its own, not as the first search keystroke.
    Timing leave;
    leave.measure([&] {
        model.showDay(QDate(2025, 3, 1));
        proxy.rowCount();
    });
    std::printf("leave the 100,000-row history for one day (%d papers): %.1f ms, %.1f ms CPU\n", model.rowCount(),
                leave.wall.first(), leave.cpu.first());

    // Search as you type: every prefix of the query, as the window does it (FTS5, best 500).
    double slowestMs = 0;
    QString slowest;
    for (const QString &query : {u"quantization pruning"_s, u"sparse mixture experts"_s, letters(1234)}) {
        for (int n = 1; n <= query.size(); ++n) {
            search.measure([&] {
                model.showSearch(query.left(n), 500);
                proxy.rowCount();
            });
            if (search.wall.last() > slowestMs) {
                slowestMs = search.wall.last();
                slowest = query.left(n);
            }
        }
    }

    std::printf("\n%-44s %10s %10s %10s %10s\n", "per keystroke over the history", "median ms", "max ms", "CPU med", "CPU max");
    auto row = [](const char *what, const Timing &t) {
        const Stats w = stats(t.wall), c = stats(t.cpu);
        std::printf("%-44s %10.1f %10.1f %10.1f %10.1f\n", what, w.median, w.max, c.median, c.max);
    };
    row("filter: min relevance (20 changes)", filter);
    row("filter: category (12 changes, 2 sort orders)", category);
    row("filter: digest / scored / all", scope);
    row("sort by a column (a header click)", sorting);
    row("search as you type (FTS5, 500 best)", search);
    std::printf("slowest search: \"%s\" %.1f ms\n", qPrintable(slowest), slowestMs);
    double worst = 0, worstCpu = 0;
    for (const Timing *t : {&filter, &category, &scope, &search}) {
        worst = std::max(worst, stats(t->wall).max);
        worstCpu = std::max(worstCpu, stats(t->cpu).max);
    }
    std::printf("\nworst keystroke (filters + search): %.1f ms wall, %.1f ms CPU; target < 50 ms: %s\n", worst, worstCpu,
                worst < 50 ? "met" : worstCpu < 50 ? "met in CPU time (wall time includes waiting for a core)" : "NOT met");
    return 0;
}
