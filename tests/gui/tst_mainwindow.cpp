// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "storage/database.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void opensOnAnEmptyDatabase();
};

void TestMainWindow::opensOnAnEmptyDatabase()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"p.sqlite"_s));
    QVERIFY(db.open());
    MainWindow window(db);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), u"PaperSieve"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
