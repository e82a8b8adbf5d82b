// SPDX-License-Identifier: GPL-3.0-or-later
// "Start at login": the XDG autostart entry written and removed for real (in a temporary
// XDG_CONFIG_HOME) and started by a real desktop launcher (GLib's `gio launch`) where one is installed;
// the Windows Run-key command line and the macOS LaunchAgent plist checked by decoding what was
// generated with independent implementations of the consumers' rules.
#include "cli/commandline.h"
#include "platform/autostart.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// The Desktop Entry spec's two layers, undone in the consumer's order: the string escapes of the
// value (\s \n \t \r \\), then the Exec quoting rules (inside "...", a backslash escapes " ` $ \).
QStringList parseDesktopExec(const QString &value, bool *ok)
{
    QString s;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c != u'\\' || i + 1 == value.size()) {
            s += c;
            continue;
        }
        const QChar n = value.at(++i);
        s += n == u's' ? u' ' : n == u'n' ? u'\n' : n == u't' ? u'\t' : n == u'r' ? u'\r' : n;
    }
    QStringList argv;
    QString cur;
    bool inArg = false;
    bool quoted = false;
    *ok = true;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (quoted) {
            if (c == u'\\' && i + 1 < s.size() && QStringView(u"\"`$\\").contains(s.at(i + 1)))
                cur += s.at(++i);
            else if (c == u'"')
                quoted = false;
            else
                cur += c;
        } else if (c == u' ') {
            if (inArg)
                argv << cur;
            cur.clear();
            inArg = false;
        } else if (c == u'"') {
            quoted = inArg = true;
        } else if (c == u'%') {
            // Only "%%" may appear: we never ask for field codes.
            if (i + 1 >= s.size() || s.at(i + 1) != u'%')
                *ok = false;
            cur += u'%';
            ++i;
            inArg = true;
        } else {
            if (QStringView(u"\t\n\"'\\><~|&;$*?#()`").contains(c))
                *ok = false; // reserved characters must be quoted
            cur += c;
            inArg = true;
        }
    }
    if (quoted)
        *ok = false;
    if (inArg)
        argv << cur;
    return argv;
}

// CommandLineToArgvW as documented ("Parsing C++ command-line arguments"), for the arguments after
// the program name: 2n backslashes + quote -> n backslashes and a quote toggle; 2n+1 -> n and a literal
// quote; backslashes elsewhere are literal. The program name itself ends at the first space unless quoted.
QStringList parseWindowsCommandLine(const QString &line)
{
    QStringList argv;
    qsizetype i = 0;
    QString prog;
    if (line.startsWith(u'"')) {
        const qsizetype end = line.indexOf(u'"', 1);
        prog = line.mid(1, end - 1);
        i = end + 1;
    } else {
        const qsizetype end = line.indexOf(u' ');
        prog = line.left(end < 0 ? line.size() : end);
        i = prog.size();
    }
    argv << prog;
    while (i < line.size()) {
        while (i < line.size() && (line.at(i) == u' ' || line.at(i) == u'\t'))
            ++i;
        if (i >= line.size())
            break;
        QString arg;
        bool quoted = false;
        while (i < line.size()) {
            const QChar c = line.at(i);
            if (c == u'\\') {
                qsizetype n = 0;
                while (i < line.size() && line.at(i) == u'\\') {
                    ++n;
                    ++i;
                }
                if (i < line.size() && line.at(i) == u'"') {
                    arg += QString(n / 2, u'\\');
                    if (n % 2) {
                        arg += u'"';
                        ++i;
                    }
                } else {
                    arg += QString(n, u'\\');
                }
                continue;
            }
            if (c == u'"') {
                quoted = !quoted;
                ++i;
                continue;
            }
            if (!quoted && (c == u' ' || c == u'\t'))
                break;
            arg += c;
            ++i;
        }
        argv << arg;
    }
    return argv;
}

QMap<QString, QString> desktopKeys(const QString &entry)
{
    QMap<QString, QString> keys;
    for (const QString &line : entry.split(u'\n')) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            keys.insert(line.left(eq), line.mid(eq + 1));
    }
    return keys;
}

const QStringList kTrickyArgs{u"--autostart"_s,       u"with space"_s,    u"quote\"inside"_s, u"back\\slash"_s,
                              u"dollar $HOME"_s,      u"100%"_s,          u"`tick`"_s,        u"semi;colon"_s,
                              u"ünïcödé"_s,           u"trailing\\"_s,    u"a'b"_s};
} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startedAppAcceptsTheArguments();
    void desktopExecRoundTrips();
    void desktopEntryHasTheKeysAutostartNeeds();
    void linuxEntryIsWrittenAndRemoved();
    void relativeXdgConfigHomeIsIgnored();
    void unwritableFolderIsReported();
    void desktopLauncherStartsTheEntryWithItsArguments();
    void windowsRunValueRoundTrips();
    void windowsRunValueForAnInstalledProgram();
    void launchAgentPlistIsValidAndComplete();

private:
    QTemporaryDir m_dir;
    QByteArray m_oldConfig;
};

void TestAutostart::init()
{
    QVERIFY(m_dir.isValid());
    m_oldConfig = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
}

void TestAutostart::cleanup()
{
    if (m_oldConfig.isNull())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", m_oldConfig);
}

void TestAutostart::startedAppAcceptsTheArguments()
{
    // What login starts must parse: an unknown option would make the app exit at every login.
    QStringList argv{u"/usr/bin/papersieve"_s};
    argv += Autostart::arguments();
    CommandLine cl;
    QString error;
    QVERIFY2(CommandLine::parse(argv, &cl, &error), qPrintable(error));
    QCOMPARE(cl.command, CommandLine::Command::Gui);
    QVERIFY(cl.autostart);
    QVERIFY(!cl.runNow);
}

void TestAutostart::desktopExecRoundTrips()
{
    QStringList argv{u"/opt/Paper Sieve/bin/papersieve"_s};
    argv += kTrickyArgs;
    const QString exec = Autostart::desktopExec(argv);
    bool ok = false;
    QCOMPARE(parseDesktopExec(exec, &ok), argv);
    QVERIFY2(ok, qPrintable(exec));
    // The common case stays readable.
    QCOMPARE(Autostart::desktopExec({u"/usr/bin/papersieve"_s, u"--autostart"_s}), u"/usr/bin/papersieve --autostart"_s);
}

void TestAutostart::desktopEntryHasTheKeysAutostartNeeds()
{
    const QString entry = Autostart::desktopEntry(u"/usr/bin/papersieve"_s, Autostart::arguments());
    QVERIFY(entry.startsWith(u"[Desktop Entry]\n"_s));
    const auto keys = desktopKeys(entry);
    QCOMPARE(keys.value(u"Type"_s), u"Application"_s);
    QCOMPARE(keys.value(u"Name"_s), u"PaperSieve"_s);
    QCOMPARE(keys.value(u"Exec"_s), u"/usr/bin/papersieve --autostart"_s);
    QCOMPARE(keys.value(u"Terminal"_s), u"false"_s);
    QCOMPARE(keys.value(u"X-GNOME-Autostart-enabled"_s), u"true"_s);
    QVERIFY(!keys.contains(u"Hidden"_s)); // Hidden=true would mean "disabled"
}

void TestAutostart::linuxEntryIsWrittenAndRemoved()
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    QSKIP("the XDG autostart entry is written on Linux/BSD only");
#else
    const QString expectedPath = m_dir.filePath(u"config/autostart/io.github.papersieve.PaperSieve.desktop"_s);
    QCOMPARE(Autostart::xdgAutostartPath(), expectedPath);
    QVERIFY(!Autostart::isEnabled());

    QString error;
    QVERIFY2(Autostart::setEnabled(true, u"/opt/Paper Sieve/papersieve"_s, &error), qPrintable(error));
    QVERIFY(Autostart::isEnabled());
    QFile f(expectedPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto keys = desktopKeys(QString::fromUtf8(f.readAll()));
    bool ok = false;
    QCOMPARE(parseDesktopExec(keys.value(u"Exec"_s), &ok), (QStringList{u"/opt/Paper Sieve/papersieve"_s, u"--autostart"_s}));
    QVERIFY(ok);
    f.close();

    // Writing again (another install path) replaces the entry.
    QVERIFY(Autostart::setEnabled(true, u"/usr/bin/papersieve"_s, &error));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(desktopKeys(QString::fromUtf8(f.readAll())).value(u"Exec"_s), u"/usr/bin/papersieve --autostart"_s);
    f.close();

    QVERIFY2(Autostart::setEnabled(false, {}, &error), qPrintable(error));
    QVERIFY(!QFile::exists(expectedPath));
    QVERIFY(!Autostart::isEnabled());
    // Switching off what is already off is fine.
    QVERIFY(Autostart::setEnabled(false, {}, &error));
#endif
}

void TestAutostart::relativeXdgConfigHomeIsIgnored()
{
    // The XDG base directory spec: a relative path is invalid and must be ignored.
    qputenv("XDG_CONFIG_HOME", "relative/config");
    QCOMPARE(Autostart::xdgAutostartPath(), QDir::homePath() + u"/.config/autostart/io.github.papersieve.PaperSieve.desktop"_s);
}

void TestAutostart::unwritableFolderIsReported()
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    QSKIP("the XDG autostart entry is written on Linux/BSD only");
#else
    // A file where the config folder should be: no folder can be made there, whoever we run as.
    QFile blocker(m_dir.filePath(u"blocked"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    qputenv("XDG_CONFIG_HOME", blocker.fileName().toUtf8());
    QString error;
    QVERIFY(!Autostart::setEnabled(true, u"/usr/bin/papersieve"_s, &error));
    QVERIFY2(error.contains(blocker.fileName()), qPrintable(error));
    QVERIFY(!Autostart::isEnabled());
#endif
}

void TestAutostart::desktopLauncherStartsTheEntryWithItsArguments()
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    QSKIP("XDG desktop entries are a Linux/BSD thing");
#else
    const QString gio = QStandardPaths::findExecutable(u"gio"_s);
    if (gio.isEmpty())
        QSKIP("GLib's `gio` launcher is not installed: the entry is checked by content only");
    // The program in a folder whose name needs quoting, started with arguments that need escaping.
    const QString folder = m_dir.filePath(u"Paper Sieve $dir"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString program = folder + u"/papersieve helper"_s;
    QVERIFY(QFile::copy(QStringLiteral(PAPERSIEVE_HELPER), program));
    QVERIFY(QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString entryPath = m_dir.filePath(u"entry.desktop"_s);
    QFile entry(entryPath);
    QVERIFY(entry.open(QIODevice::WriteOnly));
    QStringList args{u"argv"_s};
    args += kTrickyArgs;
    entry.write(Autostart::desktopEntry(program, args).toUtf8());
    entry.close();

    const QString out = m_dir.filePath(u"argv.txt"_s);
    QProcess launcher;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PAPERSIEVE_ARGV_OUT"_s, out);
    launcher.setProcessEnvironment(env);
    launcher.start(gio, {u"launch"_s, entryPath});
    QVERIFY(launcher.waitForFinished(15000));
    QVERIFY2(launcher.exitCode() == 0, launcher.readAllStandardError().constData());
    // gio returns once the child is spawned; the child writes its arguments a moment later.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(out).size() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(out).size() >= QString(args.join(u'\n') + u'\n').toUtf8().size(), 5000);
    QFile got(out);
    QVERIFY(got.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(got.readAll()).split(u'\n');
    QCOMPARE(lines.takeLast(), QString());
    QCOMPARE(lines, args);
#endif
}

void TestAutostart::windowsRunValueRoundTrips()
{
    const QString program = u"C:\\Program Files\\Paper Sieve\\papersieve.exe"_s;
    QStringList args = kTrickyArgs;
    args << QString() << u"ends with backslash space \\"_s << u"\\\\server\\share"_s;
    const QString line = Autostart::windowsCommandLine(program, args);
    QStringList expected{program};
    expected += args;
    QCOMPARE(parseWindowsCommandLine(line), expected);
}

void TestAutostart::windowsRunValueForAnInstalledProgram()
{
    QCOMPARE(Autostart::windowsCommandLine(u"C:\\Program Files\\PaperSieve\\papersieve.exe"_s, Autostart::arguments()),
             u"\"C:\\Program Files\\PaperSieve\\papersieve.exe\" --autostart"_s);
    QCOMPARE(Autostart::windowsRunKey(), u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"_s);
}

void TestAutostart::launchAgentPlistIsValidAndComplete()
{
    const QString program = u"/Applications/Paper & Sieve.app/Contents/MacOS/<papersieve>"_s;
    const QByteArray plist = Autostart::launchAgentPlist(program, Autostart::arguments());
    QVERIFY(plist.contains("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""));

    // Read it back as launchd would: a dict of key / value pairs.
    QXmlStreamReader xml(plist);
    QString key;
    QMap<QString, QVariant> dict;
    QStringList programArguments;
    bool inArray = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"key"_s) {
                key = xml.readElementText();
            } else if (name == u"string"_s) {
                const QString text = xml.readElementText();
                if (inArray)
                    programArguments << text;
                else
                    dict.insert(key, text);
            } else if (name == u"true"_s || name == u"false"_s) {
                dict.insert(key, name == u"true"_s);
            } else if (name == u"array"_s) {
                inArray = true;
            }
        } else if (xml.isEndElement() && xml.name() == u"array"_s) {
            inArray = false;
            dict.insert(key, programArguments);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(dict.value(u"Label"_s).toString(), Autostart::appId());
    QCOMPARE(dict.value(u"ProgramArguments"_s).toStringList(), (QStringList{program, u"--autostart"_s}));
    QCOMPARE(dict.value(u"RunAtLoad"_s), QVariant(true));
    QCOMPARE(dict.value(u"LimitLoadToSessionType"_s).toString(), u"Aqua"_s);
    QVERIFY(Autostart::launchAgentPath().endsWith(u"/Library/LaunchAgents/io.github.papersieve.PaperSieve.plist"_s));
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
