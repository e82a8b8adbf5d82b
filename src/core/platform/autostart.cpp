// SPDX-License-Identifier: GPL-3.0-or-later
#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QXmlStreamWriter>

using namespace Qt::Literals::StringLiterals;

QString Autostart::appId() { return u"io.github.papersieve.PaperSieve"_s; }

QStringList Autostart::arguments() { return {u"--autostart"_s}; }

QString Autostart::program()
{
    // Inside an AppImage the executable lives in a mount that changes each start.
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    if (!appImage.isEmpty())
        return appImage;
    return QCoreApplication::applicationFilePath();
}

QString Autostart::desktopExec(const QStringList &argv)
{
    // Desktop Entry spec, "The Exec key": an argument with a reserved character is double-quoted,
    // and inside the quotes " ` $ \ get a backslash. '%' is doubled (field codes). Then the whole
    // value is a string, whose own escaping doubles every backslash again.
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    QStringList parts;
    for (const QString &arg : argv) {
        QString a = arg;
        a.replace(u'%', u"%%"_s);
        const bool needsQuotes = a.isEmpty() || std::any_of(a.cbegin(), a.cend(), [](QChar c) { return reserved.contains(c); });
        if (needsQuotes) {
            QString q;
            for (QChar c : std::as_const(a)) {
                if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
                    q += u'\\';
                q += c;
            }
            a = u'"' + q + u'"';
        }
        parts << a;
    }
    QString exec = parts.join(u' ');
    exec.replace(u'\\', u"\\\\"_s);
    exec.replace(u'\n', u"\\n"_s).replace(u'\t', u"\\t"_s).replace(u'\r', u"\\r"_s);
    return exec;
}

QString Autostart::desktopEntry(const QString &program, const QStringList &args)
{
    QStringList argv{program};
    argv += args;
    return u"[Desktop Entry]\n"
           "Type=Application\n"
           "Name=PaperSieve\n"
           "Comment=Runs the daily arXiv digest from the system tray\n"
           "Exec="_s
        + desktopExec(argv) + u"\n"_s
        + u"Icon="_s + appId() + u"\n"_s
        + u"Terminal=false\n"
           "StartupNotify=false\n"
           "X-GNOME-Autostart-enabled=true\n"
           // Give the panel (and its tray) a moment, so the icon finds a tray to sit in.
           "X-GNOME-Autostart-Delay=10\n"
           "X-KDE-autostart-after=panel\n"_s;
}

QString Autostart::windowsCommandLine(const QString &program, const QStringList &args)
{
    // The quoting CommandLineToArgvW undoes: quotes around arguments with blanks or quotes; a quote
    // inside gets a backslash, and backslashes right before a quote (or the closing quote) double.
    auto quote = [](const QString &arg) {
        if (!arg.isEmpty() && !arg.contains(u' ') && !arg.contains(u'\t') && !arg.contains(u'"'))
            return arg;
        QString out = u"\""_s;
        int backslashes = 0;
        for (QChar c : arg) {
            if (c == u'\\') {
                ++backslashes;
                continue;
            }
            if (c == u'"') {
                out += QString(backslashes * 2 + 1, u'\\');
                out += c;
            } else {
                out += QString(backslashes, u'\\');
                out += c;
            }
            backslashes = 0;
        }
        out += QString(backslashes * 2, u'\\');
        out += u'"';
        return out;
    };
    QStringList parts{quote(QDir::toNativeSeparators(program))};
    for (const QString &a : args)
        parts << quote(a);
    return parts.join(u' ');
}

QByteArray Autostart::launchAgentPlist(const QString &program, const QStringList &args)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument();
    w.writeDTD(u"<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"_s);
    w.writeStartElement(u"plist"_s);
    w.writeAttribute(u"version"_s, u"1.0"_s);
    w.writeStartElement(u"dict"_s);
    w.writeTextElement(u"key"_s, u"Label"_s);
    w.writeTextElement(u"string"_s, appId());
    w.writeTextElement(u"key"_s, u"ProgramArguments"_s);
    w.writeStartElement(u"array"_s);
    w.writeTextElement(u"string"_s, program);
    for (const QString &a : args)
        w.writeTextElement(u"string"_s, a);
    w.writeEndElement();
    w.writeTextElement(u"key"_s, u"RunAtLoad"_s);
    w.writeEmptyElement(u"true"_s);
    // An app with a UI in the user's login session, not a background daemon.
    w.writeTextElement(u"key"_s, u"ProcessType"_s);
    w.writeTextElement(u"string"_s, u"Interactive"_s);
    w.writeTextElement(u"key"_s, u"LimitLoadToSessionType"_s);
    w.writeTextElement(u"string"_s, u"Aqua"_s);
    w.writeEndElement(); // dict
    w.writeEndElement(); // plist
    w.writeEndDocument();
    return out;
}

QString Autostart::xdgAutostartPath()
{
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || !QDir::isAbsolutePath(config))
        config = QDir::homePath() + u"/.config"_s;
    return config + u"/autostart/"_s + appId() + u".desktop"_s;
}

QString Autostart::launchAgentPath()
{
    return QDir::homePath() + u"/Library/LaunchAgents/"_s + appId() + u".plist"_s;
}

QString Autostart::windowsRunKey()
{
    return u"HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"_s;
}

namespace {
[[maybe_unused]] bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QCoreApplication::translate("Autostart", "Cannot create the folder %1.").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = QCoreApplication::translate("Autostart", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

[[maybe_unused]] bool removeFile(const QString &path, QString *error)
{
    if (!QFile::exists(path) || QFile::remove(path))
        return true;
    *error = QCoreApplication::translate("Autostart", "Cannot remove %1.").arg(path);
    return false;
}
} // namespace

bool Autostart::setEnabled(bool enabled, const QString &program, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
#if defined(Q_OS_WIN)
    QSettings run(windowsRunKey(), QSettings::NativeFormat);
    if (enabled)
        run.setValue(u"PaperSieve"_s, windowsCommandLine(program, arguments()));
    else
        run.remove(u"PaperSieve"_s);
    run.sync();
    if (run.status() != QSettings::NoError) {
        *error = QCoreApplication::translate("Autostart", "Cannot change the Run key in the registry.");
        return false;
    }
    return true;
#elif defined(Q_OS_MACOS)
    return enabled ? writeFile(launchAgentPath(), launchAgentPlist(program, arguments()), error)
                   : removeFile(launchAgentPath(), error);
#else
    return enabled ? writeFile(xdgAutostartPath(), desktopEntry(program, arguments()).toUtf8(), error)
                   : removeFile(xdgAutostartPath(), error);
#endif
}

bool Autostart::isEnabled()
{
#if defined(Q_OS_WIN)
    return QSettings(windowsRunKey(), QSettings::NativeFormat).contains(u"PaperSieve"_s);
#elif defined(Q_OS_MACOS)
    return QFile::exists(launchAgentPath());
#else
    return QFile::exists(xdgAutostartPath());
#endif
}
