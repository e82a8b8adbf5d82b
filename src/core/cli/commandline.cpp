// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "arxiv/arxivcategory.h"

#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {
// "--opt=value" or "--opt value"; advances i past the value.
bool takeValue(const QStringList &args, qsizetype &i, const QString &arg, const QString &option, QString *value,
               QString *error)
{
    const QString prefix = option + u'=';
    if (arg.startsWith(prefix)) {
        *value = arg.mid(prefix.size());
    } else if (i + 1 < args.size()) {
        *value = args.at(++i);
    } else {
        *error = u"option %1 needs a value"_s.arg(option);
        return false;
    }
    if (value->isEmpty()) {
        *error = u"option %1 needs a value"_s.arg(option);
        return false;
    }
    return true;
}

bool matches(const QString &arg, const QString &option)
{
    return arg == option || arg.startsWith(option + u'=');
}
} // namespace

QString CommandLine::formatName(Format format)
{
    switch (format) {
    case Format::Markdown:
        return u"md"_s;
    case Format::Html:
        return u"html"_s;
    case Format::Json:
        return u"json"_s;
    case Format::Bibtex:
        return u"bib"_s;
    }
    return {};
}

bool CommandLine::parse(const QStringList &arguments, CommandLine *result, QString *error)
{
    CommandLine cl;
    bool commandSeen = false;
    bool dateSet = false, categoriesSet = false, outSet = false, formatSet = false;
    // arguments.at(0) is the program.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        QString value;
        if (arg == u"--help" || arg == u"-h" || arg == u"-?") {
            cl.command = Command::Help;
            *result = cl;
            return true;
        } else if (arg == u"--version" || arg == u"-v") {
            cl.command = Command::Version;
            *result = cl;
            return true;
        } else if (arg == u"--demo") {
            cl.demo = true;
        } else if (arg == u"--run-now") {
            cl.runNow = true;
        } else if (arg == u"--autostart") {
            cl.autostart = true;
        } else if (arg == u"--yes" || arg == u"-y") {
            cl.yes = true;
            outSet = true; // like --out: it belongs to 'papersieve run'
        } else if (matches(arg, u"--date"_s)) {
            if (!takeValue(arguments, i, arg, u"--date"_s, &value, error))
                return false;
            cl.date = QDate::fromString(value, Qt::ISODate);
            if (!cl.date.isValid()) {
                *error = u"--date takes a day as YYYY-MM-DD, not '%1'"_s.arg(value);
                return false;
            }
            dateSet = true;
        } else if (matches(arg, u"--categories"_s)) {
            if (!takeValue(arguments, i, arg, u"--categories"_s, &value, error))
                return false;
            for (const QString &c : value.split(u',', Qt::SkipEmptyParts)) {
                const QString t = c.trimmed();
                if (!ArxivCategory::isWellFormed(t)) {
                    *error = u"'%1' is not an arXiv category (e.g. cs.LG)"_s.arg(t);
                    return false;
                }
                if (!cl.categories.contains(t))
                    cl.categories << t;
            }
            if (cl.categories.isEmpty()) {
                *error = u"--categories needs at least one category, e.g. cs.LG,cs.AI"_s;
                return false;
            }
            categoriesSet = true;
        } else if (matches(arg, u"--out"_s) || arg == u"-o") {
            if (!takeValue(arguments, i, arg, arg == u"-o" ? u"-o"_s : u"--out"_s, &value, error))
                return false;
            cl.outFile = value;
            outSet = true;
        } else if (matches(arg, u"--format"_s)) {
            if (!takeValue(arguments, i, arg, u"--format"_s, &value, error))
                return false;
            const QString f = value.toLower();
            if (f == u"md" || f == u"markdown")
                cl.format = Format::Markdown;
            else if (f == u"html")
                cl.format = Format::Html;
            else if (f == u"json")
                cl.format = Format::Json;
            else if (f == u"bib" || f == u"bibtex")
                cl.format = Format::Bibtex;
            else {
                *error = u"--format takes md, html, json or bib, not '%1'"_s.arg(value);
                return false;
            }
            formatSet = true;
        } else if (matches(arg, u"--db"_s)) {
            if (!takeValue(arguments, i, arg, u"--db"_s, &value, error))
                return false;
            cl.dbPath = value;
        } else if (matches(arg, u"--config"_s)) {
            if (!takeValue(arguments, i, arg, u"--config"_s, &value, error))
                return false;
            cl.configPath = value;
        } else if (arg.startsWith(u'-')) {
            // Qt's own options (-platform, -style ...) are left for QApplication in GUI mode.
            if (arg == u"-platform" || arg == u"-style" || arg == u"-display") {
                ++i;
                continue;
            }
            *error = u"unknown option '%1' (see papersieve --help)"_s.arg(arg);
            return false;
        } else if (!commandSeen && (arg == u"fetch" || arg == u"run")) {
            cl.command = arg == u"fetch" ? Command::Fetch : Command::Run;
            commandSeen = true;
        } else {
            *error = u"unknown command '%1' (see papersieve --help)"_s.arg(arg);
            return false;
        }
    }

    if (outSet && !formatSet) {
        // `--out digest.html` means HTML: the file's extension names the format when --format does not.
        const QString suffix = QFileInfo(cl.outFile).suffix().toLower();
        if (suffix == u"html" || suffix == u"htm")
            cl.format = Format::Html;
        else if (suffix == u"json")
            cl.format = Format::Json;
        else if (suffix == u"bib")
            cl.format = Format::Bibtex;
    }
    if ((outSet || formatSet) && cl.command != Command::Run) {
        *error = u"--out, --format and --yes belong to 'papersieve run'"_s;
        return false;
    }
    if ((dateSet || categoriesSet) && cl.command == Command::Gui) {
        *error = u"--date and --categories belong to 'papersieve fetch' and 'papersieve run'"_s;
        return false;
    }
    if (cl.demo && cl.command != Command::Gui) {
        *error = u"--demo opens the window; it does not combine with fetch or run"_s;
        return false;
    }
    *result = cl;
    return true;
}

QString CommandLine::versionText()
{
    return u"papersieve " PAPERSIEVE_VERSION ""_s;
}

QString CommandLine::helpText()
{
    return uR"(Usage:
  papersieve                      open the window
  papersieve --demo               open the window on the bundled demo day (no network, no key)
  papersieve --run-now            run today's digest now (in the running instance if there is one)
  papersieve --autostart          as started at login: only the tray icon, no window (if there is a tray)
  papersieve fetch [--date D] [--categories cs.LG,cs.AI]
                                  fetch the day's arXiv announcements and store them, no window
  papersieve run [--date D] [--categories C] [--out FILE] [--format md|html|json|bib] [--yes]
                                  fetch + select + write the digest, no window; without --format
                                  the extension of --out (.html, .json, .bib) names the format
                                  --yes: send even when the cost estimate is over what is left of
                                  the daily budget (without it such a run stops with exit 4)
  papersieve --version | --help

Common options:
  --db PATH        database file (default: the application data location)
  --config FILE    settings file (default: the platform's settings location)

Environment:
  PAPERSIEVE_ARXIV_RSS_URL, PAPERSIEVE_ARXIV_API_URL, PAPERSIEVE_S2_API_URL, PAPERSIEVE_LLM_BASE_URL
                   override the service endpoints (https, or http on loopback only)
  OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, S2_API_KEY
                   API keys for fetch/run (the window uses the system keychain)
  PAPERSIEVE_LLM_API_KEY
                   the key of an OpenAI-compatible server (OPENAI_API_KEY goes to api.openai.com only)

Progress goes to stderr, results to stdout. Exit codes of run: 0 done (also: no announcement,
nothing relevant), 1 failed (digest marked incomplete), 2 no API key, 3 database unusable,
4 daily budget (reached, or the estimate is over it without --yes), 5 cancelled, 6 --out not
writable, 64 wrong command line.
)"_s;
}
