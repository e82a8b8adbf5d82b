// SPDX-License-Identifier: GPL-3.0-or-later
#include "dailyrun.h"

#include "ingest/dayingest.h"
#include "llm/llmapikeys.h"
#include "llm/llmproviders.h"
#include "llm/pricingtable.h"
#include "net/urlpolicy.h"
#include "runbudget.h"
#include "runconfig.h"
#include "runlock.h"
#include "runrecord.h"
#include "selection/selectionrun.h"
#include "settings/appsettings.h"
#include "settings/endpoints.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/runrepository.h"
#include "text/secrets.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

DailyRun::DailyRun(Database &db, HttpClient &http, AppSettings &settings, const PricingTable &prices, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_http(http)
    , m_settings(settings)
    , m_prices(prices)
{
    qRegisterMetaType<RunSummary>();
    qRegisterMetaType<IngestSummary>();
    qRegisterMetaType<SelectionSummary>();
    qRegisterMetaType<RunEstimate>();
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &DailyRun::onDeadline);
}

DailyRun::~DailyRun()
{
    ++m_generation;
    if (m_selection)
        m_selection->disconnect(this);
    if (m_authors)
        m_authors->disconnect(this);
    if (m_ingest)
        m_ingest->disconnect(this);
}

void DailyRun::start(const QDate &day, const QStringList &categories)
{
    if (m_running) {
        qWarning("DailyRun::start: already running");
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_ingestDone = false;
    m_selectionDone = false;
    m_finishQueued = false;
    m_digestReadySent = false;
    m_criteriaId = 0;
    m_awaitingConfirmation = false;
    m_pendingIds.clear();
    m_pendingConfig.reset();
    m_summary = RunSummary();
    m_summary.day = day;
    const quint64 generation = ++m_generation;
    if (m_deadlineMs > 0)
        m_deadline->start(int(std::min<qint64>(m_deadlineMs, std::numeric_limits<int>::max())));
    // finished() never comes from inside start().
    QTimer::singleShot(0, this, [this, generation, day, categories] {
        if (generation == m_generation && m_running)
            begin(day, categories);
    });
}

void DailyRun::begin(QDate day, QStringList categories)
{
    if (m_cancelled) {
        finish();
        return;
    }
    m_runSettings = RunConfig::runSettings(m_settings);
    if (!categories.isEmpty())
        m_runSettings.categories = categories;
    const QString provider = m_runSettings.provider;
    if (m_apiKey.isEmpty() && LlmProviders::needsApiKey(provider)) {
        fail(RunFailureKind::NoApiKey, tr("No API key for %1: set %2 (or store the key in the window's settings).")
                 .arg(provider, LlmApiKeys::environmentVariable(provider)));
        return;
    }

    // Semantic Scholar gets the S2 key (and the paper ids) whenever it is asked, not only for the
    // h-index stage: check its address before anything at all is sent.
    if (const AuthorStage::Config s2Use = RunConfig::authorConfig(m_runSettings, m_settings); AuthorStage::needsS2(s2Use)) {
        if (const QString why = UrlPolicy::problemWith(s2Use.s2BaseUrl); !why.isEmpty()) {
            fail(RunFailureKind::BadSettings, tr("The Semantic Scholar address is not usable: %1").arg(why));
            return;
        }
    }

    if (!acquireRunLock())
        return;
    // A run killed earlier left its row 'running'; the lock says no other run is live, so say what became of it.
    RunRepository runs(m_db);
    runs.markInterrupted();
    QString error;
    m_criteriaId = CriteriaRepository(m_db).saveIfNew(m_settings.criteria(), &error);
    if (m_criteriaId == 0) {
        fail(RunFailureKind::Database, tr("Cannot save the research criteria: %1").arg(error));
        return;
    }
    const QDate rowDay = day.isValid() ? day : QDate::currentDate();
    m_summary.runId = runs.create(rowDay, m_runSettings.toJson(), m_criteriaId, m_runSettings.model, &error);
    if (m_summary.runId == 0) {
        fail(RunFailureKind::Database, tr("Cannot record the run in the database: %1").arg(error));
        return;
    }

    m_ingest = new DayIngest(m_db, m_http, this);
    connect(m_ingest, &DayIngest::progress, this, &DailyRun::progress);
    connect(m_ingest, &DayIngest::notice, this, &DailyRun::notice);
    connect(m_ingest, &DayIngest::feedStored, this, &DailyRun::onFeedStored);
    connect(m_ingest, &DayIngest::finished, this, &DailyRun::onIngestFinished);
    IngestConfig ingest = RunConfig::ingestConfig(m_settings, m_runSettings.categories);
    ingest.announceTypes = m_runSettings.announceTypes;
    m_ingest->start(ingest, day);
}

void DailyRun::onFeedStored(const IngestSummary &ingest)
{
    m_summary.ingest = ingest;
    m_summary.day = ingest.day;
    if (ingest.day.isValid())
        RunRepository(m_db).setDay(m_summary.runId, ingest.day);
    if (m_cancelled || m_authors || m_selection)
        return;
    if (ingest.noAnnouncement || ingest.keptArxivIds.isEmpty()) {
        m_summary.noAnnouncement = ingest.noAnnouncement;
        m_selectionDone = true;
        maybeFinish();
        return;
    }
    AuthorStage::Config c = RunConfig::authorConfig(m_runSettings, m_settings);
    c.s2ApiKey = m_s2ApiKey;
    c.s2SpacingMs = m_s2SpacingMs;
    c.retry = m_retry;
    c.criteriaId = m_criteriaId;
    m_authors = new AuthorStage(m_db, m_http, c, this);
    connect(m_authors, &AuthorStage::progress, this, &DailyRun::progress);
    connect(m_authors, &AuthorStage::notice, this, &DailyRun::notice);
    connect(m_authors, &AuthorStage::finished, this, &DailyRun::onAuthorsDone);
    m_authors->start(m_summary.runId, ingest.keptArxivIds);
}

void DailyRun::onAuthorsDone(const AuthorStageResult &result)
{
    if (m_authors)
        m_authors->deleteLater();
    if (!result.error.isEmpty()) {
        fail(RunFailureKind::Database, result.error);
        return;
    }
    if (m_cancelled || result.cancelled) {
        m_selectionDone = true;
        maybeFinish();
        return;
    }
    if (!result.authorMatches.isEmpty())
        emit notice(tr("Followed authors: %1 selected without asking the model.").arg(result.authorMatches.size()));
    if (!result.hIndexDropped.isEmpty())
        emit notice(tr("h-index cutoff: %1 dropped.").arg(result.hIndexDropped.size()));
    startSelection(result.toLlm);
}

void DailyRun::startSelection(const QStringList &ids)
{
    SelectionConfig config = RunConfig::selectionConfig(m_runSettings, m_settings);
    config.baseUrl = Endpoints::resolve(m_settings).llmBase;
    config.apiKey = m_apiKey;
    RunEstimate estimate;
    estimate.budgetUsd = m_runSettings.dailyBudgetUsd;
    if (m_runSettings.dailyBudgetUsd > 0) {
        const double left = m_runSettings.dailyBudgetUsd - RunBudget::spentToday(m_db);
        estimate.budgetLeftUsd = std::max(0.0, left);
        if (left <= 0) {
            // Nothing may be spent; papers answered earlier still make the digest.
            m_summary.budgetReached = true;
            m_summary.selection.budgetReached = true;
            emit notice(tr("The daily budget of $%1 is already spent; no paper is sent to the model today.")
                            .arg(m_runSettings.dailyBudgetUsd, 0, 'f', 2));
            selectionOver();
            return;
        }
        config.budgetUsd = left;
    }
    // Before anything is paid for: what the papers still unanswered would cost (a rerun sends only those).
    QString line;
    estimate = RunBudget::estimate(m_db, m_criteriaId, ids, config, m_prices, estimate, &line);
    m_summary.estimate = estimate;
    emit notice(line);
    emit estimateReady(estimate);
    m_pendingIds = ids;
    m_pendingConfig = config;
    if (estimate.exceedsBudget() && m_overBudget != OverBudget::Proceed) {
        if (m_overBudget == OverBudget::Refuse) {
            refuseOverBudget();
        } else {
            m_awaitingConfirmation = true;
            emit confirmationNeeded(estimate);
        }
        return;
    }
    sendSelection();
}

void DailyRun::confirmEstimate(bool go)
{
    if (!m_running || !m_awaitingConfirmation)
        return;
    m_awaitingConfirmation = false;
    if (m_cancelled) {
        selectionOver();
        return;
    }
    if (go)
        sendSelection();
    else
        refuseOverBudget();
}

void DailyRun::refuseOverBudget()
{
    // Nothing sent: the run ends as "budget", its digest holds what earlier runs answered.
    m_summary.budgetReached = true;
    m_summary.refusedOverBudget = true;
    m_summary.selection.budgetReached = true;
    m_pendingConfig.reset();
    m_pendingIds.clear();
    selectionOver();
}

void DailyRun::sendSelection()
{
    Q_ASSERT(m_pendingConfig);
    const SelectionConfig config = *m_pendingConfig;
    const QStringList ids = m_pendingIds;
    m_pendingConfig.reset();
    m_pendingIds.clear();
    m_selection = new SelectionRun(m_db, m_http, m_prices, config, this);
    m_selection->setRetryPolicy(m_retry);
    connect(m_selection, &SelectionRun::progress, this, &DailyRun::progress);
    connect(m_selection, &SelectionRun::notice, this, &DailyRun::notice);
    connect(m_selection, &SelectionRun::finished, this, &DailyRun::onSelectionFinished);
    m_selection->start(m_summary.runId, ids);
}

void DailyRun::onSelectionFinished(const SelectionSummary &selection)
{
    m_summary.selection = selection;
    for (const QString &note : selection.notes)
        emit notice(note);
    m_summary.costUsd = selection.costUsd;
    m_summary.priceKnown = selection.priceKnown;
    m_summary.budgetReached = m_summary.budgetReached || selection.budgetReached;
    if (!selection.error.isEmpty() && m_summary.error.isEmpty() && !selection.cancelled) {
        m_summary.error = selection.error;
        m_summary.failure = selection.failure;
    }
    if (m_selection)
        m_selection->deleteLater();
    selectionOver();
}

void DailyRun::selectionOver()
{
    m_selectionDone = true;
    // The metadata is a nicety for the digest: do not let it hold a failed run.
    if (!m_summary.error.isEmpty() && m_ingest && !m_ingestDone) {
        m_ingest->cancel();
    } else if (!m_ingestDone && !m_cancelled && m_summary.runId != 0 && !m_digestReadySent) {
        RunRecord::fillFromDigest(m_db, m_prices, m_summary);
        m_digestReadySent = true;
        emit digestReady(m_summary);
    }
    maybeFinish();
}

void DailyRun::onIngestFinished(const IngestSummary &ingest)
{
    const bool feedWasStored = m_summary.ingest.day.isValid() || m_authors || m_selection || m_selectionDone;
    // Keep the kept ids of the feed stage; the final summary adds the metadata counts.
    const QStringList kept = m_summary.ingest.keptArxivIds;
    m_summary.ingest = ingest;
    if (ingest.keptArxivIds.isEmpty())
        m_summary.ingest.keptArxivIds = kept;
    if (ingest.day.isValid())
        m_summary.day = ingest.day;
    m_ingestDone = true;
    if (m_ingest)
        m_ingest->deleteLater();
    const bool laterStagesIdle = (!m_authors || !m_authors->isRunning()) && (!m_selection || !m_selection->isRunning());
    if (m_cancelled) {
        // Cancelled during the feed (or before the later stages began): nothing else will call back.
        if (laterStagesIdle)
            m_selectionDone = true;
    } else if (!ingest.error.isEmpty()) {
        if (!feedWasStored) {
            if (m_summary.error.isEmpty()) {
                m_summary.error = ingest.error; // arXiv down, bad feed, bad categories ...
                m_summary.failure = ingest.failure;
            }
            m_selectionDone = true;
        } else if (m_summary.error.isEmpty()) {
            emit notice(tr("The arXiv metadata could not be completed: %1 (the digest uses the feed's text).")
                            .arg(ingest.error));
        }
    } else if (!feedWasStored) {
        // A catch-up day (API, one stage) or an empty day: no feedStored came first.
        onFeedStored(ingest);
        return;
    }
    maybeFinish();
}

void DailyRun::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_summary.cancelled = true;
    if (m_ingest && !m_ingestDone)
        m_ingest->cancel();
    if (m_authors)
        m_authors->cancel();
    if (m_selection)
        m_selection->cancel();
    if (m_awaitingConfirmation) {
        m_awaitingConfirmation = false;
        m_pendingConfig.reset();
        m_pendingIds.clear();
        selectionOver();
        return;
    }
    if (!m_ingest && !m_authors && !m_selection) {
        // Not begun yet (or between stages): nothing will call back.
        m_ingestDone = true;
        m_selectionDone = true;
        if (m_summary.runId != 0)
            maybeFinish();
    }
}

QString DailyRun::runLockPath(const QString &databasePath)
{
    return RunLock::pathFor(databasePath);
}

bool DailyRun::acquireRunLock()
{
    const QString path = m_db.filePath();
    if (path.isEmpty() || path.startsWith(u':'))
        return true; // an in-memory database cannot be shared between processes
    RunFailure failure;
    m_runLock = RunLock::acquire(path, &failure);
    if (!m_runLock)
        fail(failure.kind, failure.detail);
    return m_runLock != nullptr;
}

void DailyRun::onDeadline()
{
    if (!m_running)
        return;
    const QString why = RunRecord::deadlineMessage(m_deadlineMs);
    if (m_summary.error.isEmpty()) {
        m_summary.error = why;
        m_summary.failure = RunFailureKind::ProviderUnreachable;
    }
    emit notice(why);
    // The lock goes now, whatever the stages do: a hung request must not keep the next run out.
    m_runLock.reset();
    cancel();
    // A stage that does not come back from its cancel is left behind.
    const quint64 generation = m_generation;
    QTimer::singleShot(5000, this, [this, generation] {
        if (generation != m_generation || !m_running)
            return;
        for (QObject *stage : {static_cast<QObject *>(m_ingest.data()), static_cast<QObject *>(m_authors.data()),
                               static_cast<QObject *>(m_selection.data())}) {
            if (stage)
                stage->disconnect(this);
        }
        finish();
    });
}

void DailyRun::fail(RunFailureKind kind, const QString &message)
{
    if (m_summary.error.isEmpty()) {
        m_summary.error = message;
        m_summary.failure = kind;
    }
    m_selectionDone = true;
    if (m_ingest && !m_ingestDone) {
        m_ingest->cancel(); // its finished() completes the run
        return;
    }
    m_ingestDone = true;
    maybeFinish();
}

void DailyRun::maybeFinish()
{
    if (!m_running || m_finishQueued || !m_ingestDone || !m_selectionDone)
        return;
    m_finishQueued = true;
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            finish();
    });
}

void DailyRun::finish()
{
    if (!m_running)
        return;
    if (m_cancelled)
        m_summary.cancelled = true;
    if (m_summary.runId != 0) {
        RunRecord::fillFromDigest(m_db, m_prices, m_summary);
        auto [status, message] = RunRecord::statusOf(m_summary);
        QString error;
        message = Secrets::scrub(message, secrets());
        if (!RunRepository(m_db).finish(m_summary.runId, status, message, m_summary.ingest.announced,
                                        m_summary.ingest.kept, m_summary.relevant, &error)
            && m_summary.error.isEmpty()) {
            m_summary.error = tr("Cannot record the end of the run: %1").arg(error);
            m_summary.failure = RunFailureKind::Database;
        }
    }
    m_runLock.reset();
    m_deadline->stop();
    m_running = false;
    ++m_generation;
    m_summary.error = Secrets::scrub(m_summary.error, secrets());
    emit finished(m_summary);
}
