// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshottour.h"

#include "criteriaeditordialog.h"
#include "helpdialogs.h"
#include "mainwindow.h"
#include "runcostsdialog.h"
#include "settings/appsettings.h"
#include "settingsdialog.h"
#include "storage/database.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

void save(QWidget *w, const QString &dir, const QString &name)
{
    const QString path = QDir(dir).filePath(name);
    const bool ok = w->grab().save(path);
    std::fprintf(stderr, "screenshot %s: %s\n", qPrintable(path), ok ? "saved" : "FAILED");
}

template<typename Dialog, typename Make>
void grabDialog(Make make, const QString &dir, const QString &name, int delayMs, int tab = 0)
{
    QTimer::singleShot(delayMs, qApp, [=] {
        Dialog *d = make();
        d->setAttribute(Qt::WA_DeleteOnClose);
        if (auto *tabs = d->template findChild<QTabWidget *>())
            tabs->setCurrentIndex(tab);
        d->show();
        QTimer::singleShot(700, d, [d, dir, name] {
            if (qEnvironmentVariableIsSet("PAPERSIEVE_SCREENSHOT_DEBUG")) {
                for (auto *e : d->template findChildren<QPlainTextEdit *>())
                    std::fprintf(stderr, "%s blocks %d scroll %d/%d visible %d size %dx%d\n", qPrintable(e->objectName()),
                                 e->document()->blockCount(), e->verticalScrollBar()->value(),
                                 e->verticalScrollBar()->maximum(), e->isVisible(), e->width(), e->height());
            }
            save(d, dir, name);
            d->close();
        });
    });
}

} // namespace

void ScreenshotTour::start(MainWindow *window, Database &database, AppSettings &settings, SecretStore &secrets,
                           const QString &dir)
{
    QDir().mkpath(dir);
    QTimer::singleShot(1200, window, [window, dir] { save(window, dir, u"main-window.png"_s); });
    grabDialog<CriteriaEditorDialog>([&database, &settings, window] {
        return new CriteriaEditorDialog(database, settings, window->currentDay(), window);
    }, dir, u"criteria-editor.png"_s, 1800);
    grabDialog<SettingsDialog>([&settings, &secrets, window] { return new SettingsDialog(settings, secrets, window); },
                               dir, u"settings.png"_s, 3000);
    grabDialog<SettingsDialog>([&settings, &secrets, window] { return new SettingsDialog(settings, secrets, window); },
                               dir, u"settings-model.png"_s, 4200, 1);
    grabDialog<RunCostsDialog>([&database, window] {
        return new RunCostsDialog(database, window->currentDay(), window);
    }, dir, u"run-costs.png"_s, 5400);
    grabDialog<ShortcutsDialog>([window] {
        return new ShortcutsDialog(window->findChildren<QAction *>(Qt::FindDirectChildrenOnly), window);
    }, dir, u"shortcuts.png"_s, 6600);
    grabDialog<AboutDialog>([&database, &settings, window] {
        return new AboutDialog(database.filePath(), settings.raw().fileName(), window);
    }, dir, u"about.png"_s, 7800);
    QTimer::singleShot(9200, qApp, &QCoreApplication::quit);
}
