// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QObject>

class AppSettings;
class Database;
class MainActions;
class PaperExporter;
class PaperListController;
class PaperTableModel;
class QMainWindow;
struct Digest;

// What the window does with papers beyond reading them: open their pages, copy and export them (the
// selection, the day, the starred ones), the row context menu, and the Help menu's dialogs.
class PaperCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperCommands)

public:
    PaperCommands(Database &database, AppSettings &settings, MainActions *actions, PaperListController *list,
                  PaperTableModel *papers, QMainWindow *window);

    // The day the list shows (exports and selections are named after it).
    void setDay(const QDate &day) { m_day = day; }

signals:
    void status(const QString &message);
    void failed(const QString &message);

private:
    QList<qint64> selectedPaperIds() const;
    Digest selectionDigest() const;
    void exportDay();
    void openSelected(bool pdf);
    void showContextMenu(const QPoint &pos);

    Database &m_database;
    AppSettings &m_settings;
    MainActions *m_actions;
    PaperListController *m_list;
    PaperTableModel *m_papers;
    QMainWindow *m_window;
    PaperExporter *m_exporter;
    QDate m_day;
};
