// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbfixture.h"
#include "storage/database.h"
#include "storage/runrepository.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestRunRepository : public QObject
{
    Q_OBJECT

private slots:
    void createFinishFind();
    void statusNames_data();
    void statusNames();
    void interruptedRunsAreMarked();
};

void TestRunRepository::createFinishFind()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"p.sqlite"_s));
    QVERIFY(db.open());
    RunRepository runs(db);
    QString error;
    // Null strings are stored as '' (the columns are NOT NULL).
    const qint64 id = runs.create(QDate(2026, 9, 24), QString(), 0, QString(), &error);
    QVERIFY2(id > 0, qPrintable(error));
    std::optional<Run> r = runs.find(id);
    QVERIFY(r);
    QCOMPARE(r->status, RunStatus::Running);
    QCOMPARE(r->settingsJson, u"{}"_s);
    QCOMPARE(r->criteriaId, 0);
    QVERIFY(r->started.isValid());
    QVERIFY(!r->finished.isValid());

    QVERIFY(runs.setDay(id, QDate(2026, 9, 25)));
    QVERIFY2(runs.finish(id, RunStatus::BudgetReached, QString(), 10, 8, 2, &error), qPrintable(error));
    r = runs.find(id);
    QCOMPARE(r->day, QDate(2026, 9, 25));
    QCOMPARE(r->status, RunStatus::BudgetReached);
    QCOMPARE(r->announced, 10);
    QCOMPARE(r->scanned, 8);
    QCOMPARE(r->relevant, 2);
    QVERIFY(r->finished >= r->started);

    QVERIFY(!runs.finish(4242, RunStatus::Finished, u"x"_s, 0, 0, 0, &error));
    QVERIFY(error.contains(u"4242"_s));
    QVERIFY(!runs.setDay(4242, QDate(2026, 9, 25)));

    const qint64 second = runs.create(QDate(2026, 9, 25), u"{\"a\":1}"_s, 0, u"gpt-5"_s);
    QCOMPARE(runs.latestForDay(QDate(2026, 9, 25))->id, second);
    QVERIFY(!runs.latestForDay(QDate(2026, 9, 1)));
    QCOMPARE(runs.recent(10).size(), 2);
    QCOMPARE(runs.recent(10).first().id, second);
}

void TestRunRepository::statusNames_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("name");
    QTest::newRow("running") << int(RunStatus::Running) << u"running"_s;
    QTest::newRow("finished") << int(RunStatus::Finished) << u"finished"_s;
    QTest::newRow("failed") << int(RunStatus::Failed) << u"failed"_s;
    QTest::newRow("cancelled") << int(RunStatus::Cancelled) << u"cancelled"_s;
    QTest::newRow("budget") << int(RunStatus::BudgetReached) << u"budget"_s;
}

void TestRunRepository::statusNames()
{
    QFETCH(int, status);
    QFETCH(QString, name);
    QCOMPARE(RunRepository::statusToString(RunStatus(status)), name);
    QCOMPARE(RunRepository::statusFromString(name), std::optional<RunStatus>(RunStatus(status)));
    QVERIFY(!RunRepository::statusFromString(u"nonsense"));
}

void TestRunRepository::interruptedRunsAreMarked()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"p.sqlite"_s));
    QVERIFY(db.open());
    RunRepository runs(db);
    const qint64 killed = runs.create(QDate(2026, 9, 24), {}, 0, u"gpt-5"_s);
    const qint64 done = runs.create(QDate(2026, 9, 24), {}, 0, u"gpt-5"_s);
    QVERIFY(runs.finish(done, RunStatus::Finished, {}, 1, 1, 1));
    QCOMPARE(runs.markInterrupted(), 1);
    QCOMPARE(runs.find(killed)->status, RunStatus::Failed);
    QVERIFY(runs.find(killed)->message.startsWith(u"Interrupted"_s));
    QCOMPARE(runs.find(done)->status, RunStatus::Finished);
    QCOMPARE(runs.markInterrupted(), 0);
}

QTEST_GUILESS_MAIN(TestRunRepository)
#include "tst_runrepository.moc"
