// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runstage.h"
#include "llm/llmprompt.h"
#include "llm/llmprovider.h"
#include "net/httpclient.h"
#include "net/retrypolicy.h"
#include "selectionconfig.h"
#include "selectionledger.h"
#include "selectionpapers.h"
#include "selectionsummary.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class Database;
struct LlmFailure;
struct LlmResponse;
class LlmProvider;
class PricingTable;
class QTimer;

// THE selection engine: the title pre-filter (optional) then abstract scoring, in batches sent
// concurrently (config.concurrency), cancellable at any moment. It schedules; what a batch sends
// (BatchRequests), what a reply means (BatchOutcomes), what a failure calls for (FailurePolicy) and
// what is stored (SelectionLedger: each reply in one transaction as it arrives, so a run resumes where
// it stopped and pays once) live in their own files. A budget stops sending once the next request
// could exceed it. Lives on the calling thread (its database connection is that thread's).
class SelectionRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionRun)

public:
    SelectionRun(Database &db, HttpClient &http, const PricingTable &prices, SelectionConfig config,
                 QObject *parent = nullptr);
    ~SelectionRun() override;

    void start(qint64 runId, const QStringList &arxivIds); // ids of papers already in the DB
    void cancel();

    bool isRunning() const { return m_started && !m_finished; }
    qint64 criteriaId() const { return m_criteriaId; }
    const SelectionConfig &config() const { return m_config; }
    // Tests shorten the waits; the default is RetryPolicy().
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }

signals:
    void progress(RunStage stage, int done, int total); // PreFilter, Scoring
    void finished(const SelectionSummary &summary);
    // Something the user should see while the run goes on: every retry and its wait, a wait not honoured.
    void notice(const QString &text);

private:
    enum class Stage { Title, Abstract };
    struct Batch
    {
        Stage stage = Stage::Title;
        QList<int> items;  // indexes into m_papers
        int round = 0;     // 0: first ask; 1: asked again (missing papers, unusable reply)
        int attempt = 0;   // HTTP attempts so far
        double estimateUsd = 0;
        QDateTime started;
        LlmPrompt prompt;
        LlmCallOptions call;
        HttpRequest request;
        HttpClient::Ticket ticket; // while a request is in flight
        QTimer *retryTimer = nullptr;
    };
    using BatchPtr = std::shared_ptr<Batch>;

    void begin(const QStringList &ids);
    void failEarly(RunFailureKind kind, const QString &error);
    bool loadPapers(const QStringList &ids, QString *error);
    void planStage(Stage stage);
    void queueBatches(Stage stage, const QList<int> &items, int size, int round, bool front);
    void pump();
    void send(const BatchPtr &batch);
    void onHttpDone(const BatchPtr &batch, const HttpResult &result);
    void handleAnswer(const BatchPtr &batch, const HttpResult &result, const LlmResponse &response);
    void handleFailure(const BatchPtr &batch, const HttpResult &result, const LlmResponse &response);
    void retryLater(const BatchPtr &batch, qint64 delayMs, const QString &why);
    void noteRunFailure(const LlmFailure &failure, const QString &error); // keeps the first cause
    void setTier(Batch &batch, ServiceTier tier) const;
    void reask(const BatchPtr &batch, const QList<int> &items);
    // Stores the request row and the given scores in one transaction; false stops the run.
    // Priced at the tier the response names (the requested one when it names none).
    bool commit(const BatchPtr &batch, const QString &status, int httpStatus, const QString &error,
                const LlmResponse &response, qint64 latencyMs, QList<Score> scores);
    void stopSending(const QString &reason);
    void done(const BatchPtr &batch);
    void maybeFinish();
    void finish();
    void abortAll();
    void emitProgress();

    SelectionLedger m_ledger;
    HttpClient &m_http;
    const PricingTable &m_prices;
    SelectionConfig m_config;
    RetryPolicy m_retry;
    std::unique_ptr<LlmProvider> m_provider;
    ServiceTier m_tier = ServiceTier::Standard; // for new batches; Standard once flex was refused

    qint64 m_runId = 0;
    qint64 m_criteriaId = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_finishQueued = false;
    bool m_cancelled = false;
    bool m_stopSending = false;
    QString m_stopReason;
    Stage m_stage = Stage::Title;
    SelectionPapers m_papers;
    QList<BatchPtr> m_pending;
    QList<BatchPtr> m_inFlight; // sent or waiting to be retried
    BatchPtr m_warmUp;          // the stage's first request, alone in flight until it is answered
    bool m_warmUpDue = false;   // the next batch sent becomes m_warmUp
    static constexpr int kFailedBatchesInARow = 3; // the circuit breaker's limit
    int m_failedInARow = 0;
    int m_stageTotal = 0;
    int m_stageDone = 0;
    int m_missingFromDb = 0;
    double m_inFlightEstimate = 0;
    SelectionSummary m_summary;
};
