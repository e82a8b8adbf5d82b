// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"

#include "cli/commandline.h"
#include "storage/database.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(u"PaperSieve"_s);
    QCoreApplication::setOrganizationDomain(u"papersieve.github.io"_s);
    QCoreApplication::setApplicationName(u"PaperSieve"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PAPERSIEVE_VERSION));
}

AppContext AppContext::fromCommandLine(const CommandLine &cl)
{
    AppContext ctx;
    if (cl.configPath.isEmpty())
        ctx.settings = std::make_unique<QSettings>();
    else
        ctx.settings = std::make_unique<QSettings>(cl.configPath, QSettings::IniFormat);
    ctx.databasePath = cl.dbPath.isEmpty() ? Database::defaultFilePath() : cl.dbPath;
    return ctx;
}
