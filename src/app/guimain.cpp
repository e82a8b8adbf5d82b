// SPDX-License-Identifier: GPL-3.0-or-later
#include "guimain.h"

#include "appcontext.h"
#include "cli/commandline.h"
#include "demo/demolibrary.h"
#include "llm/llmapikeys.h"
#include "mainwindow.h"
#include "screenshottour.h"
#include "settings/appsettings.h"
#include "settings/keychainsecretstore.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"

#ifdef PAPERSIEVE_HAVE_DAILY_CONTROLLER
#include "schedule/dailycontroller.h"
#endif

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
    AppSettings settings(*ctx.settings);
    KeychainSecretStore secrets;

    std::unique_ptr<Database> userDatabase;
    std::unique_ptr<DemoLibrary> demo;
    bool demoMode = cl.demo;
    if (!demoMode) {
        userDatabase = std::make_unique<Database>(ctx.databasePath);
        if (!userDatabase->open()) {
            QMessageBox::critical(nullptr, QObject::tr("PaperSieve"), userDatabase->errorString());
            return 1;
        }
        // A first start (nothing stored, no key): show what the app does on the bundled demo day.
        if (LibraryRepository(*userDatabase).isEmpty() && !hasApiKey(settings, secrets))
            demoMode = true;
    }
    if (demoMode) {
        demo = std::make_unique<DemoLibrary>();
        QString error;
        if (!demo->open(&error)) {
            QMessageBox::critical(nullptr, QObject::tr("PaperSieve"), error);
            return 1;
        }
    }
    Database &database = demoMode ? demo->database() : *userDatabase;

    DailyController *daily = nullptr;
#ifdef PAPERSIEVE_HAVE_DAILY_CONTROLLER
    std::unique_ptr<DailyController> dailyOwner;
    if (!demoMode) {
        dailyOwner = std::make_unique<DailyController>(database, settings, secrets);
        daily = dailyOwner.get();
    }
#endif

    MainWindow window(database, settings, secrets, daily);
    if (demoMode)
        window.setDemoDay(demo->day(), demo->model());

    // ===== DesktopShell (tray icon, schedule notifications, single instance, close-to-tray) =====
    // The DAILY engineer / the lead wires it here, e.g.:
    //   DesktopShell shell(window, daily, settings);   // filters window's close event to hide to the tray
    //   if (cl.runNow && daily) daily->runNow();
    // Without it, closing the window quits the app (Qt's default quitOnLastWindowClosed).
    // =============================================================================================

    window.show();
    const QString screenshotDir = qEnvironmentVariable("PAPERSIEVE_SCREENSHOT_DIR");
    if (!screenshotDir.isEmpty())
        ScreenshotTour::start(&window, database, settings, secrets, screenshotDir);
    return QApplication::exec();
}
