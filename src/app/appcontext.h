// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>

#include <memory>

struct CommandLine;

// What every command needs, made once from the command line: the settings file and the database path.
struct AppContext
{
    std::unique_ptr<QSettings> settings;
    QString databasePath;

    static AppContext fromCommandLine(const CommandLine &cl);
};

// Names used by QSettings and QStandardPaths; set before anything reads them.
void setApplicationIdentity();
