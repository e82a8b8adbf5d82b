// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

// The main window's actions with their shortcuts and icons, its menus and its tool bar. What an action does
// is connected by the window; this class only knows how the commands are offered.
class MainActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainActions)

public:
    explicit MainActions(QMainWindow *window);

    QAction *run;
    QAction *cancel;
    QAction *quit;
    QAction *criteria;
    QAction *settings;
    QAction *costs;
    QAction *find;
    QAction *next;
    QAction *previous;
    QAction *page;
    QAction *star;
    QAction *toggleRead;
    QAction *markDayRead;
    QAction *open;
    QAction *openPdf;
    QAction *copyBibtex;
    QAction *copyMarkdown;
    QAction *exportDay;
    QAction *exportSelection;
    QAction *exportStarred;
    QAction *resetFilters;
    QAction *shortcutsHelp;
    QAction *about;

    // The paper list's right-click menu: the same actions, on the selected papers.
    void fillContextMenu(QMenu *menu) const;
    // "Mark as unread" for a read paper, "Mark as read" for an unread one.
    void setCurrentRead(bool read);

    QToolBar *toolBar() const { return m_toolBar; }

private:
    QAction *make(const QString &text, const QKeySequence &key = {});

    QMainWindow *m_window;
    QToolBar *m_toolBar = nullptr;
};
