// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class AppSettings;
class DailyController;
class QWidget;
class SingleInstance;
class TrayIcon;
struct RunSummary;

// The app as it lives on the desktop: ties the window, the DailyController, the single-instance
// server and the tray icon together.
//  - With a tray: closing the window hides it (said once, AppSettings::trayHintShown); the app keeps
//    running and the schedule with it; Quit in the tray menu ends it.
//  - Without a tray: a normal window app. Closing the window quits (after a run in progress ends), and
//    message() says why the schedule needs the window open.
//  - A finished run: a notification "N relevant papers — top: <title>" (clicking it shows that day);
//    a failed one: a notification saying what failed.
//  - Another start of the app: "activate" raises the window, "run-now" starts a run here.
// Takes the window as a QWidget and "show this day" as a function, so it needs no MainWindow header.
class DesktopShell final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopShell)

public:
    enum class Tray { Detect, Absent }; // Absent: behave as if no tray exists (tests; a --no-tray option)
    using ShowDay = std::function<void(const QDate &)>;

    DesktopShell(QWidget *window, AppSettings &settings, DailyController *controller, Tray tray = Tray::Detect,
                 QObject *parent = nullptr);
    ~DesktopShell() override;

    void setShowDay(ShowDay showDay) { m_showDay = std::move(showDay); }
    void attachSingleInstance(SingleInstance *instance);
    // Shows the tray icon, and the window unless the app was started at login and a tray holds it.
    // Started at login without a tray yet, it waits up to trayWaitMs for one (the panel may start
    // after us), then falls back to the window.
    void start(bool startedAtLogin = false);
    void setTrayWaitMs(int ms) { m_trayWaitMs = ms; } // default 30 s

    bool hasTray() const { return m_tray != nullptr; }
    TrayIcon *tray() const { return m_tray; }
    bool isQuitting() const { return m_quitting; }

    // What the notification for a finished run says (plain text). Empty text: no notification
    // (the user cancelled the run).
    struct Notification
    {
        QString title;
        QString text;
        bool isError = false;
    };
    static Notification notificationFor(const RunSummary &summary);
    static QString trayHintText();
    static QString noTrayText();

public slots:
    void showWindow(); // show, raise, activate
    void quit();
    // After the settings changed: writes or removes the login entry to match "Start at login" and
    // re-plans the schedule. Also done at start() and whenever the window is activated again (as it is
    // when the settings dialog closes).
    void applySettings();

signals:
    // For the window's message bar (MainWindow::showMessage(text, false)). Plain text; a run's
    // notification has its markup characters replaced as for the tray (TrayIcon::plainForNotification).
    void message(const QString &text);
    // Emitted once when the app should end; the shell also asks QCoreApplication to quit.
    void quitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onRunStarted(const QDate &day);
    void onRunFinished(const RunSummary &summary);
    void onNotificationClicked();
    void syncAutostart(bool rewrite);
    void createTray();

    QPointer<QWidget> m_window;
    AppSettings &m_settings;
    QPointer<DailyController> m_controller;
    Tray m_trayPolicy;
    int m_trayWaitMs = 30000;
    TrayIcon *m_tray = nullptr;
    ShowDay m_showDay;
    QDate m_notifiedDay;
    bool m_quitting = false;
    bool m_quitAfterRun = false;
};
