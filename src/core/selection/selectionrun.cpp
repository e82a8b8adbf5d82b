// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionrun.h"

#include "batchoutcome.h"
#include "batchplanner.h"
#include "batchrequest.h"
#include "costestimator.h"
#include "failurepolicy.h"
#include "llm/llmerrortext.h"
#include "llm/llmfailure.h"
#include "llm/llmproviders.h"
#include "llm/pricingtable.h"
#include "storage/llmrequestrepository.h"
#include "text/secrets.h"

#include <QTimer>

#include <algorithm>
#include <climits>

using namespace Qt::Literals::StringLiterals;

SelectionRun::SelectionRun(Database &db, HttpClient &http, const PricingTable &prices, SelectionConfig config,
                           QObject *parent)
    : QObject(parent)
    , m_ledger(db)
    , m_http(http)
    , m_prices(prices)
    , m_config(std::move(config))
{
    qRegisterMetaType<SelectionSummary>();
}

SelectionRun::~SelectionRun()
{
    // Destroyed mid-run (the process is quitting): what was answered is already committed.
    m_finished = true;
    abortAll();
}

void SelectionRun::start(qint64 runId, const QStringList &arxivIds)
{
    if (m_started)
        return;
    m_started = true;
    m_runId = runId;
    // Never emit from inside start(): callers connect after constructing, some after starting.
    QTimer::singleShot(0, this, [this, arxivIds] { begin(arxivIds); });
}

void SelectionRun::cancel()
{
    if (!m_started || m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_summary.cancelled = true;
    stopSending(tr("cancelled"));
    abortAll();
    m_inFlight.clear();
    m_inFlightEstimate = 0;
    maybeFinish();
}

void SelectionRun::abortAll()
{
    const QList<BatchPtr> flying = m_inFlight;
    for (const BatchPtr &b : flying) {
        if (b->retryTimer) {
            b->retryTimer->stop();
            b->retryTimer->deleteLater();
            b->retryTimer = nullptr;
        }
        m_http.cancel(b->ticket);
    }
}

void SelectionRun::failEarly(RunFailureKind kind, const QString &error)
{
    m_summary.error = error;
    m_summary.failure = kind;
    m_stopSending = true;
    maybeFinish();
}

void SelectionRun::begin(const QStringList &ids)
{
    if (m_finished || m_cancelled) {
        maybeFinish();
        return;
    }
    QString error;
    LlmProviderConfig providerConfig;
    providerConfig.baseUrl = m_config.baseUrl;
    providerConfig.apiKey = m_config.apiKey;
    m_provider = LlmProviders::create(m_config.provider, providerConfig, &error);
    if (!m_provider)
        return failEarly(m_config.apiKey.isEmpty() && LlmProviders::needsApiKey(m_config.provider) ? RunFailureKind::NoApiKey
                                                                                                   : RunFailureKind::BadSettings,
                         error);
    if (m_config.model.trimmed().isEmpty())
        return failEarly(RunFailureKind::BadSettings, tr("No LLM model is set."));

    m_criteriaId = m_ledger.criteriaVersion(m_config.criteria, &error);
    if (m_criteriaId <= 0)
        return failEarly(RunFailureKind::Database, tr("Cannot store the selection criteria: %1").arg(error));
    if (!loadPapers(ids, &error))
        return failEarly(RunFailureKind::Database, error);
    m_summary.priceKnown = m_prices.price(m_config.model).has_value();
    m_tier = CostEstimator::tierFor(m_config, m_prices);
    if (m_config.serviceTier == ServiceTier::Flex && m_tier != ServiceTier::Flex && m_provider->id() == u"openai")
        m_summary.notes.append(tr("%1 has no flex price in the price table, so it is sent at the standard tier.")
                                   .arg(m_config.model));
    planStage(m_config.titleFilter ? Stage::Title : Stage::Abstract);
}

bool SelectionRun::loadPapers(const QStringList &ids, QString *error)
{
    const std::optional<QList<Paper>> papers = m_ledger.papers(ids, &m_missingFromDb, error);
    if (!papers)
        return false;
    m_summary.considered = int(papers->size()) + m_missingFromDb;
    m_papers.reset(*papers, m_criteriaId, m_config.model);
    // Pay once: answers stored for the same criteria version, model and paper version are reused.
    const auto earlier = m_ledger.earlier(m_criteriaId, m_config.model, m_papers.allIds(), m_config.titleFilter, error);
    if (!earlier)
        return false;
    m_summary.reused = m_papers.reuse(*earlier);
    return true;
}

void SelectionRun::planStage(Stage stage)
{
    m_stage = stage;
    const QList<int> todo = m_papers.todo(stage == Stage::Title);
    m_stageTotal = int(todo.size());
    m_stageDone = 0;
    if (!todo.isEmpty()) {
        const int concurrency = BatchPlanner::effectiveConcurrency(m_config.concurrency);
        const int size = stage == Stage::Title
                             ? BatchPlanner::titleBatchSize(int(todo.size()), concurrency, m_config.titleBatchSize)
                             : BatchPlanner::abstractBatchSize(int(todo.size()), concurrency, m_config.abstractBatchSize);
        queueBatches(stage, todo, size, 0, false);
        // The first request goes alone to warm the cache, and so does the run's first request when the
        // fixed part is too short to be cached (the title stage): a wrong key, model or parameter then
        // costs one request, not one per batch of the first wave.
        const bool cacheable =
            CostEstimator::fixedPromptTokens(m_config, stage == Stage::Title) >= CostEstimator::kMinCachedPrefix;
        m_warmUpDue = m_pending.size() > 1 && concurrency > 1
                      && (cacheable ? m_config.warmPromptCache : m_summary.requests == 0);
    }
    emitProgress();
    pump();
    maybeFinish();
}

void SelectionRun::queueBatches(Stage stage, const QList<int> &items, int size, int round, bool front)
{
    QList<BatchPtr> batches;
    qsizetype at = 0;
    for (const int n : BatchPlanner::split(int(items.size()), size)) {
        auto b = std::make_shared<Batch>();
        b->stage = stage;
        b->items = items.mid(at, n);
        b->round = round;
        at += n;
        batches.append(b);
    }
    if (front)
        m_pending = batches + m_pending;
    else
        m_pending += batches;
}

void SelectionRun::pump()
{
    const int concurrency = BatchPlanner::effectiveConcurrency(m_config.concurrency);
    // While the stage's first request warms the provider's prompt cache, the others wait for it.
    while (!m_stopSending && !m_pending.isEmpty() && m_inFlight.size() < concurrency && !m_warmUp) {
        BatchPtr batch = m_pending.takeFirst();
        const bool title = batch->stage == Stage::Title;
        const int n = int(batch->items.size());
        batch->prompt = BatchRequests::prompt(m_config, title, m_papers.papers(batch->items));
        batch->call = BatchRequests::callOptions(m_config, batch->prompt, title, n, m_tier);
        batch->request = m_provider->buildRequest(batch->prompt, batch->call);
        // Budget: what is spent, plus what is on its way, plus this request, must stay under it.
        batch->estimateUsd = BatchRequests::estimateUsd(m_config, m_prices, batch->prompt, title, n, m_tier);
        if (m_config.budgetUsd > 0
            && m_summary.costUsd + m_inFlightEstimate + batch->estimateUsd > m_config.budgetUsd) {
            m_pending.prepend(batch);
            m_summary.budgetReached = true;
            stopSending(tr("the budget of $%1 was reached").arg(m_config.budgetUsd, 0, 'f', 2));
            break;
        }
        m_inFlight.append(batch);
        m_inFlightEstimate += batch->estimateUsd;
        if (m_warmUpDue) {
            m_warmUpDue = false;
            m_warmUp = batch;
        }
        send(batch);
    }
}

void SelectionRun::setTier(Batch &batch, ServiceTier tier) const
{
    BatchRequests::setTier(m_config, batch.call, tier);
    batch.request = m_provider->buildRequest(batch.prompt, batch.call);
}

void SelectionRun::send(const BatchPtr &batch)
{
    batch->retryTimer = nullptr;
    ++batch->attempt;
    ++m_summary.requests;
    batch->started = QDateTime::currentDateTimeUtc();
    batch->ticket = m_http.send(batch->request, this, [this, batch](const HttpResult &r) { onHttpDone(batch, r); });
}

void SelectionRun::onHttpDone(const BatchPtr &batch, const HttpResult &result)
{
    batch->ticket = {};
    if (m_warmUp == batch) {
        // Answered or failed: the cache is as warm as it gets, the others may go (also while this
        // one waits for a retry).
        m_warmUp.reset();
        QTimer::singleShot(0, this, [this] {
            if (!m_finished)
                pump();
        });
    }
    if (m_finished || !m_inFlight.contains(batch))
        return; // cancelled: nothing arrived that could be stored
    if (result.cancelled) {
        done(batch);
        return;
    }
    const LlmResponse response = m_provider->parseResponse(result.status, result.body);
    if (result.isSuccess() && response.isOk())
        handleAnswer(batch, result, response);
    else
        handleFailure(batch, result, response);
}

void SelectionRun::handleAnswer(const BatchPtr &batch, const HttpResult &result, const LlmResponse &response)
{
    const QStringList ids = m_papers.ids(batch->items);
    const BatchOutcome outcome = batch->stage == Stage::Title
                                     ? BatchOutcomes::fromTitleReply(ids, batch->round, response.text)
                                     : BatchOutcomes::fromAbstractReply(ids, batch->round, response.text, response.truncated);
    if (!commit(batch, outcome.status, result.status, outcome.problem, response, result.elapsedMs, m_papers.apply(outcome)))
        return;
    m_failedInARow = 0;
    m_stageDone += int(batch->items.size() - outcome.again.size());
    if (!outcome.again.isEmpty()) {
        QList<int> again;
        for (const QString &id : outcome.again)
            again.append(m_papers.indexOf(id));
        reask(batch, again);
    }
    done(batch);
}

void SelectionRun::reask(const BatchPtr &batch, const QList<int> &items)
{
    // Once, in smaller batches: a model that skipped papers in a long batch usually answers a short one.
    const int size = std::max(1, std::min<int>(int(items.size()), int(batch->items.size()) / 2));
    queueBatches(batch->stage, items, size, batch->round + 1, true);
}

void SelectionRun::handleFailure(const BatchPtr &batch, const HttpResult &result, const LlmResponse &response)
{
    using Action = FailureDecision::Action;
    LlmFailure failure = LlmFailures::classify(m_provider->displayName(), result, response, batch->call);
    // A server may echo the key in its error (any format, not only the patterns redactSecrets knows):
    // the message goes to the database, the digest and stderr, so the exact key is taken out first.
    failure.message = Secrets::scrub(failure.message, {m_config.apiKey});
    const FailedBatch facts{batch->stage == Stage::Title, int(batch->items.size()), batch->round, batch->attempt,
                            batch->call.serviceTier == ServiceTier::Flex, m_stopSending};
    const FailureDecision decision = FailurePolicy::decide(failure, result, facts, m_retry);
    // A refusal or an error may still have been billed: account for what the provider reports.
    QList<Score> rows;
    const bool title = batch->stage == Stage::Title;
    if (decision.action == Action::GiveUp && (!title || !decision.runLevel)) {
        for (const int i : batch->items) {
            m_papers.setState(i, title ? SelectionPapers::State::Kept : SelectionPapers::State::Unscored);
            if (!title)
                rows.append(m_papers.row(i, ScoreStage::Abstract, ScoreStatus::Unscored, decision.reason));
        }
    }
    if (!commit(batch, failure.status, result.status, failure.message, response, result.elapsedMs, rows))
        return;
    switch (decision.action) {
    case Action::RetryAtStandard:
        if (m_tier == ServiceTier::Flex) {
            m_tier = ServiceTier::Standard;
            m_summary.notes.append(tr("%1 does not offer the flex tier for %2 on this account; the run went on at the "
                                      "standard tier (set the tier to standard in the settings to skip the try).")
                                       .arg(m_provider->displayName(), m_config.model));
        }
        setTier(*batch, ServiceTier::Standard);
        ++m_summary.retries;
        send(batch); // nothing to wait for: the same request at the standard tier
        return;
    case Action::RetryLaterAtStandard:
        ++m_summary.flexFallbacks;
        setTier(*batch, ServiceTier::Standard);
        retryLater(batch, decision.delayMs, failure.message);
        return;
    case Action::Retry:
        retryLater(batch, decision.delayMs, failure.message);
        return;
    case Action::StopRun:
        noteRunFailure(failure, failure.message);
        stopSending(failure.message);
        break;
    case Action::Split:
        reask(batch, batch->items);
        break;
    case Action::GiveUp:
        m_stageDone += int(batch->items.size());
        // Circuit breaker: an outage ends the run after a few failed batches in a row instead of failing
        // every batch in turn; a failed pre-filter at once, so no paper skips it.
        if (!decision.runError.isEmpty())
            emit notice(decision.runError);
        if (decision.runLevel) {
            noteRunFailure(failure, decision.runError.isEmpty() ? failure.message : decision.runError);
            if (title || ++m_failedInARow >= kFailedBatchesInARow)
                stopSending(m_summary.error);
        }
        break;
    case Action::Abandon:
        break;
    }
    done(batch);
}

void SelectionRun::noteRunFailure(const LlmFailure &failure, const QString &error)
{
    if (!m_summary.error.isEmpty())
        return; // the first cause is the one to fix
    m_summary.error = error;
    m_summary.failure = failure.runFailure();
}

void SelectionRun::retryLater(const BatchPtr &batch, qint64 delayMs, const QString &why)
{
    // Every wait is said: a run that sits silently for minutes looks hung.
    emit notice(tr("%1; %n paper(s) asked again in %2 s (attempt %3 of %4)", nullptr, int(batch->items.size()))
                    .arg(why)
                    .arg(QString::number(double(delayMs) / 1000, 'f', delayMs < 10000 ? 1 : 0))
                    .arg(batch->attempt + 1)
                    .arg(m_retry.maxAttempts));
    batch->retryTimer = new QTimer(this);
    batch->retryTimer->setSingleShot(true);
    connect(batch->retryTimer, &QTimer::timeout, this, [this, batch] {
        if (batch->retryTimer)
            batch->retryTimer->deleteLater();
        batch->retryTimer = nullptr;
        if (m_finished || m_stopSending || !m_inFlight.contains(batch)) {
            if (m_inFlight.contains(batch))
                done(batch);
            return;
        }
        ++m_summary.retries;
        send(batch);
    });
    batch->retryTimer->start(int(std::clamp<qint64>(delayMs, 0, INT_MAX)));
}

bool SelectionRun::commit(const BatchPtr &batch, const QString &status, int httpStatus, const QString &error,
                          const LlmResponse &response, qint64 latencyMs, QList<Score> scores)
{
    const LlmUsage &usage = response.usage;
    // The tier the provider says it used decides the price (flex can be served at the standard tier).
    const ServiceTier tier = ServiceTiers::fromReply(response.serviceTier, batch->call.serviceTier);
    const LlmCost cost = m_prices.cost(m_config.model, usage, tier);
    LlmRequestRecord record;
    record.runId = m_runId;
    record.stage = batch->stage == Stage::Title ? u"title"_s : u"abstract"_s;
    record.provider = m_provider->id();
    record.model = m_config.model;
    record.started = batch->started;
    record.latencyMs = latencyMs;
    record.paperCount = int(batch->items.size());
    record.usage = usage;
    record.costUsd = cost.usd;
    record.serviceTier = ServiceTiers::name(tier);
    record.status = status;
    record.httpStatus = httpStatus;
    record.error = LlmErrorText::oneLine(Secrets::scrub(LlmErrorText::redactSecrets(error), {m_config.apiKey}), 500);

    QString dbError;
    if (!m_ledger.record(record, scores, &dbError)) {
        m_summary.error = tr("Cannot store the LLM's answer in the database: %1").arg(dbError);
        m_summary.failure = RunFailureKind::Database;
        stopSending(m_summary.error);
        abortAll();
        m_inFlight.clear();
        m_inFlightEstimate = 0;
        maybeFinish();
        return false;
    }
    m_summary.usage += usage;
    m_summary.costUsd += cost.usd;
    if (tier == ServiceTier::Flex && status == u"ok")
        ++m_summary.flexRequests;
    if (!cost.priceKnown)
        m_summary.priceKnown = false;
    return true;
}

void SelectionRun::stopSending(const QString &reason)
{
    if (m_stopSending)
        return;
    m_stopSending = true;
    m_stopReason = reason;
}

void SelectionRun::done(const BatchPtr &batch)
{
    if (m_inFlight.removeOne(batch))
        m_inFlightEstimate = std::max(0.0, m_inFlightEstimate - batch->estimateUsd);
    emitProgress();
    pump();
    maybeFinish();
}

void SelectionRun::maybeFinish()
{
    if (m_finished || m_finishQueued || !m_inFlight.isEmpty())
        return;
    if (!m_stopSending && !m_pending.isEmpty())
        return;
    if (!m_stopSending && m_stage == Stage::Title && m_provider) {
        planStage(Stage::Abstract);
        return;
    }
    m_finishQueued = true;
    QTimer::singleShot(0, this, [this] { finish(); });
}

void SelectionRun::finish()
{
    if (m_finished)
        return;
    // Papers that were never answered (budget, cancel, a fatal error) are stored as unscored with the
    // reason when the run ended by budget, so the digest lists them; cancel leaves no trace to redo.
    if (m_summary.budgetReached && m_criteriaId > 0) {
        QString error;
        if (!m_ledger.storeUnsent(m_papers.unsent(tr("not sent: %1").arg(m_stopReason)), m_runId, &error))
            qWarning("cannot store the papers left unscored by the budget: %s", qPrintable(error));
    }
    m_finished = true;
    m_papers.tally(m_config.relevanceCutoff, m_config.noveltyCutoff, &m_summary);
    emit finished(m_summary);
}

void SelectionRun::emitProgress()
{
    emit progress(m_stage == Stage::Title ? RunStage::PreFilter : RunStage::Scoring, std::min(m_stageDone, m_stageTotal),
                  m_stageTotal);
}
