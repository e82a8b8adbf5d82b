// SPDX-License-Identifier: GPL-3.0-or-later
#include "fetchcommand.h"

#include "appcontext.h"
#include "arxiv/arxivcategory.h"
#include "cli/commandline.h"
#include "clitext.h"
#include "ingest/dayingest.h"
#include "ingest/daylisting.h"
#include "net/httpclient.h"
#include "pipeline/runconfig.h"
#include "settings/appsettings.h"
#include "storage/database.h"
#include "text/controlchars.h"

#include <QCoreApplication>

#include <cstdio>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
// The context of this file's messages in the translation files.
struct FetchCommand
{
    Q_DECLARE_TR_FUNCTIONS(FetchCommand)
};

void say(const QString &line)
{
    std::fprintf(stderr, "papersieve: %s\n", qPrintable(ControlChars::stripped(line))); // no terminal escapes from a feed
    std::fflush(stderr);
}

// The one line for stdout: what the day held and what is now in the database.
QString summaryLine(const IngestSummary &s, const QString &categories)
{
    const QString day = s.day.toString(Qt::ISODate);
    if (s.noAnnouncement)
        return u"%1 %2: no announcement (weekend or arXiv holiday)"_s.arg(day, categories);
    return u"%1 %2: announced %3, new %4, cross %5, replace %6, replace-cross %7, kept %8, stored %9"_s.arg(day, categories)
        .arg(s.announced)
        .arg(s.newCount)
        .arg(s.crossCount)
        .arg(s.replaceCount)
        .arg(s.replaceCrossCount)
        .arg(s.kept)
        .arg(s.stored);
}
} // namespace

int runFetchCommand(const CommandLine &cl)
{
    AppContext ctx = AppContext::fromCommandLine(cl);
    AppSettings settings(*ctx.settings);
    Database db(ctx.databasePath);
    if (!db.open()) {
        say(FetchCommand::tr("cannot open the database: %1").arg(db.errorString()));
        return 1;
    }

    const QString categories =
        ArxivCategory::normalise(cl.categories.isEmpty() ? settings.categories() : cl.categories).join(u'+');
    HttpClient http;
    DayIngest ingest(db, http);
    IngestSummary result;
    bool feedStored = false;
    std::optional<RunStage> lastStage;
    int lastDone = -1;

    QObject::connect(&ingest, &DayIngest::notice, &ingest, [](const QString &message) { say(message); });
    QObject::connect(&ingest, &DayIngest::progress, &ingest, [&](RunStage stage, int done, int total) {
        if (stage != lastStage) {
            lastStage = stage;
            lastDone = -1;
            if (stage == RunStage::Feed)
                say(cl.date.isValid() ? FetchCommand::tr("fetching %1 for %2 from arXiv").arg(cl.date.toString(Qt::ISODate), categories)
                                      : FetchCommand::tr("fetching today's arXiv feed for %1").arg(categories));
            else if (stage == RunStage::Metadata)
                say(FetchCommand::tr("completing metadata through the arXiv API (one request every %1 s)")
                        .arg(settings.arxivRequestSpacingMs() / 1000.0, 0, 'g', 3));
        }
        if (total > 0 && done > 0 && done != lastDone) {
            lastDone = done;
            say(u"%1 %2/%3"_s.arg(CliText::stage(stage)).arg(done).arg(total));
        }
    });
    QObject::connect(&ingest, &DayIngest::feedStored, &ingest, [&](const IngestSummary &s) {
        feedStored = true;
        result = s;
        say(FetchCommand::tr("stored %1 paper(s) of %2").arg(s.announced).arg(s.day.toString(Qt::ISODate)));
    });
    QObject::connect(&ingest, &DayIngest::finished, &ingest, [&](const IngestSummary &s) {
        result = s;
        QCoreApplication::quit();
    });

    ingest.start(RunConfig::ingestConfig(settings, cl.categories), cl.date);
    QCoreApplication::exec();

    // What is stored is reported even when a later stage failed: nothing the user has is hidden.
    if (result.error.isEmpty() || feedStored)
        std::printf("%s\n", qPrintable(summaryLine(result, categories)));
    std::fflush(stdout);
    if (!result.error.isEmpty()) {
        say(FetchCommand::tr("fetch failed: %1").arg(result.error));
        return 1;
    }
    return 0;
}
