// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "storage/database.h"

#include <QLabel>
#include <QStatusBar>

MainWindow::MainWindow(Database &database, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
{
    setWindowTitle(tr("PaperSieve"));
    auto *placeholder = new QLabel(tr("No digest yet."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    statusBar()->showMessage(tr("Database: %1").arg(m_database.filePath()));
    resize(1200, 780);
}
