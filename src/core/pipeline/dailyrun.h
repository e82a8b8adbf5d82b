// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authorstage.h"
#include "domain/runfailure.h"
#include "domain/runsettings.h"
#include "domain/runstage.h"
#include "ingest/ingestsummary.h"
#include "net/retrypolicy.h"
#include "selection/selectionsummary.h"

#include <QDate>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class AppSettings;
class QLockFile;
class Database;
class DayIngest;
class HttpClient;
class PricingTable;
class SelectionRun;

// How one daily run ended: what the notification, the tray, `papersieve run` and the window show.
struct RunSummary
{
    qint64 runId = 0;          // the runs row (0 when the run failed before it could be recorded)
    QDate day;                 // the announcement day that was read (the digest's date)
    IngestSummary ingest;
    SelectionSummary selection;
    int relevant = 0;          // in the digest: followed-author matches + relevance/novelty cutoffs met
    QString topTitle;          // the first paper of the digest (plain text from the feed)
    QString topArxivId;
    double costUsd = 0;        // this run's LLM spend
    bool priceKnown = true;
    bool noAnnouncement = false;
    bool budgetReached = false;
    bool cancelled = false;
    QString error;             // empty: it worked; otherwise the detail a person needs (what answered what)
    RunFailureKind failure = RunFailureKind::None; // what went wrong, for the advice and the exit code

    bool succeeded() const { return error.isEmpty() && !cancelled; }
};
Q_DECLARE_METATYPE(RunSummary)

// The main job: fetch the day (DayIngest) → followed authors / h-index (optional) → LLM selection
// (SelectionRun) as soon as the feed is stored, while the arXiv metadata completes alongside → the
// runs row finished with its counts. The digest is then built from the database (digest/digestbuilder.h).
// Lives on the calling thread. Emits finished() exactly once per start(), never from inside start().
class DailyRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailyRun)

public:
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

    // day invalid: the newest announcement. categories empty: the settings' categories.
    void start(const QDate &day = {}, const QStringList &categories = {});
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    // total 0 = indeterminate.
    void progress(RunStage stage, int done, int total);
    void notice(const QString &message); // retries, fallbacks: one line each, for a log or stderr
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
    void onSelectionFinished(const SelectionSummary &selection);
    void selectionOver();
    bool acquireRunLock();
    void fail(RunFailureKind kind, const QString &message);
    void maybeFinish();
    void finish();
    void fillFromDigest();

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
    // Held from the start of a run to its end: one run per database file across processes.
    std::unique_ptr<QLockFile> m_runLock;
};
