// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runstage.h"

#include <QDate>
#include <QDateTime>
#include <QIcon>
#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QSystemTrayIcon;

// The icon in the system tray: its menu (Open, Run now, Pause schedule, Quit), a tooltip and badge with
// the day's count, and notifications. Knows nothing of the controller: DesktopShell feeds it state and
// listens to its signals.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    void show();
    void hide();
    bool isVisible() const;

    // State shown in the tooltip, the badge and the menu.
    void setCount(const QDate &day, int relevant); // day invalid: no run yet
    void setRunning(bool running);
    void setProgress(RunStage stage, int done, int total);
    void setNextRun(const QDateTime &at);
    void setPaused(bool paused);

    // A desktop notification. The text is plain (feed titles are untrusted): characters that would make
    // a notification server or Qt's balloon read it as markup are replaced by look-alikes.
    void notify(const QString &title, const QString &text, bool isError = false);
    static QString plainForNotification(const QString &text);

    QString toolTip() const;
    QIcon icon() const;
    QMenu *menu() const { return m_menu; }
    QAction *openAction() const { return m_open; }
    QAction *runNowAction() const { return m_runNow; }
    QAction *pauseAction() const { return m_pause; }
    QAction *quitAction() const { return m_quit; }
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    QString lastNotificationTitle() const { return m_lastTitle; }
    QString lastNotificationText() const { return m_lastText; }
    bool lastNotificationIsError() const { return m_lastIsError; }
    int notificationCount() const { return m_notifications; }

    static QIcon makeIcon(int badge); // badge < 0: none

signals:
    void openRequested();
    void runNowRequested();
    void pauseToggled(bool paused);
    void quitRequested();
    void notificationClicked();

private:
    void refresh();

    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QAction *m_open;
    QAction *m_runNow;
    QAction *m_pause;
    QAction *m_quit;
    QDate m_day;
    int m_relevant = -1;
    bool m_running = false;
    std::optional<RunStage> m_stage;
    int m_done = 0;
    int m_total = 0;
    QDateTime m_nextRun;
    bool m_paused = false;
    int m_iconBadge = -2;
    QString m_lastTitle;
    QString m_lastText;
    bool m_lastIsError = false;
    int m_notifications = 0;
};
