// SPDX-License-Identifier: GPL-3.0-or-later
// CostEstimator: the same batching as SelectionRun, and close to what a run really costs.
#include "fakellmserver.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "selection/batchplanner.h"
#include "selection/costestimator.h"
#include "selection/selectionrun.h"
#include "selectionfixture.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestCostEstimator : public QObject
{
    Q_OBJECT

private slots:
    void batchPlannerRule();
    void countsRequestsLikeTheRun();
    void reasoningAndPrices();
    void estimateIsCloseToARealRun();
};

void TestCostEstimator::batchPlannerRule()
{
    // One wave of `concurrency` requests per stage, within the bounds.
    QCOMPARE(BatchPlanner::titleBatchSize(663, 4), 166);
    QCOMPARE(BatchPlanner::abstractBatchSize(70, 4), 18);
    QCOMPARE(BatchPlanner::titleBatchSize(10, 4), BatchPlanner::kMinTitleBatch);
    QCOMPARE(BatchPlanner::abstractBatchSize(1000, 4), BatchPlanner::kMaxAbstractBatch);
    QCOMPARE(BatchPlanner::titleBatchSize(2000, 4), BatchPlanner::kMaxTitleBatch);
    QCOMPARE(BatchPlanner::abstractBatchSize(70, 4, 5), 5); // the user's setting wins
    QCOMPARE(BatchPlanner::effectiveConcurrency(16), 6);   // Qt's per-host connection limit
    QCOMPARE(BatchPlanner::effectiveConcurrency(0), 1);
    QCOMPARE(BatchPlanner::titleBatchSize(663, 16), BatchPlanner::titleBatchSize(663, 6));
    QCOMPARE(BatchPlanner::split(70, 18), (QList<int>{18, 18, 17, 17}));
    QCOMPARE(BatchPlanner::split(0, 5), QList<int>());
    // The reference tool's rule on the benchmark day: 48 titles, 12 abstracts (for 70 kept papers).
    QCOMPARE(BatchPlanner::referenceBatchSize(663, 8), 48);
    QCOMPARE(BatchPlanner::referenceBatchSize(70, 4), 12);
    QCOMPARE(BatchPlanner::referenceBatchSize(20, 4), 4);
}

void TestCostEstimator::countsRequestsLikeTheRun()
{
    SelectionConfig c;
    c.criteria = Criteria::defaults();
    c.model = u"gpt-5"_s;
    c.reasoningEffort = u"minimal"_s;
    c.concurrency = 4;
    const PricingTable prices = PricingTable::builtin();
    const CostEstimate e = CostEstimator::estimate(663, c, prices);
    QCOMPARE(e.papers, 663);
    QCOMPARE(e.titleRequests, 4);   // 663 titles in one wave of 4
    QCOMPARE(e.scoredPapers, 100);  // 15 % kept by the pre-filter
    QCOMPARE(e.abstractRequests, 4);
    QVERIFY(e.priceKnown);
    QVERIFY(e.usd > 0.05 && e.usd < 0.5);
    QCOMPARE(e.usage.reasoningTokens, 0);

    c.titleFilter = false;
    const CostEstimate all = CostEstimator::estimate(663, c, prices);
    QCOMPARE(all.titleRequests, 0);
    QCOMPARE(all.scoredPapers, 663);
    QCOMPARE(all.abstractRequests, 27); // at most 25 abstracts per request
    QVERIFY(all.usd > e.usd * 3);

    c.abstractBatchSize = 10;
    QCOMPARE(CostEstimator::estimate(663, c, prices).abstractRequests, 67);
    QCOMPARE(CostEstimator::estimate(0, c, prices).requests(), 0);
    QCOMPARE(CostEstimator::estimate(0, c, prices).usd, 0.0);
}

void TestCostEstimator::reasoningAndPrices()
{
    SelectionConfig c;
    c.criteria = Criteria::defaults();
    c.model = u"gpt-5"_s;
    const PricingTable prices = PricingTable::builtin();
    const CostEstimate medium = CostEstimator::estimate(300, c, prices); // gpt-5 default effort
    c.reasoningEffort = u"minimal"_s;
    const CostEstimate minimal = CostEstimator::estimate(300, c, prices);
    c.reasoningEffort = u"high"_s;
    const CostEstimate high = CostEstimator::estimate(300, c, prices);
    QVERIFY(minimal.usd < medium.usd);
    QVERIFY(medium.usd < high.usd);
    QVERIFY(medium.usage.reasoningTokens > 0);
    c.model = u"gpt-5-mini"_s;
    QVERIFY(CostEstimator::estimate(300, c, prices).usd < high.usd / 3);
    c.model = u"llama3.1:8b"_s;
    const CostEstimate local = CostEstimator::estimate(300, c, prices);
    QVERIFY(!local.priceKnown);
    QCOMPARE(local.usd, 0.0);
    QVERIFY(local.usage.promptTokens > 0); // tokens are still estimated
}

void TestCostEstimator::estimateIsCloseToARealRun()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(60);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.registerPapers(papers);
    // Keep 9 of 60 (15 %), as the estimate assumes.
    server.setTitleJudge([](const FakeLlmPaper &p) {
        const int n = p.arxivId.right(2).toInt();
        return !(n % 7 == 0 || n == 1);
    });
    // Comments as long as the reference digest's (173 characters on average).
    server.setJudge([](const FakeLlmPaper &p) -> std::optional<FakeLlmJudgement> {
        FakeLlmJudgement j = FakeLlmServer::defaultJudgement(p.arxivId);
        j.comment = u"Matches criterion 2 (compression): a low-rank, sparsity-aware method with a new analysis of "
                    "training dynamics; relevant to efficiency, though partly application-driven."_s;
        return j;
    });
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.reasoningEffort = u"minimal"_s;
    config.concurrency = 4;
    const PricingTable prices = PricingTable::builtin();
    CostAssumptions a;
    a.cacheFixedPart = false; // one wave per stage: nothing is cached
    const CostEstimate e = CostEstimator::estimate(papers, config, prices, a);
    HttpClient http;
    SelectionRun run(fx.db(), http, prices, config);
    const auto s = SelectionFixture::runToEnd(run, 0, SelectionFixture::ids(papers));
    QVERIFY(s);
    QCOMPARE(e.requests(), s->requests);
    const double ratio = double(e.usage.promptTokens) / double(s->usage.promptTokens);
    QVERIFY2(ratio > 0.85 && ratio < 1.15, qPrintable(u"estimated %1 prompt tokens, sent %2"_s.arg(e.usage.promptTokens).arg(s->usage.promptTokens)));
    QVERIFY2(e.usd > s->costUsd * 0.6 && e.usd < s->costUsd * 1.6,
             qPrintable(u"estimated $%1, spent $%2"_s.arg(e.usd).arg(s->costUsd)));
}

QTEST_GUILESS_MAIN(TestCostEstimator)
#include "tst_costestimator.moc"
