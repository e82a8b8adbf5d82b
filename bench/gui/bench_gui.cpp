// SPDX-License-Identifier: GPL-3.0-or-later
// The window's models over a large history: 100,000 papers with scores in a real SQLite file.
// Measures what one keystroke costs: a filter change on the proxy, a search-as-you-type step (FTS5),
// a sort, and the initial load. Target: < 50 ms per keystroke (docs/BENCHMARKS.md).
//
//   build/bench/bench_gui [papers]      (default 100000)

#include "models/paperfilterproxymodel.h"
#include "models/papertablemodel.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>

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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    Database db(dir.filePath(u"bench.sqlite"_s));
    if (!db.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    QElapsedTimer t;
    t.start();
    if (!fill(db, count))
        return 1;
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
    QList<double> filterMs;
    const QList<int> steps = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    for (int v : steps) {
        QElapsedTimer k;
        k.start();
        proxy.setMinRelevance(v);
        proxy.rowCount(); // the view asks at once; the proxy may rebuild lazily
        filterMs << k.nsecsElapsed() / 1e6;
    }
    QList<double> categoryMs;
    for (const QString &c : kCategories) {
        QElapsedTimer k;
        k.start();
        proxy.setCategory(c);
        proxy.rowCount();
        categoryMs << k.nsecsElapsed() / 1e6;
    }
    proxy.setCategory({});
    QList<double> scopeMs;
    for (auto s : {PaperFilterProxyModel::Scope::Relevant, PaperFilterProxyModel::Scope::Scored, PaperFilterProxyModel::Scope::All}) {
        QElapsedTimer k;
        k.start();
        proxy.setScope(s);
        proxy.rowCount();
        scopeMs << k.nsecsElapsed() / 1e6;
    }
    QList<double> sortMs;
    for (int column : {int(PaperTableModel::RelevanceColumn), int(PaperTableModel::TitleColumn), int(PaperTableModel::RankColumn)}) {
        QElapsedTimer k;
        k.start();
        proxy.sort(column, Qt::DescendingOrder);
        proxy.rowCount();
        sortMs << k.nsecsElapsed() / 1e6;
    }

    // Search as you type: every prefix of the query, as the window does it (FTS5, best 500).
    QList<double> searchMs;
    double slowestMs = 0;
    QString slowest;
    for (const QString &query : {u"quantization pruning"_s, u"sparse mixture experts"_s, letters(1234)}) {
        for (int n = 1; n <= query.size(); ++n) {
            QElapsedTimer k;
            k.start();
            model.showSearch(query.left(n), 500);
            searchMs << k.nsecsElapsed() / 1e6;
            if (searchMs.last() > slowestMs) {
                slowestMs = searchMs.last();
                slowest = query.left(n);
            }
        }
    }

    const Stats f = stats(filterMs), c = stats(categoryMs), s = stats(scopeMs), o = stats(sortMs), q = stats(searchMs);
    std::printf("\n%-44s %10s %10s\n", "per keystroke over the history", "median ms", "max ms");
    std::printf("%-44s %10.1f %10.1f\n", "filter: min relevance (20 changes)", f.median, f.max);
    std::printf("%-44s %10.1f %10.1f\n", "filter: category (6 changes)", c.median, c.max);
    std::printf("%-44s %10.1f %10.1f\n", "filter: digest / scored / all", s.median, s.max);
    std::printf("%-44s %10.1f %10.1f\n", "sort by a column", o.median, o.max);
    std::printf("%-44s %10.1f %10.1f\n", "search as you type (FTS5, 500 best)", q.median, q.max);
    std::printf("slowest search: \"%s\" %.1f ms\n", qPrintable(slowest), slowestMs);
    const double worst = std::max({f.max, c.max, s.max, q.max});
    std::printf("\nworst keystroke (filters + search): %.1f ms; target < 50 ms: %s\n", worst, worst < 50 ? "met" : "NOT met");
    return 0;
}
