// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandline.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void parsesValid_data();
    void parsesValid();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void helpNamesEveryCommand();
};

void TestCommandLine::parsesValid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("command");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QString>("out");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("db");
    QTest::addColumn<bool>("demo");

    using C = CommandLine::Command;
    using F = CommandLine::Format;
    QTest::newRow("gui") << QStringList{} << int(C::Gui) << QString() << QStringList{} << QString() << int(F::Markdown)
                         << QString() << false;
    QTest::newRow("demo") << QStringList{u"--demo"_s} << int(C::Gui) << QString() << QStringList{} << QString()
                          << int(F::Markdown) << QString() << true;
    QTest::newRow("fetch") << QStringList{u"fetch"_s, u"--date"_s, u"2025-10-07"_s, u"--categories"_s, u"cs.LG,cs.AI"_s}
                           << int(C::Fetch) << u"2025-10-07"_s << QStringList{u"cs.LG"_s, u"cs.AI"_s} << QString()
                           << int(F::Markdown) << QString() << false;
    QTest::newRow("run=") << QStringList{u"run"_s, u"--out=d.html"_s, u"--format=html"_s, u"--db=/tmp/x.sqlite"_s}
                          << int(C::Run) << QString() << QStringList{} << u"d.html"_s << int(F::Html)
                          << u"/tmp/x.sqlite"_s << false;
    QTest::newRow("run bib") << QStringList{u"--db"_s, u"a.sqlite"_s, u"run"_s, u"--format"_s, u"bib"_s}
                             << int(C::Run) << QString() << QStringList{} << QString() << int(F::Bibtex)
                             << u"a.sqlite"_s << false;
    // Without --format the extension of --out names the format; --format wins over it.
    QTest::newRow("out .html") << QStringList{u"run"_s, u"--out"_s, u"x.html"_s} << int(C::Run) << QString()
                               << QStringList{} << u"x.html"_s << int(F::Html) << QString() << false;
    QTest::newRow("out .JSON") << QStringList{u"run"_s, u"--out"_s, u"d/x.JSON"_s} << int(C::Run) << QString()
                               << QStringList{} << u"d/x.JSON"_s << int(F::Json) << QString() << false;
    QTest::newRow("out .bib") << QStringList{u"run"_s, u"-o"_s, u"x.bib"_s} << int(C::Run) << QString()
                              << QStringList{} << u"x.bib"_s << int(F::Bibtex) << QString() << false;
    QTest::newRow("out .txt") << QStringList{u"run"_s, u"--out"_s, u"x.txt"_s} << int(C::Run) << QString()
                              << QStringList{} << u"x.txt"_s << int(F::Markdown) << QString() << false;
    QTest::newRow("format wins") << QStringList{u"run"_s, u"--out"_s, u"x.html"_s, u"--format"_s, u"md"_s}
                                 << int(C::Run) << QString() << QStringList{} << u"x.html"_s << int(F::Markdown)
                                 << QString() << false;
    QTest::newRow("dup categories") << QStringList{u"fetch"_s, u"--categories"_s, u"cs.LG,cs.LG, math.OC"_s}
                                    << int(C::Fetch) << QString() << QStringList{u"cs.LG"_s, u"math.OC"_s}
                                    << QString() << int(F::Markdown) << QString() << false;
    QTest::newRow("version") << QStringList{u"--version"_s} << int(C::Version) << QString() << QStringList{}
                             << QString() << int(F::Markdown) << QString() << false;
    QTest::newRow("help wins") << QStringList{u"run"_s, u"--help"_s} << int(C::Help) << QString() << QStringList{}
                               << QString() << int(F::Markdown) << QString() << false;
}

void TestCommandLine::parsesValid()
{
    QFETCH(QStringList, args);
    QFETCH(int, command);
    QFETCH(QString, date);
    QFETCH(QStringList, categories);
    QFETCH(QString, out);
    QFETCH(int, format);
    QFETCH(QString, db);
    QFETCH(bool, demo);

    CommandLine cl;
    QString error;
    QVERIFY2(CommandLine::parse(QStringList{u"papersieve"_s} + args, &cl, &error), qPrintable(error));
    QCOMPARE(int(cl.command), command);
    QCOMPARE(cl.date.isValid() ? cl.date.toString(Qt::ISODate) : QString(), date);
    QCOMPARE(cl.categories, categories);
    QCOMPARE(cl.outFile, out);
    QCOMPARE(int(cl.format), format);
    QCOMPARE(cl.dbPath, db);
    QCOMPARE(cl.demo, demo);
}

void TestCommandLine::rejectsInvalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad date") << QStringList{u"fetch"_s, u"--date"_s, u"07/10/2025"_s} << u"YYYY-MM-DD"_s;
    QTest::newRow("no value") << QStringList{u"fetch"_s, u"--date"_s} << u"needs a value"_s;
    QTest::newRow("bad category") << QStringList{u"fetch"_s, u"--categories"_s, u"cs LG"_s} << u"not an arXiv category"_s;
    QTest::newRow("bad format") << QStringList{u"run"_s, u"--format"_s, u"pdf"_s} << u"md, html, json or bib"_s;
    QTest::newRow("out on fetch") << QStringList{u"fetch"_s, u"--out"_s, u"x.md"_s} << u"belong to"_s;
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"unknown option"_s;
    QTest::newRow("unknown command") << QStringList{u"digest"_s} << u"unknown command"_s;
    QTest::newRow("demo with run") << QStringList{u"run"_s, u"--demo"_s} << u"--demo"_s;
    QTest::newRow("date in gui") << QStringList{u"--date"_s, u"2025-10-07"_s} << u"belong to"_s;
}

void TestCommandLine::rejectsInvalid()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    CommandLine cl;
    QString error;
    QVERIFY(!CommandLine::parse(QStringList{u"papersieve"_s} + args, &cl, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(!error.contains(u'\n'), "the reason is one line");
}

void TestCommandLine::helpNamesEveryCommand()
{
    const QString help = CommandLine::helpText();
    for (const char *word : {"--demo", "fetch", "run", "--date", "--categories", "--out", "--format", "--db",
                             "--config", "--version", "PAPERSIEVE_LLM_BASE_URL", "OPENAI_API_KEY"})
        QVERIFY2(help.contains(QLatin1StringView(word)), word);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
