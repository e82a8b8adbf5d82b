// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

// The command-line contract (README "Command line"). Parsed without a QCoreApplication, because
// which application class to create depends on the command.
struct CommandLine
{
    enum class Command { Gui, Fetch, Run, Version, Help };
    enum class Format { Markdown, Html, Json, Bibtex };

    Command command = Command::Gui;
    bool demo = false;
    bool runNow = false;     // ask a running instance (or this one) to run now
    bool autostart = false;  // started at login (platform/autostart.h): stay in the tray, no window
    QDate date;              // invalid: the latest announcement day
    QStringList categories;  // empty: the configured ones
    QString outFile;         // empty: stdout
    Format format = Format::Markdown;
    QString dbPath;          // empty: the default location
    QString configPath;      // empty: the platform's QSettings location
    bool yes = false;        // run: send even when the estimate is over what is left of the daily budget

    // Returns false and sets *error (one line, for stderr) when the arguments are wrong.
    static bool parse(const QStringList &arguments, CommandLine *result, QString *error);
    static QString helpText();
    static QString versionText();
    static QString formatName(Format format);
};
