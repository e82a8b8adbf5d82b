// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainactions.h"

#include <QAction>
#include <QMainWindow>
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
    open = make(tr("&Open in browser"), QKeySequence(u"O"_s));

    QMenu *fileMenu = window->menuBar()->addMenu(tr("&File"));
    QMenu *viewMenu = window->menuBar()->addMenu(tr("&View"));
    QMenu *toolsMenu = window->menuBar()->addMenu(tr("&Tools"));
    fileMenu->addAction(run);
    fileMenu->addAction(cancel);
    fileMenu->addSeparator();
    fileMenu->addAction(quit);
    toolsMenu->addAction(criteria);
    toolsMenu->addAction(settings);
    toolsMenu->addAction(costs);
    viewMenu->addAction(find);
    viewMenu->addSeparator();
    viewMenu->addActions({next, previous, page, star, open});

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
