// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"
#include "cli/commandline.h"
#include "fetchcommand.h"
#include "guimain.h"
#include "runcommand.h"
#include "text/translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>

#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    CommandLine cl;
    QString error;
    if (!CommandLine::parse(arguments, &cl, &error)) {
        std::fprintf(stderr, "papersieve: %s\n", qPrintable(error));
        return 64; // EX_USAGE
    }

    switch (cl.command) {
    case CommandLine::Command::Help:
        std::fputs(qPrintable(CommandLine::helpText()), stdout);
        return 0;
    case CommandLine::Command::Version:
        std::printf("%s\n", qPrintable(CommandLine::versionText()));
        return 0;
    case CommandLine::Command::Fetch:
    case CommandLine::Command::Run: {
        // Headless: no QApplication, so cron and servers need no display.
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        Translations::install(app, QLocale());
        return cl.command == CommandLine::Command::Fetch ? runFetchCommand(cl) : runRunCommand(cl);
    }
    case CommandLine::Command::Gui:
        break;
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    Translations::install(app, QLocale());
    QApplication::setApplicationDisplayName(QStringLiteral("PaperSieve"));
    return runGui(cl);
}
