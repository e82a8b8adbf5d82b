// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// "Start at login": the platform's own mechanism, generated here and written for the running platform.
//  - Linux/BSD: an XDG autostart entry $XDG_CONFIG_HOME/autostart/io.github.papersieve.PaperSieve.desktop
//  - Windows:   value "PaperSieve" under HKCU\Software\Microsoft\Windows\CurrentVersion\Run
//  - macOS:     ~/Library/LaunchAgents/io.github.papersieve.PaperSieve.plist (RunAtLoad)
// The started app gets --autostart, so it goes to the tray instead of opening its window.
class Autostart final
{
public:
    static QString appId();         // io.github.papersieve.PaperSieve
    static QStringList arguments(); // {"--autostart"}
    // The executable to start: $APPIMAGE inside an AppImage, else this executable.
    static QString program();

    // Generated content (pure, tested on every platform).
    static QString desktopExec(const QStringList &argv);     // Exec= value, quoted per the Desktop Entry spec
    static QString desktopEntry(const QString &program, const QStringList &args);
    static QString windowsCommandLine(const QString &program, const QStringList &args); // CommandLineToArgvW rules
    static QByteArray launchAgentPlist(const QString &program, const QStringList &args);

    static QString xdgAutostartPath();
    static QString launchAgentPath();
    static QString windowsRunKey(); // the registry path, for QSettings(NativeFormat)

    // Writes (enabled) or removes the entry for the running platform. False with *error if that failed.
    static bool setEnabled(bool enabled, const QString &program, QString *error);
    static bool isEnabled();
};
