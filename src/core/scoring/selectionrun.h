// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/llmusage.h"
#include "domain/paper.h"
#include "net/retrypolicy.h"
#include "scoring/selectionconfig.h"
#include "scoring/selectionsummary.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class Database;
class HttpClient;
class LlmProvider;
class PricingTable;
class QNetworkReply;
class QTimer;
struct HttpResult;

// THE selection engine: the title pre-filter (optional) then abstract scoring, in batches, requests
// running concurrently (config.concurrency), 429 Retry-After and 5xx/timeout backoff with jitter
// (RetryPolicy), cancellable at any moment. Each reply's scores and its token usage are committed in
// one transaction the moment the reply arrives, so a cancelled, crashed or killed run resumes where it
// stopped: papers already answered for the same criteria version + model (+ paper version) are never
// sent again. Papers missing from a reply are asked again once in a smaller batch; what still fails is
// stored as 'unscored' with the reason. A budget stops sending once the next request could exceed it.
// Lives on the calling thread (its database connection is that thread's).
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
    void progress(const QString &stage, int done, int total); // "pre-filter", "scoring"
    void finished(const SelectionSummary &summary);

private:
    enum class Stage { Title, Abstract };
    enum class State { Pending, Kept, Dropped, Scored, Unscored };
    struct Item
    {
        Paper paper;
        State state = State::Pending;
        int relevance = 0;
        int novelty = 0;
    };
    struct Batch
    {
        Stage stage = Stage::Title;
        QList<int> items;  // indexes into m_items
        int round = 0;     // 0: first ask; 1: asked again (missing papers, unusable reply)
        int attempt = 0;   // HTTP attempts so far
        double estimateUsd = 0;
        QDateTime started;
        QPointer<QNetworkReply> reply;
        QTimer *retryTimer = nullptr;
    };

    void failEarly(const QString &error);
    void loadPapers(const QStringList &ids);
    void planStage(Stage stage);
    void pump();
    void send(const std::shared_ptr<Batch> &batch);
    void onHttpDone(const std::shared_ptr<Batch> &batch, const HttpResult &result);
    void handleTitleReply(const std::shared_ptr<Batch> &batch, const QString &text, qint64 requestId);
    void finishBatch(const std::shared_ptr<Batch> &batch);
    void reask(const std::shared_ptr<Batch> &batch, const QList<int> &items);
    bool commit(const std::shared_ptr<Batch> &batch, const QString &status, int httpStatus, const QString &error,
                const LlmUsage &usage, qint64 latencyMs, const QString &text, bool *parsedOk);
    bool storeUnscored(const QList<int> &items, const QString &reason, qint64 requestId);
    void stopSending();
    void maybeFinish();
    void finish();
    double estimateUsd(const Batch &batch, qsizetype promptChars) const;
    int answerBudget(const Batch &batch) const;
    QString stageName(Stage stage) const;
    void emitProgress();

    Database &m_db;
    HttpClient &m_http;
    const PricingTable &m_prices;
    SelectionConfig m_config;
    RetryPolicy m_retry;
    std::unique_ptr<LlmProvider> m_provider;

    qint64 m_runId = 0;
    qint64 m_criteriaId = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_stopSending = false;
    Stage m_stage = Stage::Title;
    QList<Item> m_items;
    QList<std::shared_ptr<Batch>> m_pending;
    QList<std::shared_ptr<Batch>> m_inFlight; // sent or waiting to be retried
    int m_stageTotal = 0;
    int m_stageDone = 0;
    int m_abstractBatchSize = 0;
    int m_titleBatchSize = 0;
    int m_missingFromDb = 0;
    double m_inFlightEstimate = 0;
    SelectionSummary m_summary;
};
