// SPDX-License-Identifier: GPL-3.0-or-later
// The real day of 2025-10-07 (663 cs.LG/cs.AI papers) through SelectionRun against FakeLlmServer with a
// fixed latency per call and a model that agrees with the reference digest's 70 picks: requests,
// prompt/cached/completion tokens, cost at gpt-5 prices, wall time, and whether the picks are the same.
// Usage: bench_selection [--latency-ms 300] [--only NAME]
#include "fakellmserver.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "selection/batchplanner.h"
#include "selection/costestimator.h"
#include "selection/selectionrun.h"
#include "storage/database.h"
#include "storage/paperrepository.h"
#include "storage/scorerepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {
struct Pick
{
    int relevance = 0;
    int novelty = 0;
    QString comment;
};

struct Scenario
{
    QString name;
    int concurrency = 4;
    int titleBatch = 0;    // 0: automatic (BatchPlanner)
    int abstractBatch = 0; // 0: automatic
    ServiceTier tier = ServiceTier::Standard;
    bool warmUp = false;   // the stage's first request alone, the others read the cached fixed part
};

QList<Paper> loadDay(const QString &path)
{
    QList<Paper> papers;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        Paper p;
        p.arxivId = o.value(u"id"_s).toString();
        p.title = o.value(u"title"_s).toString();
        p.abstract = o.value(u"summary"_s).toString();
        p.comment = o.value(u"comment"_s).toString();
        for (const QJsonValue &a : o.value(u"authors"_s).toArray())
            p.authors.append(Author{a.toString(), {}, -1});
        for (const QJsonValue &c : o.value(u"categories"_s).toArray())
            p.categories.append(c.toString());
        p.primaryCategory = p.categories.value(0);
        papers.append(p);
    }
    return papers;
}

QHash<QString, Pick> loadPicks(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QHash<QString, Pick> picks;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(u"papers"_s).toArray()) {
        const QJsonObject o = v.toObject();
        picks.insert(o.value(u"arxivId"_s).toString(),
                     {o.value(u"relevance"_s).toInt(), o.value(u"novelty"_s).toInt(), o.value(u"comment"_s).toString()});
    }
    return picks;
}

struct Result
{
    SelectionSummary summary;
    qint64 wallMs = 0;
    int titleRequests = 0;
    int abstractRequests = 0;
    int maxConcurrent = 0;
    bool samePicks = false;
    int selected = 0;
    CostEstimate estimate;
};

Result runScenario(const Scenario &s, const QList<Paper> &papers, const QHash<QString, Pick> &picks, int latencyMs,
                   const PricingTable &prices)
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"bench.sqlite"_s));
    if (!db.open())
        qFatal("database: %s", qPrintable(db.errorString()));
    {
        PaperRepository repo(db);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Paper &p : papers)
            if (repo.upsert(p, now) <= 0)
                qFatal("cannot store %s", qPrintable(p.arxivId));
    }

    FakeLlmServer server;
    if (!server.listen())
        qFatal("cannot listen");
    server.setLatencyMs(latencyMs);
    server.registerPapers(papers);
    // A model that agrees with the reference: the title pre-filter drops everything it did not pick,
    // the abstract stage gives the picks the reference's own scores and comments.
    server.setTitleJudge([&picks](const FakeLlmPaper &p) { return !picks.contains(p.arxivId); });
    server.setJudge([&picks](const FakeLlmPaper &p) -> std::optional<FakeLlmJudgement> {
        if (const auto it = picks.constFind(p.arxivId); it != picks.cend())
            return FakeLlmJudgement{it->relevance, it->novelty, it->comment};
        return FakeLlmJudgement{3, 3, u"Outside the criteria."_s};
    });

    SelectionConfig config;
    config.criteria = Criteria::defaults();
    config.provider = u"openai"_s;
    config.model = u"gpt-5"_s;
    config.baseUrl = server.openAiBaseUrl();
    config.apiKey = u"bench"_s;
    config.concurrency = s.concurrency;
    config.titleBatchSize = s.titleBatch;
    config.abstractBatchSize = s.abstractBatch;
    config.serviceTier = s.tier;
    config.warmPromptCache = s.warmUp;

    HttpClient http;
    SelectionRun run(db, http, prices, config);
    Result r;
    r.estimate = CostEstimator::estimate(papers, config, prices);
    QEventLoop loop;
    QObject::connect(&run, &SelectionRun::finished, &loop, [&](const SelectionSummary &summary) {
        r.summary = summary;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    QStringList ids;
    for (const Paper &p : papers)
        ids.append(p.arxivId);
    run.start(0, ids);
    loop.exec();
    r.wallMs = clock.elapsed();
    r.titleRequests = server.callCount(FakeLlmCall::Stage::Title);
    r.abstractRequests = server.callCount(FakeLlmCall::Stage::Abstract);
    r.maxConcurrent = server.maxConcurrentRequests();

    QSet<QString> selected;
    const QList<Score> scores = ScoreRepository(db).forPapers(run.criteriaId(), config.model, ids);
    for (const Score &sc : scores)
        if (sc.stage == ScoreStage::Abstract && sc.status == ScoreStatus::Scored && sc.relevance >= 8 && sc.novelty >= 7)
            selected.insert(sc.arxivId);
    const QList<QString> pickIds = picks.keys();
    r.selected = int(selected.size());
    r.samePicks = selected == QSet<QString>(pickIds.cbegin(), pickIds.cend());
    return r;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption latency(u"latency-ms"_s, u"Fixed latency of every LLM call."_s, u"ms"_s, u"300"_s);
    QCommandLineOption only(u"only"_s, u"Run only the scenario with this name."_s, u"name"_s);
    parser.addOptions({latency, only});
    parser.process(app);
    const int latencyMs = parser.value(latency).toInt();

    const QString root = QStringLiteral(PAPERSIEVE_SOURCE_DIR);
    const QList<Paper> papers = loadDay(root + u"/bench/selection/data/2025-10-07.cs.LG+cs.AI.jsonl"_s);
    const QHash<QString, Pick> picks = loadPicks(root + u"/tests/support/testdata/digest/seed-2025-10-07.json"_s);
    const PricingTable prices = PricingTable::builtin();

    const int n = int(papers.size());
    const int refTitle = BatchPlanner::referenceBatchSize(n, 8);
    const int refAbstract = BatchPlanner::referenceBatchSize(int(picks.size()), 4);
    constexpr ServiceTier standard = ServiceTier::Standard;
    constexpr ServiceTier flex = ServiceTier::Flex;
    const QList<Scenario> scenarios = {
        {u"reference-rule"_s, 1, refTitle, refAbstract, standard, false},
        {u"reference-rule-c4"_s, 4, refTitle, refAbstract, standard, false},
        {u"auto-c4 standard, no warm-up"_s, 4, 0, 0, standard, false},
        {u"auto-c4 standard"_s, 4, 0, 0, standard, true},
        {u"auto-c2 flex"_s, 2, 0, 0, flex, true},
        {u"auto-c4 flex (default)"_s, 4, 0, 0, flex, true},
        {u"auto-c8 flex (capped at 6)"_s, 8, 0, 0, flex, true},
        {u"one-request-per-stage flex"_s, 4, n, int(picks.size()), flex, true},
    };
    constexpr double referenceUsd = 0.136; // issue 4: the reference tool's run of this day

    std::printf("Day 2025-10-07: %d papers, %d reference picks, %d ms per LLM call, model gpt-5 "
                "(input $1.25, cached $0.125, output $10 per 1M)\n\n",
                n, int(picks.size()), latencyMs);
    std::printf("| scenario | concurrency | title batch | abstract batch | tier | warm-up | requests (title+abstract) | "
                "prompt tokens | cached | completion | cost (gpt-5) | of reference | wall time | max parallel | same picks | "
                "estimate before run |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const Scenario &s : scenarios) {
        if (parser.isSet(only) && s.name != parser.value(only))
            continue;
        const Result r = runScenario(s, papers, picks, latencyMs, prices);
        const QString tb = s.titleBatch ? QString::number(s.titleBatch)
                                        : u"auto (%1)"_s.arg(BatchPlanner::titleBatchSize(n, s.concurrency));
        const QString ab = s.abstractBatch ? QString::number(s.abstractBatch)
                                           : u"auto (%1)"_s.arg(BatchPlanner::abstractBatchSize(int(picks.size()), s.concurrency));
        std::printf("| %s | %d | %s | %s | %s | %s | %d (%d+%d) | %lld | %lld | %lld | $%.4f | %.0f %% | %.2f s | %d | %s (%d) | "
                    "%d req, $%.3f |\n",
                    qPrintable(s.name), s.concurrency, qPrintable(tb), qPrintable(ab),
                    qPrintable(ServiceTiers::name(s.tier)), s.warmUp ? "yes" : "no", r.summary.requests,
                    r.titleRequests, r.abstractRequests, r.summary.usage.promptTokens, r.summary.usage.cachedTokens,
                    r.summary.usage.completionTokens, r.summary.costUsd, 100.0 * r.summary.costUsd / referenceUsd,
                    r.wallMs / 1000.0, r.maxConcurrent, r.samePicks ? "yes" : "NO", r.selected, r.estimate.requests(),
                    r.estimate.usd);
        std::fflush(stdout);
        if (!r.summary.error.isEmpty())
            std::printf("  error: %s\n", qPrintable(r.summary.error));
    }
    std::printf("\nReference tool on the same day (issue 4): 20 requests (14+6), 62,716 prompt tokens (5,760 cached), "
                "6,367 completion, $0.136, 6.8 s.\n");
    return 0;
}
