// SPDX-License-Identifier: GPL-3.0-or-later
#include "guimain.h"

#include "appcontext.h"
#include "cli/commandline.h"
#include "desktopshell.h"
#include "guisession.h"
#include "llm/llmapikeys.h"
#include "mainwindow.h"
#include "platform/singleinstance.h"
#include "screenshottour.h"
#include "settings/appsettings.h"
#include "settings/keychainsecretstore.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"

#include "schedule/dailycontroller.h"

#include <QApplication>
#include <QEventLoop>
#include <QMessageBox>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

// Whether an API key for the configured provider exists (environment or keychain). Asked only on a first
// start with an empty library, to decide on the demo; waits at most a few seconds for the keychain.
bool hasApiKey(const AppSettings &settings, SecretStore &secrets)
{
    const QString provider = settings.provider();
    if (!LlmApiKeys::fromEnvironment(provider).isEmpty())
        return true;
    QEventLoop loop;
    bool found = false;
    QObject context;
    secrets.read(LlmApiKeys::secretName(provider), &context, [&](bool ok, const QString &value, const QString &) {
        found = ok && !value.isEmpty();
        loop.quit();
    });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    return found;
}

} // namespace

int runGui(const CommandLine &cl)
{
    AppContext ctx = AppContext::fromCommandLine(cl);

    // One window per user and database: a second start hands its wish ("activate" or "run now") to the
    // first and ends here. The demo opens its own throw-away database, so it never conflicts.
    SingleInstance instance(SingleInstance::defaultServerName(ctx.databasePath));
    if (!cl.demo) {
        switch (instance.claim(cl.runNow ? SingleInstance::Message::RunNow : SingleInstance::Message::Activate)) {
        case SingleInstance::Role::Primary:
            break;
        case SingleInstance::Role::Secondary:
            return 0;
        case SingleInstance::Role::Failed:
            QMessageBox::critical(nullptr, QObject::tr("PaperSieve"), instance.errorString());
            return 1;
        }
    }
    AppSettings settings(*ctx.settings);
    KeychainSecretStore secrets;

    GuiSession session(settings, secrets, ctx.databasePath);
    bool demoMode = cl.demo;
    if (!demoMode) {
        Database probe(ctx.databasePath);
        if (!probe.open()) {
            QMessageBox::critical(nullptr, QObject::tr("PaperSieve"), probe.errorString());
            return 1;
        }
        // A first start (nothing stored, no key): show what the app does on the bundled demo day.
        demoMode = LibraryRepository(probe).isEmpty() && !hasApiKey(settings, secrets);
    }
    QString error;
    if (!(demoMode ? session.openDemo(&error) : session.openLibrary(&error))) {
        QMessageBox::critical(nullptr, QObject::tr("PaperSieve"), error);
        return 1;
    }

    // Tray, close-to-tray, notifications, single-instance messages, start at login. start() shows the
    // window, unless the app was started at login and a tray is there to hold it. The demo has no
    // schedule and no runs, so it is a plain window.
    std::unique_ptr<DesktopShell> shell;
    auto attachShell = [&](bool autostart) {
        MainWindow *window = session.window();
        shell = std::make_unique<DesktopShell>(window, settings, session.daily());
        shell->setShowDay([window](const QDate &day) { window->showDay(day); });
        shell->attachSingleInstance(&instance);
        QObject::connect(shell.get(), &DesktopShell::message, window,
                         [window](const QString &text) { window->showMessage(text, false); });
        shell->start(autostart);
    };
    if (demoMode) {
        session.window()->show();
        // Leaving the demo for the user's library: a --demo window never held the single-instance lock.
        session.setLeaveDemoGate([&instance, &cl](QString *error) {
            if (!cl.demo)
                return true;
            switch (instance.claim(SingleInstance::Message::Activate)) {
            case SingleInstance::Role::Primary:
                return true;
            case SingleInstance::Role::Secondary:
                *error = QObject::tr("PaperSieve is already open on your library in another window.");
                return false;
            case SingleInstance::Role::Failed:
                *error = instance.errorString();
                return false;
            }
            return false;
        });
        QObject::connect(&session, &GuiSession::libraryOpened, &session, [&] { attachShell(false); });
    } else {
        attachShell(cl.autostart);
        if (cl.runNow && session.daily())
            session.daily()->runNow();
    }

    const QString screenshotDir = qEnvironmentVariable("PAPERSIEVE_SCREENSHOT_DIR");
    if (!screenshotDir.isEmpty())
        ScreenshotTour::start(session.window(), *session.database(), settings, secrets, screenshotDir);
    const int code = QApplication::exec();
    shell.reset(); // it holds the window, which the session owns
    return code;
}
