// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopshell.h"

#include "pipeline/dailyrun.h"
#include "platform/autostart.h"
#include "platform/singleinstance.h"
#include "schedule/dailycontroller.h"
#include "settings/appsettings.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>
#include <QWidget>

#include <memory>

using namespace Qt::Literals::StringLiterals;

DesktopShell::DesktopShell(QWidget *window, AppSettings &settings, DailyController *controller, Tray tray,
                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_controller(controller)
    , m_trayPolicy(tray)
{
    if (tray == Tray::Detect && TrayIcon::isAvailable())
        createTray();
    // With a tray, a hidden window is not the end of the app; without one, it is.
    QApplication::setQuitOnLastWindowClosed(!m_tray);
    if (m_window)
        m_window->installEventFilter(this);

    if (m_controller) {
        connect(m_controller, &DailyController::runStarted, this, &DesktopShell::onRunStarted);
        connect(m_controller, &DailyController::runFinished, this, &DesktopShell::onRunFinished);
    }
}

void DesktopShell::createTray()
{
    m_tray = new TrayIcon(this);
    connect(m_tray, &TrayIcon::openRequested, this, &DesktopShell::showWindow);
    connect(m_tray, &TrayIcon::quitRequested, this, &DesktopShell::quit);
    connect(m_tray, &TrayIcon::notificationClicked, this, &DesktopShell::onNotificationClicked);
    if (m_controller) {
        connect(m_tray, &TrayIcon::runNowRequested, m_controller, [this] { m_controller->runNow(); });
        connect(m_tray, &TrayIcon::pauseToggled, m_controller, &DailyController::setSchedulePaused);
        connect(m_controller, &DailyController::progress, m_tray, &TrayIcon::setProgress);
        connect(m_controller, &DailyController::nextRunChanged, m_tray, [this](const QDateTime &at) {
            m_tray->setNextRun(at);
            m_tray->setPaused(m_controller->schedulePaused());
        });
        m_tray->setPaused(m_controller->schedulePaused());
        m_tray->setNextRun(m_controller->nextRun());
        m_tray->setRunning(m_controller->isRunning());
        const RunSummary last = m_controller->lastSummary();
        if (last.succeeded() && last.day.isValid())
            m_tray->setCount(last.day, last.relevant);
    } else {
        m_tray->runNowAction()->setEnabled(false);
        m_tray->pauseAction()->setEnabled(false);
    }
}

DesktopShell::~DesktopShell()
{
    if (m_window)
        m_window->removeEventFilter(this);
}

void DesktopShell::attachSingleInstance(SingleInstance *instance)
{
    connect(instance, &SingleInstance::activateRequested, this, &DesktopShell::showWindow);
    connect(instance, &SingleInstance::runNowRequested, this, [this] {
        if (m_controller)
            m_controller->runNow();
    });
}

void DesktopShell::start(bool startedAtLogin)
{
    // The entry names this executable: rewrite it, in case the app was moved or updated since.
    syncAutostart(/*rewrite=*/true);
    if (m_tray) {
        m_tray->show();
        if (!startedAtLogin)
            showWindow();
        return;
    }
    if (startedAtLogin && m_trayPolicy == Tray::Detect && m_trayWaitMs > 0) {
        // At login the panel, and its tray, may come up after us: wait for it a little before
        // falling back to the window.
        auto *poll = new QTimer(this);
        poll->setInterval(250);
        auto waited = std::make_shared<QElapsedTimer>();
        waited->start();
        connect(poll, &QTimer::timeout, this, [this, poll, waited] {
            if (TrayIcon::isAvailable()) {
                poll->deleteLater();
                createTray();
                QApplication::setQuitOnLastWindowClosed(false);
                m_tray->show();
            } else if (waited->elapsed() >= m_trayWaitMs) {
                poll->deleteLater();
                showWindow();
                emit message(noTrayText());
            }
        });
        poll->start();
        return;
    }
    showWindow();
    emit message(noTrayText());
}

void DesktopShell::showWindow()
{
    if (!m_window)
        return;
    if (m_window->isMinimized())
        m_window->setWindowState(m_window->windowState() & ~Qt::WindowMinimized);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void DesktopShell::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    // Scores already paid for are stored as they arrive; the rest of the run is given up.
    if (m_controller && m_controller->isRunning())
        m_controller->cancel();
    if (m_tray)
        m_tray->hide();
    if (m_window)
        m_window->close();
    emit quitRequested();
    QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
}

void DesktopShell::applySettings()
{
    syncAutostart(/*rewrite=*/false);
    if (m_controller) {
        m_controller->replan();
        if (m_tray)
            m_tray->setPaused(m_controller->schedulePaused());
    }
}

void DesktopShell::syncAutostart(bool rewrite)
{
    const bool wanted = m_settings.startAtLogin();
    if (wanted == Autostart::isEnabled() && !(wanted && rewrite))
        return;
    QString error;
    if (!Autostart::setEnabled(wanted, Autostart::program(), &error))
        emit message(tr("\u201cStart at login\u201d could not be changed: %1").arg(error));
}

QString DesktopShell::trayHintText()
{
    return tr("PaperSieve keeps running in the system tray so the daily digest is ready each morning. "
              "Choose Quit in the tray menu to end it.");
}

QString DesktopShell::noTrayText()
{
    return tr("No system tray was found, so PaperSieve runs the daily digest only while this window is open; "
              "closing it quits PaperSieve. To run it without the window, use a systemd timer or cron with "
              "\u201cpapersieve run\u201d (see docs/DAILY.md).");
}

bool DesktopShell::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::WindowActivate)
        applySettings(); // cheap when nothing changed; catches the settings dialog closing
    if (watched != m_window || event->type() != QEvent::Close || m_quitting)
        return QObject::eventFilter(watched, event);
    auto *close = static_cast<QCloseEvent *>(event);
    if (m_tray) {
        // Closing the window is not quitting: with quitOnLastWindowClosed off the window just hides (and
        // saves its state as on any close), the schedule lives on in the tray.
        if (!m_settings.trayHintShown()) {
            m_settings.setTrayHintShown(true);
            m_notifiedDay = {}; // clicking the hint opens the window, not an old day
            m_tray->notify(tr("PaperSieve is still running"), trayHintText());
        }
        return QObject::eventFilter(watched, event);
    }
    if (m_controller && m_controller->isRunning()) {
        // A run survives the window: it finishes, then the app ends.
        close->ignore();
        m_window->hide();
        m_quitAfterRun = true;
        return true;
    }
    m_quitting = true;
    emit quitRequested();
    QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

void DesktopShell::onRunStarted(const QDate &)
{
    if (m_tray)
        m_tray->setRunning(true);
}

DesktopShell::Notification DesktopShell::notificationFor(const RunSummary &s)
{
    Notification n;
    if (s.cancelled && s.error.isEmpty())
        return n; // the user stopped it: nothing to tell them
    const QString day = s.day.isValid() ? QLocale().toString(s.day, u"ddd d MMM"_s) : QString();
    if (!s.error.isEmpty()) {
        n.isError = true;
        n.title = tr("PaperSieve: the daily run failed");
        n.text = day.isEmpty() ? s.error : tr("The run for %1 failed: %2").arg(day, s.error);
        return n;
    }
    n.title = day.isEmpty() ? tr("PaperSieve") : tr("PaperSieve \u2014 %1").arg(day);
    if (s.noAnnouncement) {
        n.text = tr("arXiv announced no new papers for this day.");
        return n;
    }
    // English plurals spelled out: the app ships no English translation file to resolve "%n paper(s)".
    const QString count = s.relevant == 1 ? tr("1 relevant paper") : tr("%1 relevant papers").arg(s.relevant);
    if (s.relevant > 0 && !s.topTitle.isEmpty())
        n.text = tr("%1 \u2014 top: %2").arg(count, s.topTitle.simplified());
    else if (s.relevant > 0)
        n.text = count;
    else
        n.text = tr("No relevant papers among the %1 scored.").arg(s.selection.scored);
    if (s.budgetReached)
        n.text += u' ' + tr("(Stopped at the daily budget: some papers are not scored.)");
    else if (s.outcome() == RunOutcome::PartlyScored)
        n.text += u' ' + tr("(%1 papers could not be scored.)").arg(s.selection.unscored);
    return n;
}

void DesktopShell::onRunFinished(const RunSummary &summary)
{
    if (m_tray) {
        m_tray->setRunning(false);
        if (summary.succeeded() && summary.day.isValid())
            m_tray->setCount(summary.day, summary.relevant);
    }
    const Notification n = notificationFor(summary);
    if (!n.text.isEmpty()) {
        m_notifiedDay = summary.succeeded() ? summary.day : QDate();
        // Without a tray the window's message bar shows it: the same plain-text path as a tray
        // notification, so a feed title of "<img src=..>" is text there too (M7).
        if (m_tray)
            m_tray->notify(n.title, n.text, n.isError);
        else
            emit message(TrayIcon::plainForNotification(n.text));
    }
    if (m_quitAfterRun) {
        m_quitting = true;
        emit quitRequested();
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    }
}

void DesktopShell::onNotificationClicked()
{
    showWindow();
    if (m_notifiedDay.isValid() && m_showDay)
        m_showDay(m_notifiedDay);
}
