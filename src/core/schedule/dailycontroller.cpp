// SPDX-License-Identifier: GPL-3.0-or-later
#include "dailycontroller.h"

#include "arxiv/arxivcalendar.h"
#include "llm/llmapikeys.h"
#include "llm/llmproviders.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "schedulestate.h"
#include "settings/appsettings.h"
#include "settings/endpoints.h"
#include "settings/secretstore.h"
#include "storage/runrepository.h"

#include <QLocale>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kDefaultCheckMs = 30 * 1000;
// Wall clock and monotonic clock disagreeing by more than this: the computer slept or the clock moved.
constexpr qint64 kJumpToleranceMs = 90 * 1000;
// A plan further away than this is re-checked then anyway (the periodic check also re-plans).
constexpr qint64 kMaxTimerMs = 6 * 3600 * 1000;

QString pricingOverridePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/pricing.json"_s;
}
} // namespace

DailyController::DailyController(Database &db, AppSettings &settings, SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_http(std::make_unique<HttpClient>())
    , m_runTimer(new QTimer(this))
    , m_checkTimer(new QTimer(this))
{
    QString pricingError;
    m_prices = std::make_unique<PricingTable>(PricingTable::withOverrides(pricingOverridePath(), &pricingError));
    if (!pricingError.isEmpty())
        qWarning("papersieve: %s", qPrintable(pricingError));
    m_run = std::make_unique<DailyRun>(m_db, *m_http, m_settings, *m_prices);
    connect(m_run.get(), &DailyRun::progress, this, &DailyController::progress);
    connect(m_run.get(), &DailyRun::notice, this, &DailyController::notice);
    connect(m_run.get(), &DailyRun::finished, this, &DailyController::onFinished);

    m_wasPaused = schedulePaused();
    // What the tray shows before the first run of this session: the newest run that got to the end.
    for (const Run &run : RunRepository(m_db).recent(10)) {
        if (run.status == RunStatus::Finished || run.status == RunStatus::BudgetReached) {
            m_lastSummary.runId = run.id;
            m_lastSummary.day = run.day;
            m_lastSummary.relevant = run.relevant;
            m_lastSummary.budgetReached = run.status == RunStatus::BudgetReached;
            break;
        }
    }
    m_runTimer->setSingleShot(true);
    connect(m_runTimer, &QTimer::timeout, this, &DailyController::replan);
    m_checkTimer->setInterval(kDefaultCheckMs);
    connect(m_checkTimer, &QTimer::timeout, this, &DailyController::checkClock);
    m_checkTimer->start();
    // The first plan (and a catch-up of a run missed while the app was not running) once the event loop
    // runs, so whoever made us has connected to our signals by then.
    QTimer::singleShot(0, this, &DailyController::checkClock);
}

DailyController::~DailyController()
{
    // A run still in progress ends with us; its finished() must not reach a half-destroyed controller.
    m_run->disconnect(this);
    if (m_run->isRunning())
        m_run->cancel();
}

bool DailyController::schedulePaused() const { return !m_settings.scheduleEnabled(); }

void DailyController::setSchedulePaused(bool paused)
{
    if (paused == schedulePaused())
        return;
    m_settings.setScheduleEnabled(!paused);
    replan();
}

void DailyController::setClock(Clock now)
{
    m_clock = std::move(now);
    m_lastWall = {};
}

void DailyController::setTimeZone(const QTimeZone &zone) { m_zone = zone; }

void DailyController::setCheckIntervalMs(int ms) { m_checkTimer->setInterval(std::max(1000, ms)); }

QDateTime DailyController::now() const { return m_clock ? m_clock() : QDateTime::currentDateTime(); }

DailySchedule DailyController::schedule() const
{
    QStringList rejected;
    ArxivCalendar calendar(ArxivCalendar::parseHolidays(m_settings.arxivHolidays(), &rejected));
    return DailySchedule(std::move(calendar), m_zone.isValid() ? m_zone : QTimeZone::systemTimeZone(),
                         m_settings.scheduleTime());
}

void DailyController::setNext(const QDateTime &at, const QDate &day)
{
    m_nextDay = day;
    if (at == m_nextRun && at.isValid() == m_nextRun.isValid())
        return;
    m_nextRun = at;
    emit nextRunChanged(at);
}

void DailyController::checkClock()
{
    const QDateTime t = now();
    if (m_lastWall.isValid() && m_monotonic.isValid()) {
        const qint64 wall = m_lastWall.msecsTo(t);
        const qint64 mono = m_monotonic.elapsed();
        if (std::llabs(wall - mono) > kJumpToleranceMs) {
            emit notice(tr("The clock moved %1 min more than the time that passed (the computer slept or its time "
                           "was changed); checking the schedule again.")
                            .arg((wall - mono) / 60000));
        }
    }
    m_lastWall = t;
    m_monotonic.start();
    replan();
}

void DailyController::replan()
{
    if (m_running)
        return; // planned again when the run ends
    m_runTimer->stop();
    const bool paused = schedulePaused();
    const bool resumed = m_wasPaused && !paused;
    m_wasPaused = paused;
    if (paused) {
        setNext({}, {});
        return;
    }
    const QDateTime t = now();
    ScheduleState state = ScheduleState::load(m_settings);
    if (!state.armedSince.isValid() || resumed) {
        // The very first start, or the schedule switched back on: times that passed before are not
        // missed runs (resuming is not a reason to run everything that passed while paused).
        state.armedSince = t;
        state.save(m_settings);
    }
    const SchedulePlan plan = schedule().plan(t, state);
    if (!plan.isValid()) {
        setNext({}, {});
        return;
    }
    if (plan.due) {
        const QString day = QLocale().toString(plan.day, QLocale::ShortFormat);
        if (plan.retry)
            emit notice(tr("Trying the run for %1 again (attempt %2 of %3).")
                            .arg(day).arg(state.attempts + 1).arg(DailySchedule::kMaxAttempts));
        else if (plan.catchUp)
            emit notice(tr("Starting the run for %1 that was missed while the computer was asleep or PaperSieve "
                           "was not running.").arg(day));
        start(plan.day, Origin::Scheduled);
        return;
    }
    setNext(plan.runAt, plan.day);
    m_runTimer->start(int(std::clamp<qint64>(t.msecsTo(plan.runAt), 0, kMaxTimerMs)));
}

void DailyController::runNow(const QDate &day) { start(day, Origin::Manual); }

void DailyController::start(const QDate &day, Origin origin)
{
    if (m_running)
        return;
    m_running = true;
    m_keyPending = true;
    m_origin = origin;
    m_runDay = day;
    const quint64 generation = ++m_generation;
    m_runTimer->stop();
    if (origin == Origin::Scheduled) {
        ScheduleState state = ScheduleState::load(m_settings);
        state.recordAttempt(day, now());
        state.save(m_settings);
    }
    setNext({}, {});
    emit runStarted(day);
    // The keychain may prompt or be slow; the run waits for it, and cancel() may come meanwhile.
    m_secrets.read(LlmApiKeys::secretName(m_settings.provider()), this,
                   [this, generation](bool ok, const QString &value, const QString &error) {
                       startWithKey(generation, ok, value, error);
                   });
}

void DailyController::startWithKey(quint64 generation, bool ok, const QString &key, const QString &error)
{
    if (generation != m_generation || !m_keyPending)
        return; // cancelled while the keychain answered
    m_keyPending = false;
    const QString provider = m_settings.provider();
    QString apiKey = ok ? key.trimmed() : QString();
    if (apiKey.isEmpty())
        apiKey = LlmApiKeys::fromEnvironment(provider, Endpoints::resolve(m_settings).llmBase); // as headless
    if (apiKey.isEmpty() && !ok) {
        finishEarly(RunFailureKind::KeychainUnreadable, tr("Cannot read the API key from the system keychain: %1").arg(error));
        return;
    }
    // A local OpenAI-compatible server may need no key; the hosted providers always do.
    if (apiKey.isEmpty() && LlmProviders::needsApiKey(provider)) {
        finishEarly(RunFailureKind::NoApiKey, tr("No API key for %1: add it in Settings, or set %2.")
                        .arg(provider, LlmApiKeys::environmentVariable(provider)));
        return;
    }
    m_run->setApiKey(apiKey);
    // A scheduled run reads the newest feed rather than insisting on the planned day: if arXiv is late
    // the run finds the previous day (already scored, so nothing is paid twice) and is retried later.
    m_run->start(m_origin == Origin::Scheduled ? QDate() : m_runDay);
}

void DailyController::finishEarly(RunFailureKind kind, const QString &error)
{
    RunSummary summary;
    summary.day = m_runDay;
    summary.cancelled = kind == RunFailureKind::Cancelled;
    if (!summary.cancelled) {
        summary.error = error;
        summary.failure = kind;
    }
    // Like DailyRun: finished never from inside the call that started or cancelled the run.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, summary, generation] {
        if (generation == m_generation && m_running)
            onFinished(summary);
    });
}

void DailyController::cancel()
{
    if (!m_running)
        return;
    if (m_keyPending) {
        m_keyPending = false;
        finishEarly(RunFailureKind::Cancelled, {});
    } else {
        m_run->cancel();
    }
}

void DailyController::onFinished(const RunSummary &summary)
{
    if (!m_running)
        return;
    m_running = false;
    ScheduleState state = ScheduleState::load(m_settings);
    const RunOutcome outcome = summary.outcome();
    if (outcome == RunOutcome::NoAnnouncement) {
        // Nothing to read that day (an unlisted holiday): done, not retried.
        state.recordDone(m_runDay.isValid() ? m_runDay : summary.day);
    } else if (RunSummary::countsAsDone(outcome)) {
        // Done, nothing relevant, or partly scored (budget): a retry today would not change it. A failed
        // run is never done: the schedule tries it again (DailySchedule::kRetryMinutes).
        // A manual run of the newest day also means the scheduled one is not needed.
        state.recordDone(summary.day);
        if (m_origin == Origin::Scheduled && summary.day.isValid() && summary.day < m_runDay)
            emit notice(tr("arXiv's feed still carries %1, not %2 yet; trying again later.")
                            .arg(summary.day.toString(Qt::ISODate), m_runDay.toString(Qt::ISODate)));
    } else if (outcome == RunOutcome::Cancelled && m_origin == Origin::Scheduled) {
        state.giveUp(m_runDay, DailySchedule::kMaxAttempts); // the user stopped it: not again today
    }
    state.save(m_settings);
    m_lastSummary = summary;
    m_runDay = {};
    emit runFinished(summary);
    replan();
}
