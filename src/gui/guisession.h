// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class AppSettings;
class DailyController;
class Database;
class DemoLibrary;
class MainWindow;
class SecretStore;

// The window and what it shows: either the bundled demo day or the user's own library (their database and
// the DailyController that fills it). Leaving the demo swaps both without restarting the app: the demo's
// window and throw-away database go, the library's window comes up where the demo's was.
class GuiSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuiSession)

public:
    GuiSession(AppSettings &settings, SecretStore &secrets, QString databasePath, QObject *parent = nullptr);
    ~GuiSession() override;

    bool openDemo(QString *error = nullptr);
    // Opens the user's database (created when missing) with its DailyController. The window is not shown:
    // the caller decides (a DesktopShell may keep it in the tray).
    bool openLibrary(QString *error = nullptr);

    // Asked before the demo is left; false keeps the demo (error says why). guimain claims the
    // single-instance lock here, which a --demo window never held.
    using Gate = std::function<bool(QString *error)>;
    void setLeaveDemoGate(Gate gate) { m_gate = std::move(gate); }

    bool isDemo() const { return m_demo != nullptr; }
    MainWindow *window() const { return m_window.get(); }
    Database *database() const;
    DailyController *daily() const { return m_daily.get(); }

public slots:
    // Opens the library and replaces the demo's window with the library's (shown where the demo's was, if
    // that was shown). On failure the demo stays, with the reason in its message bar.
    void leaveDemo();

signals:
    // The library's window replaced the demo's (the caller attaches its tray and schedule).
    void libraryOpened();

private:
    void makeWindow(Database &database);

    AppSettings &m_settings;
    SecretStore &m_secrets;
    QString m_databasePath;
    Gate m_gate;
    // Destroyed bottom-up: the window before the controller and the databases it reads.
    std::unique_ptr<DemoLibrary> m_demo;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<DailyController> m_daily;
    std::unique_ptr<MainWindow> m_window;
};
