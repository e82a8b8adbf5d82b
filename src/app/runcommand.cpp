// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcommand.h"

#include "appcontext.h"
#include "cli/commandline.h"
#include "clitext.h"
#include "digest/bibtexwriter.h"
#include "digest/digestbuilder.h"
#include "digest/htmlwriter.h"
#include "digest/jsonwriter.h"
#include "digest/markdownwriter.h"
#include "llm/llmapikeys.h"
#include "llm/llmproviders.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "pipeline/dailyrun.h"
#include "settings/appsettings.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSaveFile>
#include <QStandardPaths>

#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {
// The context of this file's messages in the translation files.
struct RunCommand
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
};

void say(const QString &line)
{
    std::fprintf(stderr, "papersieve: %s\n", qPrintable(line));
    std::fflush(stderr);
}

QByteArray render(const Digest &digest, CommandLine::Format format)
{
    switch (format) {
    case CommandLine::Format::Markdown:
        return MarkdownWriter::write(digest).toUtf8();
    case CommandLine::Format::Html:
        return HtmlWriter::write(digest).toUtf8();
    case CommandLine::Format::Json:
        return JsonWriter::write(digest);
    case CommandLine::Format::Bibtex:
        return BibtexWriter::write(digest).toUtf8();
    }
    return {};
}

// Written whole or not at all: a cron job never leaves half a digest behind.
bool writeOut(const QString &path, const QByteArray &bytes, QString *error)
{
    if (path.isEmpty() || path == u"-") {
        const bool ok = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size());
        std::fflush(stdout);
        if (!ok)
            *error = RunCommand::tr("cannot write the digest to standard output");
        return ok;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = RunCommand::tr("cannot write the digest to %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

#ifdef Q_OS_UNIX
int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &c, 1);
}
#endif

// Progress on stderr, one line per stage change and per tenth of a stage: readable in a cron mail.
class ProgressPrinter
{
public:
    void update(RunStage stage, int done, int total)
    {
        const int tenth = total > 0 ? done * 10 / total : -1;
        if (stage == m_stage && tenth == m_tenth)
            return;
        m_stage = stage;
        m_tenth = tenth;
        if (total > 0)
            say(u"%1 %2/%3"_s.arg(CliText::stage(stage)).arg(done).arg(total));
        else
            say(u"%1 …"_s.arg(CliText::stage(stage)));
    }

private:
    std::optional<RunStage> m_stage;
    int m_tenth = -2;
};
} // namespace

int runRunCommand(const CommandLine &cl)
{
    AppContext ctx = AppContext::fromCommandLine(cl);
    AppSettings settings(*ctx.settings);

    const QString provider = settings.provider();
    const QString apiKey = LlmApiKeys::fromEnvironment(provider);
    if (apiKey.isEmpty() && LlmProviders::needsApiKey(provider)) {
        say(RunCommand::tr("no API key: set %1 in the environment (provider %2)")
                .arg(LlmApiKeys::environmentVariable(provider), provider));
        return RunExit::NoApiKey;
    }

    Database db(ctx.databasePath);
    if (!db.open()) {
        say(RunCommand::tr("cannot open the database %1: %2").arg(ctx.databasePath, db.errorString()));
        return RunExit::Database;
    }
    QString pricingError;
    const PricingTable prices = PricingTable::withOverrides(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/pricing.json"_s, &pricingError);
    if (!pricingError.isEmpty())
        say(RunCommand::tr("note: the pricing override file is not usable (%1); built-in prices are used").arg(pricingError));

    HttpClient http;
    DailyRun run(db, http, settings, prices);
    run.setApiKey(apiKey);
    run.setS2ApiKey(qEnvironmentVariable("S2_API_KEY").trimmed());

    ProgressPrinter printer;
    QObject::connect(&run, &DailyRun::progress, &run,
                     [&printer](RunStage stage, int done, int total) { printer.update(stage, done, total); });
    QObject::connect(&run, &DailyRun::notice, &run, [](const QString &message) { say(message); });

    // With --out the digest is written as soon as the selection is over, without waiting for the arXiv
    // metadata requests (3 s apart); it is rewritten with the completed metadata when the run ends.
    const bool toFile = !cl.outFile.isEmpty() && cl.outFile != u"-";
    QObject::connect(&run, &DailyRun::digestReady, &run, [&](const RunSummary &ready) {
        if (!toFile)
            return;
        QString error;
        const std::optional<Digest> early = DigestBuilder(db, prices).forRun(ready.runId, &error);
        if (early && writeOut(cl.outFile, render(*early, cl.format), &error))
            say(RunCommand::tr("digest written to %1 (%2 relevant); arXiv metadata still completing").arg(cl.outFile).arg(early->totalRelevant));
        else
            say(RunCommand::tr("note: the early digest could not be written: %1").arg(error));
    });

    RunSummary summary;
    QEventLoop loop;
    QObject::connect(&run, &DailyRun::finished, &loop, [&](const RunSummary &s) {
        summary = s;
        loop.quit();
    });

#ifdef Q_OS_UNIX
    // SIGINT/SIGTERM cancel the run cleanly: what was paid for is stored either way.
    std::unique_ptr<QSocketNotifier> signalNotifier;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) == 0) {
        signalNotifier = std::make_unique<QSocketNotifier>(g_signalFds[1], QSocketNotifier::Read);
        QObject::connect(signalNotifier.get(), &QSocketNotifier::activated, &run, [&run] {
            char c = 0;
            [[maybe_unused]] const auto n = ::read(g_signalFds[1], &c, 1);
            say(RunCommand::tr("cancelling …"));
            run.cancel();
        });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
#endif

    run.start(cl.date, cl.categories);
    loop.exec();

#ifdef Q_OS_UNIX
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
#endif

    const QString dayText = summary.day.isValid() ? summary.day.toString(Qt::ISODate) : RunCommand::tr("(unknown day)");
    if (summary.noAnnouncement) {
        say(RunCommand::tr("%1: no arXiv announcement on this day; no digest written").arg(dayText));
        return RunExit::Ok;
    }
    if (summary.runId == 0) {
        say(summary.error.isEmpty() ? RunCommand::tr("the run could not start") : summary.error);
        return summary.cancelled ? RunExit::Cancelled : RunExit::Failed;
    }
    if (!summary.error.isEmpty() && summary.ingest.keptArxivIds.isEmpty()) {
        // Nothing was fetched (arXiv down, bad feed): there is no digest to write.
        say(RunCommand::tr("run failed: %1").arg(summary.error));
        return RunExit::Failed;
    }

    DigestBuilder builder(db, prices);
    QString error;
    const std::optional<Digest> digest = builder.forRun(summary.runId, &error);
    if (!digest) {
        say(RunCommand::tr("cannot build the digest: %1").arg(error));
        return RunExit::Database;
    }
    if (!writeOut(cl.outFile, render(*digest, cl.format), &error)) {
        say(error);
        return RunExit::CannotWrite;
    }

    double cost = 0;
    for (const DigestModelUsage &u : digest->usage)
        cost += u.totalCostUsd();
    const QString requests = summary.selection.flexRequests > 0
                                 ? RunCommand::tr("%1 LLM requests (%2 answered at the flex tier)")
                                       .arg(summary.selection.requests)
                                       .arg(summary.selection.flexRequests)
                                 : RunCommand::tr("%1 LLM requests").arg(summary.selection.requests);
    const QString line = RunCommand::tr("%1: %2 relevant of %3 scanned (%4 announced); %5, $%6 this run, $%7 the day%8")
                             .arg(dayText)
                             .arg(digest->totalRelevant)
                             .arg(digest->totalScanned)
                             .arg(digest->totalArxiv)
                             .arg(requests)
                             .arg(summary.costUsd, 0, 'f', 4)
                             .arg(cost, 0, 'f', 4)
                             .arg(cl.outFile.isEmpty() ? QString() : u"; "_s + cl.outFile);
    if (!digest->unscored.isEmpty())
        say(RunCommand::tr("unscored papers: %1 (listed at the end of the digest with the reason)").arg(digest->unscored.size()));
    // With --out the summary goes to stdout (the cron mail); without, stdout holds the digest.
    if (cl.outFile.isEmpty())
        say(line);
    else
        std::printf("%s\n", qPrintable(line));

    if (!summary.error.isEmpty()) {
        say(RunCommand::tr("run failed: %1 (the digest holds what was scored)").arg(summary.error));
        return RunExit::Failed;
    }
    if (summary.cancelled) {
        say(RunCommand::tr("cancelled (the digest holds what was scored; run again to finish)"));
        return RunExit::Cancelled;
    }
    if (summary.budgetReached) {
        say(RunCommand::tr("the daily budget was reached: papers not scored yet are not in the digest"));
        return RunExit::BudgetReached;
    }
    return RunExit::Ok;
}
