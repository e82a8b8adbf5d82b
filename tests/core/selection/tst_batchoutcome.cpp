// SPDX-License-Identifier: GPL-3.0-or-later
// BatchOutcomes: what one reply decides for each paper of its batch, without HTTP or a database.
#include "selection/batchoutcome.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QStringList batch(int n)
{
    QStringList ids;
    for (int i = 1; i <= n; ++i)
        ids.append(u"2510.%1"_s.arg(10000 + i));
    return ids;
}

// The title reply that drops papers 1..count of the batch.
QString dropping(int count)
{
    QStringList numbers;
    for (int i = 1; i <= count; ++i)
        numbers.append(QString::number(i));
    return u'[' + numbers.join(u", "_s) + u']';
}

int countStatus(const BatchOutcome &o, ScoreStatus status)
{
    return int(std::count_if(o.rows.cbegin(), o.rows.cend(), [status](const Score &s) { return s.status == status; }));
}
} // namespace

class TestBatchOutcome : public QObject
{
    Q_OBJECT

private slots:
    void titleReplyDroppingNearlyAllIsAskedAgain_data();
    void titleReplyDroppingNearlyAllIsAskedAgain();
    void unusableTitleReplyKeepsWithoutStoring();
    void abstractMissingAskedOnceThenUnscored();
};

void TestBatchOutcome::titleReplyDroppingNearlyAllIsAskedAgain_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("dropped");
    QTest::addColumn<int>("round");
    QTest::addColumn<bool>("askedAgain");
    QTest::newRow("12 of 12") << 12 << 12 << 0 << true;
    QTest::newRow("10 of 10") << 10 << 10 << 0 << true;
    // A real day's pre-filter drops ~89 % of titles, often more in one batch: those replies are taken.
    QTest::newRow("47 of 48 (taken)") << 48 << 47 << 0 << false;
    QTest::newRow("160 of 166 (taken)") << 166 << 160 << 0 << false;
    QTest::newRow("9 of 9 (too small to judge)") << 9 << 9 << 0 << false;
    QTest::newRow("12 of 12 asked again: taken") << 12 << 12 << 1 << false;
}

void TestBatchOutcome::titleReplyDroppingNearlyAllIsAskedAgain()
{
    QFETCH(int, size);
    QFETCH(int, dropped);
    QFETCH(int, round);
    QFETCH(bool, askedAgain);
    const QStringList ids = batch(size);
    const BatchOutcome o = BatchOutcomes::fromTitleReply(ids, round, dropping(dropped));
    if (askedAgain) {
        QCOMPARE(o.again, ids);
        QVERIFY(o.rows.isEmpty()); // nothing stored from a reply that is not trusted
        QVERIFY2(o.problem.contains(u"dropped %1 of %2"_s.arg(dropped).arg(size)), qPrintable(o.problem));
    } else {
        QVERIFY(o.again.isEmpty());
        QCOMPARE(countStatus(o, ScoreStatus::Dropped), dropped);
        QCOMPARE(countStatus(o, ScoreStatus::Kept), size - dropped);
    }
    QCOMPARE(o.status, u"ok"_s);
}

void TestBatchOutcome::unusableTitleReplyKeepsWithoutStoring()
{
    const QStringList ids = batch(4);
    const BatchOutcome first = BatchOutcomes::fromTitleReply(ids, 0, u"I cannot decide."_s);
    QCOMPARE(first.status, u"parse_error"_s);
    QCOMPARE(first.again, ids);
    const BatchOutcome second = BatchOutcomes::fromTitleReply(ids, 1, u"I cannot decide."_s);
    QVERIFY(second.rows.isEmpty());
    QCOMPARE(second.keptUnstored, ids);
}

void TestBatchOutcome::abstractMissingAskedOnceThenUnscored()
{
    const QStringList ids = batch(2);
    const QString reply = uR"({"ARXIVID": "2510.10001", "COMMENT": "ok", "RELEVANCE": 8, "NOVELTY": 7})"_s;
    const BatchOutcome first = BatchOutcomes::fromAbstractReply(ids, 0, reply, false);
    QCOMPARE(countStatus(first, ScoreStatus::Scored), 1);
    QCOMPARE(first.again, QStringList{ids[1]});
    const BatchOutcome second = BatchOutcomes::fromAbstractReply(ids, 1, reply, true);
    QCOMPARE(countStatus(second, ScoreStatus::Unscored), 1);
    QVERIFY(second.again.isEmpty());
    QVERIFY(second.problem.contains(u"cut off"_s));
}

QTEST_GUILESS_MAIN(TestBatchOutcome)
#include "tst_batchoutcome.moc"
