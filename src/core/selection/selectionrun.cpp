// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionrun.h"

#include "batchplanner.h"
#include "costestimator.h"
#include "domain/digestrule.h"
#include "llm/llmerrortext.h"
#include "llm/llmprovider.h"
#include "llm/llmproviders.h"
#include "llm/pricingtable.h"
#include "promptbuilder.h"
#include "scoreparser.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/llmrequestrepository.h"
#include "storage/paperrepository.h"
#include "storage/scorerepository.h"
#include "storage/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
// Gemini says when to come back in the error body (google.rpc.RetryInfo "retryDelay": "7s"), not in a
// Retry-After header.
std::optional<int> retryDelayFromBody(const QByteArray &body)
{
    const QJsonArray details = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject().value(u"details"_s).toArray();
    static const QRegularExpression seconds(u"^(\\d+(?:\\.\\d+)?)s$"_s);
    for (const QJsonValue &d : details) {
        const auto m = seconds.match(d.toObject().value(u"retryDelay"_s).toString());
        if (m.hasMatch())
            return int(std::ceil(m.captured(1).toDouble()));
    }
    return std::nullopt;
}

// The key is wrong or lacks access: every further request would fail the same way. Gemini says so
// with a 400 (INVALID_ARGUMENT, reason API_KEY_INVALID), not a 401.
bool keyRejected(int status, const QByteArray &body)
{
    return status == 401 || status == 403
           || (status == 400 && (body.contains("API_KEY_INVALID") || body.contains("API key not valid")));
}

// The prompt is over the model's context window or the server's request limit, in each provider's
// words (OpenAI context_length_exceeded, Anthropic "prompt is too long", Gemini "input token count ...
// exceeds"): half the papers will fit where the whole batch did not.
bool promptTooLarge(int status, const QByteArray &body)
{
    if (status == 413)
        return true;
    return status == 400
           && (body.contains("context_length_exceeded") || body.contains("maximum context length")
               || body.contains("prompt is too long") || body.contains("exceeds the maximum number of tokens"));
}
} // namespace

SelectionRun::SelectionRun(Database &db, HttpClient &http, const PricingTable &prices, SelectionConfig config,
                           QObject *parent)
    : QObject(parent)
    , m_db(db)
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

    m_criteriaId = CriteriaRepository(m_db).saveIfNew(m_config.criteria, &error);
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
    QStringList unique;
    QSet<QString> seen;
    for (const QString &id : ids)
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            unique.append(id);
        }
    m_summary.considered = int(unique.size());

    PaperRepository papers(m_db);
    QStringList found;
    for (const QString &id : std::as_const(unique)) {
        const std::optional<Paper> p = papers.find(id);
        if (!p) {
            ++m_missingFromDb;
            continue;
        }
        m_items.append(Item{*p});
        found.append(id);
    }
    if (m_items.isEmpty() && !unique.isEmpty() && !papers.errorString().isEmpty()) {
        *error = tr("Cannot read the papers from the database: %1").arg(papers.errorString());
        return false;
    }

    // Pay once: answers stored for the same criteria version, model and paper version are reused.
    ScoreRepository scores(m_db);
    const QHash<QString, Score> abstracts = scores.existing(m_criteriaId, m_config.model, ScoreStage::Abstract, found);
    const QHash<QString, Score> titles = m_config.titleFilter
                                             ? scores.existing(m_criteriaId, m_config.model, ScoreStage::TitleFilter, found)
                                             : QHash<QString, Score>();
    for (Item &item : m_items) {
        const QString &id = item.paper.arxivId;
        if (const auto a = abstracts.constFind(id); a != abstracts.cend() && a->status == ScoreStatus::Scored) {
            item.state = State::Scored;
            item.relevance = a->relevance;
            item.novelty = a->novelty;
            ++m_summary.reused;
        } else if (const auto t = titles.constFind(id); t != titles.cend()) {
            if (t->status == ScoreStatus::Dropped) {
                item.state = State::Dropped;
                ++m_summary.reused;
            } else if (t->status == ScoreStatus::Kept) {
                item.state = State::Kept;
            }
        }
    }
    return true;
}

void SelectionRun::planStage(Stage stage)
{
    m_stage = stage;
    QList<int> todo;
    for (int i = 0; i < m_items.size(); ++i) {
        const State s = m_items.at(i).state;
        if (stage == Stage::Title ? s == State::Pending : (s == State::Pending || s == State::Kept))
            todo.append(i);
    }
    m_stageTotal = int(todo.size());
    m_stageDone = 0;
    if (!todo.isEmpty()) {
        const int concurrency = BatchPlanner::effectiveConcurrency(m_config.concurrency);
        const int size = stage == Stage::Title
                             ? BatchPlanner::titleBatchSize(int(todo.size()), concurrency, m_config.titleBatchSize)
                             : BatchPlanner::abstractBatchSize(int(todo.size()), concurrency, m_config.abstractBatchSize);
        queueBatches(stage, todo, size, 0, false);
        m_warmUpDue = m_config.warmPromptCache && m_pending.size() > 1 && concurrency > 1
                      && CostEstimator::fixedPromptTokens(m_config, stage == Stage::Title) >= CostEstimator::kMinCachedPrefix;
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

QList<Paper> SelectionRun::papersOf(const Batch &batch) const
{
    QList<Paper> out;
    for (const int i : batch.items)
        out.append(m_items.at(i).paper);
    return out;
}

QStringList SelectionRun::idsOf(const Batch &batch) const
{
    QStringList out;
    for (const int i : batch.items)
        out.append(m_items.at(i).paper.arxivId);
    return out;
}

int SelectionRun::answerBudget(const Batch &batch) const
{
    // Room for the answer plus the reasoning a reasoning model may spend first: a cut-off answer
    // is paid for and useless, so be generous (the limit is not what is billed).
    const int n = int(batch.items.size());
    const int answer = batch.stage == Stage::Title ? 64 + 8 * n : 256 + 200 * n;
    if (LlmProvider::isOpenAiReasoningModel(m_config.model))
        return std::max(answer + 4000 * std::max(1, n / 4), 16000);
    return answer;
}

void SelectionRun::pump()
{
    const int concurrency = BatchPlanner::effectiveConcurrency(m_config.concurrency);
    // While the stage's first request warms the provider's prompt cache, the others wait for it.
    while (!m_stopSending && !m_pending.isEmpty() && m_inFlight.size() < concurrency && !m_warmUp) {
        BatchPtr batch = m_pending.takeFirst();
        const QList<Paper> papers = papersOf(*batch);
        PromptBuilder::Options options;
        options.includeAuthors = m_config.includeAuthors;
        batch->prompt = batch->stage == Stage::Title ? PromptBuilder::titleBatch(m_config.criteria, papers)
                                                     : PromptBuilder::abstractBatch(m_config.criteria, papers, options);
        batch->call.model = m_config.model;
        batch->call.reasoningEffort = m_config.reasoningEffort;
        batch->call.maxOutputTokens = answerBudget(*batch);
        batch->call.cacheKey = PromptBuilder::cacheKey(batch->prompt);
        setTier(*batch, m_tier);

        // Budget: what is spent, plus what is on its way, plus this request, must stay under it.
        LlmUsage expected;
        expected.promptTokens =
            CostEstimator::tokens(batch->prompt.system.toUtf8().size() + batch->prompt.user.toUtf8().size());
        expected.completionTokens = CostEstimator::answerTokens(batch->stage == Stage::Title, int(batch->items.size()), m_config);
        batch->estimateUsd = m_prices.cost(m_config.model, expected, batch->call.serviceTier).usd;
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
    batch.call.serviceTier = tier;
    batch.call.timeoutMs = tier == ServiceTier::Flex ? std::max(m_config.timeoutMs, m_config.flexTimeoutMs)
                                                     : m_config.timeoutMs;
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

Score SelectionRun::scoreFor(int item, ScoreStage stage, ScoreStatus status, const QString &reason) const
{
    Score s;
    s.arxivId = m_items.at(item).paper.arxivId;
    s.paperVersion = m_items.at(item).paper.version;
    s.criteriaId = m_criteriaId;
    s.model = m_config.model;
    s.stage = stage;
    s.status = status;
    s.reason = reason;
    return s;
}

void SelectionRun::markUnscored(const QList<int> &items, const QString &reason, QList<Score> *rows)
{
    for (const int i : items) {
        m_items[i].state = State::Unscored;
        rows->append(scoreFor(i, ScoreStage::Abstract, ScoreStatus::Unscored, reason));
    }
}

void SelectionRun::handleAnswer(const BatchPtr &batch, const HttpResult &result, const LlmResponse &response)
{
    const QStringList ids = idsOf(*batch);
    QList<Score> rows;
    QList<int> again;
    QString status = u"ok"_s;
    QString problem;

    if (batch->stage == Stage::Title) {
        const TitleReply reply = ScoreParser::parseTitleReply(response.text, ids);
        if (reply.ok) {
            const QSet<QString> drop(reply.drop.cbegin(), reply.drop.cend());
            for (const int i : batch->items) {
                const bool dropped = drop.contains(m_items.at(i).paper.arxivId);
                m_items[i].state = dropped ? State::Dropped : State::Kept;
                rows.append(scoreFor(i, ScoreStage::TitleFilter, dropped ? ScoreStatus::Dropped : ScoreStatus::Kept,
                                     dropped ? tr("the title pre-filter found it outside the criteria") : QString()));
            }
            problem = reply.problems.join(u"; "_s);
        } else {
            status = u"parse_error"_s;
            problem = reply.problems.join(u"; "_s);
            if (batch->round == 0) {
                again = batch->items;
            } else {
                // If in doubt, keep: the abstract stage decides (the pre-filter only drops sure misses).
                for (const int i : batch->items) {
                    m_items[i].state = State::Kept;
                    rows.append(scoreFor(i, ScoreStage::TitleFilter, ScoreStatus::Kept,
                                         tr("kept: the pre-filter's reply was unusable twice (%1)").arg(problem)));
                }
            }
        }
    } else {
        const AbstractReply reply = ScoreParser::parseAbstractReply(response.text, ids);
        QHash<QString, int> index;
        for (const int i : batch->items)
            index.insert(m_items.at(i).paper.arxivId, i);
        for (const ParsedScore &s : reply.scores) {
            const int i = index.value(s.arxivId);
            Score row = scoreFor(i, ScoreStage::Abstract, ScoreStatus::Scored);
            row.relevance = s.relevance;
            row.novelty = s.novelty;
            row.comment = s.comment;
            rows.append(row);
            m_items[i].state = State::Scored;
            m_items[i].relevance = s.relevance;
            m_items[i].novelty = s.novelty;
        }
        if (!reply.foundJson)
            status = u"parse_error"_s;
        problem = reply.problems.join(u"; "_s);
        if (response.truncated)
            problem = (problem.isEmpty() ? QString() : problem + u"; "_s) + tr("the answer was cut off at the output limit");
        QList<int> missing;
        for (const QString &id : reply.missing)
            missing.append(index.value(id));
        if (!missing.isEmpty()) {
            if (batch->round == 0) {
                again = missing;
            } else {
                for (const int i : std::as_const(missing)) {
                    const QString why = reply.whyMissing.value(m_items.at(i).paper.arxivId);
                    m_items[i].state = State::Unscored;
                    rows.append(scoreFor(i, ScoreStage::Abstract, ScoreStatus::Unscored,
                                         tr("asked twice, no usable answer: %1").arg(why)));
                }
            }
        }
    }

    if (!commit(batch, status, result.status, problem, response, result.elapsedMs, rows))
        return;
    m_stageDone += int(batch->items.size() - again.size());
    if (!again.isEmpty())
        reask(batch, again);
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
    QString error;
    QString status;
    if (result.timedOut) {
        status = u"timeout"_s;
        error = (batch->call.serviceTier == ServiceTier::Flex ? tr("%1 did not answer at the flex tier within %2 s")
                                                               : tr("%1 did not answer within %2 s"))
                    .arg(m_provider->displayName())
                    .arg(batch->call.timeoutMs / 1000);
    } else if (result.status == 0) {
        status = u"http_error"_s;
        error = tr("%1 could not be reached: %2").arg(m_provider->displayName(), result.errorString);
    } else if ((!result.isSuccess() && !result.isCutOff()) || response.kind == LlmResponse::Kind::HttpError) {
        status = u"http_error"_s;
        error = response.error.isEmpty() ? LlmErrorText::describe(m_provider->displayName(), result.status, result.body)
                                         : response.error;
    } else {
        status = u"parse_error"_s; // 2xx but not the provider's JSON (cut off) or no text (refusal)
        error = response.error;
    }
    const int httpStatus = response.kind == LlmResponse::Kind::HttpError && response.httpStatus ? response.httpStatus
                                                                                                 : result.status;
    if (leaveFlex(batch, result, response, httpStatus, status, error))
        return;
    // A refusal or an error may still have been billed: account for what the provider reports.
    QList<Score> rows;
    const bool retryable = RetryPolicy::isRetryable(result) || response.kind == LlmResponse::Kind::BadBody;
    const bool canRetry = retryable && !m_stopSending && batch->attempt < m_retry.maxAttempts;
    const bool fatal = keyRejected(httpStatus, result.body);
    // Smaller batches: once for a refusal (one paper may have set it off), down to single papers for a
    // prompt that does not fit.
    const bool split = batch->items.size() > 1
                       && ((response.kind == LlmResponse::Kind::Refused && batch->round == 0)
                           || promptTooLarge(httpStatus, result.body));
    bool reaskSmaller = false;
    if (!canRetry && !fatal && !m_stopSending) {
        if (split) {
            reaskSmaller = true;
        } else if (batch->stage == Stage::Abstract) {
            markUnscored(batch->items, tr("no answer after %n attempt(s): %1", nullptr, batch->attempt).arg(error), &rows);
        } else {
            // The pre-filter failed for good: keep the papers, the abstract stage still scores them.
            for (const int i : batch->items) {
                m_items[i].state = State::Kept;
                rows.append(scoreFor(i, ScoreStage::TitleFilter, ScoreStatus::Kept,
                                     tr("kept: the pre-filter failed (%1)").arg(error)));
            }
        }
    }
    if (!commit(batch, status, result.status, error, response, result.elapsedMs, rows))
        return;
    if (fatal) {
        m_summary.error = error;
        m_summary.failure = RunFailureKind::KeyRejected;
        stopSending(error);
        done(batch);
        return;
    }
    if (canRetry) {
        retryLater(batch, result);
        return;
    }
    if (reaskSmaller) {
        reask(batch, batch->items);
    } else if (!m_stopSending) {
        m_stageDone += int(batch->items.size());
    }
    done(batch);
}

bool SelectionRun::leaveFlex(const BatchPtr &batch, const HttpResult &result, const LlmResponse &response,
                             int httpStatus, const QString &status, const QString &error)
{
    if (batch->call.serviceTier != ServiceTier::Flex || m_stopSending)
        return false;
    // "Unsupported service_tier: flex": this model or account has no flex tier; ask no more at flex.
    const bool unsupported = httpStatus == 400 && result.body.contains("service_tier");
    // Flex answers 429 "resource unavailable" when it has no capacity, and may queue past the timeout.
    const bool unavailable = httpStatus == 429 || result.timedOut;
    if (!unsupported && !unavailable)
        return false;
    if (!commit(batch, status, result.status, error, response, result.elapsedMs, {}))
        return true;
    if (unsupported && m_tier == ServiceTier::Flex) {
        m_tier = ServiceTier::Standard;
        m_summary.notes.append(tr("%1 does not offer the flex tier for %2 on this account; the run went on at the "
                                  "standard tier (set the tier to standard in the settings to skip the try).")
                                   .arg(m_provider->displayName(), m_config.model));
    } else if (unavailable) {
        ++m_summary.flexFallbacks;
    }
    setTier(*batch, ServiceTier::Standard);
    if (unsupported) {
        ++m_summary.retries;
        send(batch); // nothing to wait for: the same request at the standard tier
    } else {
        retryLater(batch, result); // a 429's Retry-After still applies
    }
    return true;
}

void SelectionRun::retryLater(const BatchPtr &batch, const HttpResult &result)
{
    int delay = m_retry.delayMs(batch->attempt, result);
    if (!result.retryAfterSeconds()) {
        if (const auto body = retryDelayFromBody(result.body))
            delay = *body * 1000;
    }
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
    batch->retryTimer->start(delay);
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
    record.error = LlmErrorText::oneLine(LlmErrorText::redactSecrets(error), 500);

    QString dbError;
    {
        Transaction tx(m_db.connection());
        const qint64 requestId = LlmRequestRepository(m_db).insert(record, &dbError);
        bool ok = requestId > 0 && ScoreRepository(m_db).save(scores, m_runId, requestId, &dbError);
        if (ok && !tx.commit()) {
            ok = false;
            dbError = tx.errorString();
        }
        if (!ok) {
            m_summary.error = tr("Cannot store the LLM's answer in the database: %1").arg(dbError);
            m_summary.failure = RunFailureKind::Database;
            stopSending(m_summary.error);
            abortAll();
            m_inFlight.clear();
            m_inFlightEstimate = 0;
            maybeFinish();
            return false;
        }
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
    QList<Score> rows;
    if (m_summary.budgetReached && m_criteriaId > 0) {
        for (int i = 0; i < m_items.size(); ++i) {
            const State s = m_items.at(i).state;
            if (s == State::Pending || s == State::Kept) {
                rows.append(scoreFor(i, ScoreStage::Abstract, ScoreStatus::Unscored,
                                     tr("not sent: %1").arg(m_stopReason)));
            }
        }
        if (!rows.isEmpty()) {
            Transaction tx(m_db.connection());
            QString error;
            if (!ScoreRepository(m_db).save(rows, m_runId, 0, &error) || !tx.commit())
                qWarning("cannot store the papers left unscored by the budget: %s", qPrintable(error));
        }
    }
    m_finished = true;
    m_summary.titleDropped = 0;
    m_summary.scored = 0;
    m_summary.selected = 0;
    const DigestRule rule(m_config.relevanceCutoff, m_config.noveltyCutoff);
    for (const Item &item : std::as_const(m_items)) {
        if (item.state == State::Dropped)
            ++m_summary.titleDropped;
        else if (item.state == State::Scored) {
            ++m_summary.scored;
            if (rule.isRelevant(false, item.relevance, item.novelty))
                ++m_summary.selected;
        }
    }
    m_summary.unscored = m_summary.considered - m_summary.titleDropped - m_summary.scored;
    emit finished(m_summary);
}

void SelectionRun::emitProgress()
{
    emit progress(m_stage == Stage::Title ? RunStage::PreFilter : RunStage::Scoring, std::min(m_stageDone, m_stageTotal),
                  m_stageTotal);
}
