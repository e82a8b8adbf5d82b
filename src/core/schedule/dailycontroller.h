// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dailyschedule.h"
#include "domain/runstage.h"
#include "pipeline/dailyrun.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimeZone>

#include <functional>
#include <memory>

class AppSettings;
class Database;
class HttpClient;
class PricingTable;
class QTimer;
class SecretStore;

// The app's daily run and its schedule, with no widgets: the window, the tray and the headless command
// all watch the same object. Owns the DailyRun (and the HttpClient and PricingTable it needs) and a
// timer for the next automatic run, planned by DailySchedule from the settings and ScheduleState.
//  - Runs never overlap: runNow() while a run is in progress does nothing.
//  - A periodic check notices a wall-clock jump (the computer slept, or the clock was changed) and
//    re-plans at once, so a run missed while asleep starts once at wake, as one missed while the app was
//    not running starts once at the next start (the first plan after construction).
//  - Each automatic attempt is recorded; a failed one is retried (DailySchedule::kRetryMinutes, at most
//    kMaxAttempts); a day that turns out to have no announcement is marked done and skipped; a run the
//    user cancelled is not retried automatically.
class DailyController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailyController)

public:
    using Clock = std::function<QDateTime()>;

    DailyController(Database &db, AppSettings &settings, SecretStore &secrets, QObject *parent = nullptr);
    ~DailyController() override;

    bool isRunning() const { return m_running; }
    QDate runningDay() const { return m_runDay; } // invalid while idle or when running "the newest"
    bool schedulePaused() const;
    // Pausing clears the plan; resuming does not catch up runs whose time passed while paused.
    void setSchedulePaused(bool paused);
    QDateTime nextRun() const { return m_nextRun; } // local time; invalid: nothing planned (paused)
    QDate nextRunDay() const { return m_nextDay; }
    // The last run's summary; before any run in this session, the newest finished run in the database
    // (day, runId and relevant only).
    RunSummary lastSummary() const { return m_lastSummary; }

    // For tests: a fake clock and a fixed time zone (default: the system's). Call replan() after changing.
    void setClock(Clock now);
    void setTimeZone(const QTimeZone &zone);
    // How often the wall clock is compared with the monotonic one (default 30 s).
    void setCheckIntervalMs(int ms);
    // The run itself (e.g. to watch notice()). Valid for the controller's lifetime.
    DailyRun *dailyRun() const { return m_run.get(); }

public slots:
    void runNow(const QDate &day = {}); // no-op while running (runs never overlap)
    void cancel();
    // Re-reads the schedule settings (time, holidays, enabled) and plans again; starts a due run.
    // Switching the schedule on (here or in the settings) arms it: times that passed while it was off
    // are not caught up.
    void replan();
    // The periodic check: detects a wall-clock jump (sleep) and re-plans. Tests call it after moving
    // the fake clock.
    void checkClock();

signals:
    void runStarted(const QDate &day);
    void progress(RunStage stage, int done, int total);
    void runFinished(const RunSummary &summary);
    void nextRunChanged(const QDateTime &at);
    // One line for a log: woke from sleep, catch-up started, retry planned, API key missing.
    void notice(const QString &message);

private:
    enum class Origin { Manual, Scheduled };
    void start(const QDate &day, Origin origin);
    void startWithKey(quint64 generation, bool ok, const QString &key, const QString &error);
    void onFinished(const RunSummary &summary);
    void finishEarly(RunFailureKind kind, const QString &error);
    void setNext(const QDateTime &at, const QDate &day);
    DailySchedule schedule() const;
    QDateTime now() const;

    Database &m_db;
    AppSettings &m_settings;
    SecretStore &m_secrets;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<PricingTable> m_prices;
    std::unique_ptr<DailyRun> m_run;
    QTimer *m_runTimer;
    QTimer *m_checkTimer;
    Clock m_clock;
    QTimeZone m_zone;

    bool m_running = false;
    bool m_wasPaused = false; // to notice the schedule being switched back on (also from the settings)
    bool m_keyPending = false;
    quint64 m_generation = 0; // a key read answered after cancel() belongs to an old generation
    Origin m_origin = Origin::Manual;
    QDate m_runDay;
    QDateTime m_nextRun;
    QDate m_nextDay;
    RunSummary m_lastSummary;
    QDateTime m_lastWall;
    QElapsedTimer m_monotonic;
};
