// SPDX-License-Identifier: GPL-3.0-or-later
#include "guisession.h"

#include "demo/demolibrary.h"
#include "mainwindow.h"
#include "schedule/dailycontroller.h"
#include "storage/database.h"

#include <QRect>

GuiSession::GuiSession(AppSettings &settings, SecretStore &secrets, QString databasePath, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_databasePath(std::move(databasePath))
{
}

GuiSession::~GuiSession()
{
    // The window reads the databases and listens to the controller: it goes first.
    m_window.reset();
    m_daily.reset();
}

Database *GuiSession::database() const
{
    if (m_demo)
        return &m_demo->database();
    return m_database.get();
}

bool GuiSession::openDemo(QString *error)
{
    auto demo = std::make_unique<DemoLibrary>();
    if (!demo->open(error))
        return false;
    m_window.reset();
    m_daily.reset();
    m_database.reset();
    m_demo = std::move(demo);
    makeWindow(m_demo->database());
    m_window->setDemoDay(m_demo->day(), m_demo->model());
    // Queued: the request comes from inside the window (a dialog's answer, a link), which must not be
    // deleted under its own feet.
    connect(m_window.get(), &MainWindow::leaveDemoRequested, this, &GuiSession::leaveDemo, Qt::QueuedConnection);
    return true;
}

bool GuiSession::openLibrary(QString *error)
{
    auto database = std::make_unique<Database>(m_databasePath);
    if (!database->open()) {
        if (error)
            *error = database->errorString();
        return false;
    }
    m_window.reset();
    m_daily.reset();
    m_database = std::move(database);
    m_daily = std::make_unique<DailyController>(*m_database, m_settings, m_secrets);
    makeWindow(*m_database);
    m_demo.reset(); // after its window: the demo's temporary folder is deleted with it
    return true;
}

void GuiSession::makeWindow(Database &database)
{
    m_window = std::make_unique<MainWindow>(database, m_settings, m_secrets, m_daily.get());
}

void GuiSession::leaveDemo()
{
    if (!m_demo || !m_window)
        return;
    QString error;
    if (m_gate && !m_gate(&error)) {
        m_window->showMessage(tr("Your library could not be opened: %1").arg(error));
        return;
    }
    auto database = std::make_unique<Database>(m_databasePath);
    if (!database->open()) {
        m_window->showMessage(tr("Your library could not be opened: %1").arg(database->errorString()));
        return;
    }
    std::unique_ptr<MainWindow> demoWindow = std::move(m_window);
    m_database = std::move(database);
    m_daily = std::make_unique<DailyController>(*m_database, m_settings, m_secrets);
    makeWindow(*m_database);
    // Shown before the demo's window goes, where it was: the app never has no window (it would quit).
    m_window->setGeometry(demoWindow->geometry());
    if (demoWindow->isVisible())
        m_window->show();
    demoWindow.reset();
    m_demo.reset();
    emit libraryOpened();
}
