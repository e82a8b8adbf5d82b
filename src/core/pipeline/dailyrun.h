// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authorstage.h"
#include "domain/runfailure.h"
#include "domain/runoutcome.h"
#include "domain/runsettings.h"
#include "domain/runstage.h"
#include "ingest/ingestsummary.h"
#include "net/retrypolicy.h"
#include "runestimate.h"
#include "runsummary.h"
#include "selection/selectionconfig.h"
#include "selection/selectionsummary.h"

#include <QDate>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class AppSettings;
class Database;
class DayIngest;
class HttpClient;
class PricingTable;
class QLockFile;
class SelectionRun;
class QTimer;


// The main job: fetch the day (DayIngest) → followed authors / h-index (optional) → LLM selection
// (SelectionRun) as soon as the feed is stored, while the arXiv metadata completes alongside → the
// runs row finished with its counts. The digest is then built from the database (digest/digestbuilder.h).
// Lives on the calling thread. Emits finished() exactly once per start(), never from inside start().
class DailyRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailyRun)

public:
    // What to do when the estimate is over what is left of the daily budget (RunEstimate::exceedsBudget).
    // Proceed: send anyway, SelectionRun stops at the budget. Refuse: end with status budget before any
    // request (headless without --yes). Ask: emit confirmationNeeded() and wait for confirmEstimate().
    enum class OverBudget { Proceed, Refuse, Ask };
    // A run that has not ended by then is stopped as failed and gives up its lock (a hung request,
    // a stalled server): the next run is never locked out for longer.
    static constexpr qint64 kDefaultDeadlineMs = 2 * 3600 * 1000;

    DailyRun(Database &db, HttpClient &http, AppSettings &settings, const PricingTable &prices,
             QObject *parent = nullptr);
    ~DailyRun() override;

    // The LLM API key, resolved by the caller (keychain in the GUI, environment variable headless).
    // Held in memory only.
    void setApiKey(const QString &key) { m_apiKey = key; }
    // Optional Semantic Scholar key (x-api-key) for the h-index stage; memory only.
    void setS2ApiKey(const QString &key) { m_s2ApiKey = key; }
    // Tests shorten the waits of the LLM and Semantic Scholar retries; default RetryPolicy().
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    void setS2SpacingMs(int ms) { m_s2SpacingMs = ms; }
    void setOverBudgetPolicy(OverBudget policy) { m_overBudget = policy; }
    // The whole run's deadline from start() (default kDefaultDeadlineMs; tests shorten it).
    void setDeadlineMs(qint64 ms) { m_deadlineMs = ms; }
    // The keys this run was given, for Secrets::scrub of anything it says.
    QStringList secrets() const { return {m_apiKey, m_s2ApiKey}; }
    // The run lock of a database file: next to the file's canonical path, so a symlinked --db shares it.
    static QString runLockPath(const QString &databasePath);

    // day invalid: the newest announcement. categories empty: the settings' categories.
    void start(const QDate &day = {}, const QStringList &categories = {});
    void cancel();
    bool isRunning() const { return m_running; }
    // The answer to confirmationNeeded(): true sends the papers, false ends the run (status budget).
    void confirmEstimate(bool go);

signals:
    // total 0 = indeterminate.
    void progress(RunStage stage, int done, int total);
    void notice(const QString &message); // retries, fallbacks: one line each, for a log or stderr
    // Before the first LLM request, always (whatever the policy).
    void estimateReady(const RunEstimate &estimate);
    // OverBudget::Ask and the estimate exceeds the budget: nothing is sent until confirmEstimate().
    void confirmationNeeded(const RunEstimate &estimate);
    // The selection is over (scored, stopped by the budget, or failed after the feed was stored) while
    // the arXiv metadata may still be completing: the digest's papers and scores are final now, so it
    // can be shown or written without waiting for the metadata requests (finished() follows; the
    // summary's counts are those known so far). At most once per start(), never after finished().
    void digestReady(const RunSummary &summary);
    void finished(const RunSummary &summary);

private:
    void begin(QDate day, QStringList categories);
    void onFeedStored(const IngestSummary &ingest);
    void onIngestFinished(const IngestSummary &ingest);
    void onAuthorsDone(const AuthorStageResult &result);
    void startSelection(const QStringList &ids);
    void sendSelection();
    void refuseOverBudget();
    void onDeadline();
    void onSelectionFinished(const SelectionSummary &selection);
    void selectionOver();
    bool acquireRunLock();
    void fail(RunFailureKind kind, const QString &message);
    void maybeFinish();
    void finish();

    Database &m_db;
    HttpClient &m_http;
    AppSettings &m_settings;
    const PricingTable &m_prices;
    QString m_apiKey;
    QString m_s2ApiKey;
    RetryPolicy m_retry;
    int m_s2SpacingMs = 1000;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_ingestDone = false;
    bool m_selectionDone = false; // or never to be started (no announcement, error, budget)
    bool m_finishQueued = false;
    bool m_digestReadySent = false;
    quint64 m_generation = 0;
    qint64 m_criteriaId = 0;
    RunSettings m_runSettings;
    QPointer<AuthorStage> m_authors;
    QPointer<DayIngest> m_ingest;
    QPointer<SelectionRun> m_selection;
    RunSummary m_summary;
    OverBudget m_overBudget = OverBudget::Proceed;
    qint64 m_deadlineMs = kDefaultDeadlineMs;
    QTimer *m_deadline = nullptr;
    bool m_awaitingConfirmation = false;
    QStringList m_pendingIds;           // waiting for confirmEstimate()
    std::optional<SelectionConfig> m_pendingConfig;
    // Held from the start of a run to its end: one run per database file across processes.
    std::unique_ptr<QLockFile> m_runLock;
};
