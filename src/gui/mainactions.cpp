// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainactions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

QAction *MainActions::make(const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, m_window);
    if (!key.isEmpty())
        action->setShortcut(key);
    return action;
}

MainActions::MainActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    QStyle *style = window->style();
    run = make(tr("&Run now"), QKeySequence::Refresh);
    run->setIcon(style->standardIcon(QStyle::SP_MediaPlay));
    run->setToolTip(tr("Fetch, pre-filter and score the selected day now (F5)"));
    cancel = make(tr("&Cancel run"));
    cancel->setIcon(style->standardIcon(QStyle::SP_MediaStop));
    cancel->setEnabled(false);
    quit = make(tr("&Quit"), QKeySequence::Quit);
    criteria = make(tr("Research &interests…"), QKeySequence(u"Ctrl+I"_s));
    settings = make(tr("&Settings…"), QKeySequence::Preferences);
    costs = make(tr("Run &costs…"));
    find = make(tr("&Search all papers"));
    find->setShortcuts({QKeySequence(Qt::Key_Slash), QKeySequence(QKeySequence::Find)});
    next = make(tr("&Next paper"), QKeySequence(u"J"_s));
    previous = make(tr("&Previous paper"), QKeySequence(u"K"_s));
    page = make(tr("Page the abstract"), QKeySequence(u"Space"_s));
    star = make(tr("S&tar"), QKeySequence(u"S"_s));
    toggleRead = make(tr("&Mark as unread"), QKeySequence(u"M"_s));
    markDayRead = make(tr("Mark &day as read"), QKeySequence(u"Shift+C"_s));
    open = make(tr("&Open abstract page"), QKeySequence(u"O"_s));
    openPdf = make(tr("Open &PDF"));
    copyBibtex = make(tr("Copy as &BibTeX"), QKeySequence(u"Ctrl+Shift+C"_s));
    copyMarkdown = make(tr("Copy as Mar&kdown"));
    exportDay = make(tr("Export &day…"), QKeySequence(u"Ctrl+E"_s));
    exportSelection = make(tr("Export &selection…"));
    exportStarred = make(tr("Export s&tarred papers…"));
    resetFilters = make(tr("&Reset filters"), QKeySequence(u"Ctrl+Backspace"_s));
    resetFilters->setToolTip(tr("Show the digest again: every filter back to its default (Ctrl+Backspace)"));
    shortcutsHelp = make(tr("&Keyboard shortcuts"), QKeySequence(u"F1"_s));
    about = make(tr("&About PaperSieve"));
    about->setMenuRole(QAction::AboutRole);
    // QKeySequence::Preferences is empty on Linux and Windows; Ctrl+, is what users of other apps try.
    QList<QKeySequence> prefs = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!prefs.contains(QKeySequence(u"Ctrl+,"_s)))
        prefs.append(QKeySequence(u"Ctrl+,"_s));
    settings->setShortcuts(prefs);
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu *fileMenu = window->menuBar()->addMenu(tr("&File"));
    QMenu *viewMenu = window->menuBar()->addMenu(tr("&View"));
    QMenu *toolsMenu = window->menuBar()->addMenu(tr("&Tools"));
    QMenu *helpMenu = window->menuBar()->addMenu(tr("&Help"));
    fileMenu->addAction(run);
    fileMenu->addAction(cancel);
    fileMenu->addSeparator();
    fileMenu->addActions({exportDay, exportSelection, exportStarred});
    fileMenu->addSeparator();
    fileMenu->addAction(quit);
    helpMenu->addActions({shortcutsHelp, about});
    toolsMenu->addAction(criteria);
    toolsMenu->addAction(settings);
    toolsMenu->addAction(costs);
    viewMenu->addAction(find);
    viewMenu->addSeparator();
    viewMenu->addActions({next, previous, page});
    viewMenu->addSeparator();
    viewMenu->addActions({star, toggleRead, markDayRead});
    viewMenu->addSeparator();
    viewMenu->addActions({open, openPdf, copyBibtex, copyMarkdown});
    viewMenu->addSeparator();
    viewMenu->addAction(resetFilters);

    m_toolBar = window->addToolBar(tr("Main"));
    m_toolBar->setObjectName(u"MainToolBar"_s);
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(run);
    m_toolBar->addAction(cancel);
    m_toolBar->addSeparator();
    m_toolBar->addAction(criteria);
    m_toolBar->addAction(settings);
    m_toolBar->addAction(costs);
}

void MainActions::fillContextMenu(QMenu *menu) const
{
    menu->addActions({star, toggleRead});
    menu->addSeparator();
    menu->addActions({copyBibtex, copyMarkdown});
    menu->addSeparator();
    menu->addActions({open, openPdf});
    menu->addSeparator();
    menu->addAction(exportSelection);
}

void MainActions::setCurrentRead(bool read)
{
    toggleRead->setText(read ? tr("&Mark as unread") : tr("&Mark as read"));
}
