// SPDX-License-Identifier: GPL-3.0-or-later
#include "guimain.h"

#include "appcontext.h"
#include "cli/commandline.h"
#include "mainwindow.h"
#include "storage/database.h"

#include <QApplication>
#include <QMessageBox>

int runGui(const CommandLine &cl)
{
    AppContext ctx = AppContext::fromCommandLine(cl);
    Database database(ctx.databasePath);
    if (!database.open()) {
        QMessageBox::critical(nullptr, QObject::tr("PaperSieve"), database.errorString());
        return 1;
    }
    MainWindow window(database);
    window.show();
    return QApplication::exec();
}
