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
#include "incompletenote.h"
#include "llm/llmapikeys.h"
#include "llm/llmproviders.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "pipeline/dailyrun.h"
#include "settings/appsettings.h"
#include "settings/endpoints.h"
#include "storage/database.h"
#include "text/controlchars.h"
#include "text/secrets.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryFile>

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

// Every key the process was given: whatever a server echoes, none of them reaches stderr or a file.
QStringList g_secrets;

void collectSecrets(const QStringList &more)
{
    for (const char *name : {"OPENAI_API_KEY", "PAPERSIEVE_LLM_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "S2_API_KEY"})
        g_secrets << qEnvironmentVariable(name).trimmed();
    g_secrets << more;
    g_secrets.removeAll(QString());
    g_secrets.removeDuplicates();
}

void say(const QString &line)
{
    std::fprintf(stderr, "papersieve: %s\n", qPrintable(ControlChars::stripped(Secrets::scrub(line, g_secrets))));
    std::fflush(stderr);
}

void sayOut(const QString &line)
{
    std::printf("%s\n", qPrintable(ControlChars::stripped(Secrets::scrub(line, g_secrets))));
    std::fflush(stdout);
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
bool writeOut(const QString &path, const QByteArray &raw, QString *error)
{
    const QByteArray bytes = Secrets::scrub(raw, g_secrets);
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

// Said before any network request: a digest that could not be written would waste the run.
bool outWritable(const QString &path, QString *error)
{
    if (path.isEmpty() || path == u"-")
        return true;
    const QFileInfo info(path);
    if (info.isDir()) {
        *error = RunCommand::tr("cannot write the digest to %1: it is a folder").arg(path);
        return false;
    }
    QTemporaryFile probe(info.absolutePath() + u"/.papersieve-XXXXXX"_s);
    if (!probe.open()) {
        *error = RunCommand::tr("cannot write the digest to %1: %2").arg(path, probe.errorString());
        return false;
    }
    return true;
}

int exitCodeFor(const RunSummary &summary)
{
    switch (summary.outcome()) {
    case RunOutcome::Done:
    case RunOutcome::NoAnnouncement:
    case RunOutcome::NothingRelevant:
        return RunExit::Ok;
    case RunOutcome::PartlyScored:
        return summary.budgetReached ? RunExit::BudgetReached : RunExit::Ok;
    case RunOutcome::Cancelled:
        return RunExit::Cancelled;
    case RunOutcome::Failed:
        break;
    }
    switch (summary.failure) {
    case RunFailureKind::Database:
        return RunExit::Database;
    case RunFailureKind::NoApiKey:
        return RunExit::NoApiKey;
    default:
        return RunExit::Failed;
    }
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
    const QString apiKey = LlmApiKeys::fromEnvironment(provider, Endpoints::resolve(settings).llmBase);
    const QString s2Key = qEnvironmentVariable("S2_API_KEY").trimmed();
    collectSecrets({apiKey, s2Key});
    if (apiKey.isEmpty() && LlmProviders::needsApiKey(provider)) {
        say(RunCommand::tr("no API key: set %1 in the environment (provider %2)")
                .arg(LlmApiKeys::environmentVariable(provider), provider));
        return RunExit::NoApiKey;
    }

    QString outError;
    if (!outWritable(cl.outFile, &outError)) {
        say(outError);
        return RunExit::CannotWrite;
    }

    Database db(ctx.databasePath);
    if (!db.open()) {
        // The storage layer's text names the file and the reason: one line, not two.
        say(RunCommand::tr("the database cannot be used: %1").arg(db.errorString()));
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
    run.setS2ApiKey(s2Key);
    run.setOverBudgetPolicy(cl.yes ? DailyRun::OverBudget::Proceed : DailyRun::OverBudget::Refuse);
    if (const QByteArray ms = qgetenv("PAPERSIEVE_RUN_DEADLINE_MS"); !ms.isEmpty())
        run.setDeadlineMs(ms.toLongLong()); // for tests of a hung run; the default is 2 h

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
    const RunOutcome outcome = summary.outcome();
    const int code = exitCodeFor(summary);
    if (outcome == RunOutcome::NoAnnouncement) {
        const QString line = RunCommand::tr("%1: no announcement (weekend or holiday); no digest written").arg(dayText);
        if (cl.outFile.isEmpty())
            say(line);
        else
            sayOut(line);
        return code;
    }
    if (summary.runId == 0) {
        say(summary.error.isEmpty() ? RunCommand::tr("the run could not start") : RunCommand::tr("run failed: %1").arg(summary.error));
        return code;
    }
    if (outcome == RunOutcome::Failed && summary.ingest.keptArxivIds.isEmpty()) {
        // Nothing was fetched (arXiv down, bad feed): there is no digest to write.
        say(RunCommand::tr("run failed: %1").arg(summary.error));
        return code;
    }

    DigestBuilder builder(db, prices);
    QString error;
    const std::optional<Digest> digest = builder.forRun(summary.runId, &error);
    if (!digest) {
        say(RunCommand::tr("cannot build the digest: %1").arg(error));
        return RunExit::Database;
    }
    QByteArray bytes = render(*digest, cl.format);
    if (outcome == RunOutcome::Failed || outcome == RunOutcome::Cancelled) {
        const QString cause = outcome == RunOutcome::Cancelled ? RunCommand::tr("the run was cancelled") : summary.error;
        bytes = IncompleteNote::apply(bytes, cl.format, Secrets::scrub(cause, g_secrets));
    }
    if (!writeOut(cl.outFile, bytes, &error)) {
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
    // "nothing relevant" is a result, said in words: a script tells it from a failure by the exit
    // code and from a no-announcement day by this line.
    const QString found = outcome == RunOutcome::NothingRelevant
                              ? RunCommand::tr("nothing relevant among %1 scanned").arg(digest->totalScanned)
                              : RunCommand::tr("%1 relevant of %2 scanned").arg(digest->totalRelevant).arg(digest->totalScanned);
    const QString line = RunCommand::tr("%1: %2 (%3 announced); %4, $%5 this run, $%6 the day%7")
                             .arg(dayText, found)
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
        sayOut(line);

    switch (outcome) {
    case RunOutcome::Failed:
        say(RunCommand::tr("run failed: %1 (the digest holds what was scored and says it is incomplete)").arg(summary.error));
        break;
    case RunOutcome::Cancelled:
        say(RunCommand::tr("cancelled (the digest holds what was scored; run again to finish)"));
        break;
    case RunOutcome::PartlyScored:
        if (summary.refusedOverBudget)
            say(RunCommand::tr("not started: the estimate ($%1 for %2 papers) is over what is left of the daily budget "
                               "($%3 of $%4); run with --yes to send anyway, or raise the budget")
                    .arg(summary.estimate.usd, 0, 'f', 4)
                    .arg(summary.estimate.papers)
                    .arg(summary.estimate.budgetLeftUsd, 0, 'f', 4)
                    .arg(summary.estimate.budgetUsd, 0, 'f', 2));
        else if (summary.budgetReached)
            say(RunCommand::tr("the daily budget was reached: papers not scored yet are not in the digest"));
        break;
    default:
        break;
    }
    return code;
}
