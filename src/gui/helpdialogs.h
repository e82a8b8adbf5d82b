// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QAction;

// Help ▸ Keyboard shortcuts: every window action that has a key, with the key as it is typed ("j", not "J").
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    // "J" → "j": a single letter is typed without Shift.
    static QString keyText(const QKeySequence &key);
};

// Help ▸ About: version, Qt version, and where the library and the settings live (with Show in folder).
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    AboutDialog(const QString &databasePath, const QString &settingsPath, QWidget *parent = nullptr);
};
