// SPDX-License-Identifier: GPL-3.0-or-later
// The daily schedule as a pure function of a fake clock. Expected local times were computed
// independently with Python's zoneinfo (feed published at 00:00 America/New_York, automatic run 30
// minutes later), including the weeks when US and EU daylight saving time differ.
#include "schedule/dailyschedule.h"
#include "settings/appsettings.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QTimeZone zone(const char *id) { return QTimeZone(QByteArray(id)); }
QDate day(const char *iso) { return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate); }
// "2026-09-24T06:30:00+02:00" -> an instant
QDateTime at(const char *isoWithOffset) { return QDateTime::fromString(QString::fromLatin1(isoWithOffset), Qt::ISODate); }
QDateTime local(const char *isoLocal, const QTimeZone &tz)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(isoLocal), Qt::ISODate);
    return QDateTime(t.date(), t.time(), tz);
}
ScheduleState doneUpTo(const char *iso)
{
    ScheduleState s;
    s.lastDoneDay = day(iso);
    s.armedSince = at("2026-01-01T00:00:00Z");
    return s;
}
} // namespace

class TestDailySchedule : public QObject
{
    Q_OBJECT

private slots:
    void automaticTimeInLocalZones_data();
    void automaticTimeInLocalZones();
    void fixedLocalTime_data();
    void fixedLocalTime();
    void fixedTimeInsideALocalDstGap();
    void nextRunSkipsWeekend();
    void nextRunSkipsHoliday();
    void onTimeRunIsDueButNotACatchUp();
    void missedWhileAsleepRunsOnceAtWake();
    void missedWhileOffForDaysRunsOnlyTheNewestDay();
    void missedOverTheWeekendBeforeMondaysFeed();
    void failedAttemptsAreRetriedAFewTimesThenGivenUp();
    void cancelledRunIsNotRetried();
    void firstStartDoesNotCatchUpBeforeArming();
    void clockSetBackDoesNotRedoADay();
    void doneDayIsNotRunAgainOnRestart();
    void stateRoundTripsThroughSettings();
};

void TestDailySchedule::automaticTimeInLocalZones_data()
{
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<QDate>("feedDay");
    QTest::addColumn<QDateTime>("expected"); // local wall time with the offset in force then
    // Berlin: 06:30 normally; 05:30 in the weeks the US already/still has summer time and the EU not.
    QTest::newRow("Berlin, both winter") << "Europe/Berlin"_ba << day("2026-03-02") << at("2026-03-02T06:30:00+01:00");
    QTest::newRow("Berlin, US DST only (Mar 9)") << "Europe/Berlin"_ba << day("2026-03-09") << at("2026-03-09T05:30:00+01:00");
    QTest::newRow("Berlin, US DST only (Mar 16)") << "Europe/Berlin"_ba << day("2026-03-16") << at("2026-03-16T05:30:00+01:00");
    QTest::newRow("Berlin, both summer") << "Europe/Berlin"_ba << day("2026-03-30") << at("2026-03-30T06:30:00+02:00");
    QTest::newRow("Berlin, Sep") << "Europe/Berlin"_ba << day("2026-09-24") << at("2026-09-24T06:30:00+02:00");
    QTest::newRow("Berlin, EU winter, US summer (Oct 26)") << "Europe/Berlin"_ba << day("2026-10-26") << at("2026-10-26T05:30:00+01:00");
    QTest::newRow("Berlin, EU winter, US summer (Oct 30)") << "Europe/Berlin"_ba << day("2026-10-30") << at("2026-10-30T05:30:00+01:00");
    QTest::newRow("Berlin, both winter again") << "Europe/Berlin"_ba << day("2026-11-02") << at("2026-11-02T06:30:00+01:00");
    // Tokyo has no DST: only the US change moves it.
    QTest::newRow("Tokyo, US winter") << "Asia/Tokyo"_ba << day("2026-03-02") << at("2026-03-02T14:30:00+09:00");
    QTest::newRow("Tokyo, US summer") << "Asia/Tokyo"_ba << day("2026-03-09") << at("2026-03-09T13:30:00+09:00");
    QTest::newRow("Tokyo, US winter again") << "Asia/Tokyo"_ba << day("2026-11-03") << at("2026-11-03T14:30:00+09:00");
    // Los Angeles changes with New York: always 21:30 the evening before.
    QTest::newRow("LA, winter") << "America/Los_Angeles"_ba << day("2026-03-02") << at("2026-03-01T21:30:00-08:00");
    QTest::newRow("LA, US DST Sunday evening") << "America/Los_Angeles"_ba << day("2026-03-09") << at("2026-03-08T21:30:00-07:00");
    QTest::newRow("LA, US fall-back Sunday evening") << "America/Los_Angeles"_ba << day("2026-11-02") << at("2026-11-01T21:30:00-08:00");
    // Sydney: southern summer time, opposite season.
    QTest::newRow("Sydney, Sep") << "Australia/Sydney"_ba << day("2026-09-24") << at("2026-09-24T14:30:00+10:00");
    QTest::newRow("Sydney, Nov") << "Australia/Sydney"_ba << day("2026-11-02") << at("2026-11-02T16:30:00+11:00");
}

void TestDailySchedule::automaticTimeInLocalZones()
{
    QFETCH(QByteArray, zoneId);
    QFETCH(QDate, feedDay);
    QFETCH(QDateTime, expected);
    const QTimeZone tz(zoneId);
    QVERIFY2(tz.isValid(), zoneId.constData());
    const DailySchedule schedule(ArxivCalendar(), tz);
    QVERIFY(schedule.isAutomatic());
    const QDateTime run = schedule.runTimeFor(feedDay);
    QCOMPARE(run, expected);                                            // same instant
    QCOMPARE(run.timeZone(), tz);                                       // shown in the user's zone
    QCOMPARE(run.time(), expected.time());                              // ...as that wall-clock time
    QCOMPARE(run.date(), expected.date());
    QCOMPARE(run.offsetFromUtc(), expected.offsetFromUtc());
}

void TestDailySchedule::fixedLocalTime_data()
{
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<QTime>("chosen");
    QTest::addColumn<QDate>("feedDay");
    QTest::addColumn<QDateTime>("expected");
    // Berlin 08:00: the same morning (feed out at 06:00, or 05:00 in the mismatched weeks).
    QTest::newRow("Berlin 08:00") << "Europe/Berlin"_ba << QTime(8, 0) << day("2026-09-24") << at("2026-09-24T08:00:00+02:00");
    QTest::newRow("Berlin 08:00, US-only DST") << "Europe/Berlin"_ba << QTime(8, 0) << day("2026-03-09") << at("2026-03-09T08:00:00+01:00");
    // Exactly at publication is not too early.
    QTest::newRow("Berlin 06:00 = publication") << "Europe/Berlin"_ba << QTime(6, 0) << day("2026-09-24") << at("2026-09-24T06:00:00+02:00");
    // 05:30 is before publication in summer (next morning), after it in the mismatched week.
    QTest::newRow("Berlin 05:30, summer: next morning") << "Europe/Berlin"_ba << QTime(5, 30) << day("2026-09-24") << at("2026-09-25T05:30:00+02:00");
    QTest::newRow("Berlin 05:30, Oct 26: same morning") << "Europe/Berlin"_ba << QTime(5, 30) << day("2026-10-26") << at("2026-10-26T05:30:00+01:00");
    // Tokyo 09:00: the feed appears 13:00/14:00, so the next morning (Friday's on Saturday).
    QTest::newRow("Tokyo 09:00") << "Asia/Tokyo"_ba << QTime(9, 0) << day("2026-09-24") << at("2026-09-25T09:00:00+09:00");
    QTest::newRow("Tokyo 09:00, Friday's feed") << "Asia/Tokyo"_ba << QTime(9, 0) << day("2026-09-25") << at("2026-09-26T09:00:00+09:00");
    // Los Angeles 06:00: the feed appeared at 21:00 the evening before.
    QTest::newRow("LA 06:00") << "America/Los_Angeles"_ba << QTime(6, 0) << day("2026-09-28") << at("2026-09-28T06:00:00-07:00");
    QTest::newRow("LA 22:00, same evening") << "America/Los_Angeles"_ba << QTime(22, 0) << day("2026-09-28") << at("2026-09-27T22:00:00-07:00");
    // Seconds in the chosen time are ignored (minutes are the unit shown).
    QTest::newRow("seconds dropped") << "Europe/Berlin"_ba << QTime(8, 0, 42) << day("2026-09-24") << at("2026-09-24T08:00:00+02:00");
}

void TestDailySchedule::fixedLocalTime()
{
    QFETCH(QByteArray, zoneId);
    QFETCH(QTime, chosen);
    QFETCH(QDate, feedDay);
    QFETCH(QDateTime, expected);
    const DailySchedule schedule(ArxivCalendar(), QTimeZone(zoneId), chosen);
    QVERIFY(!schedule.isAutomatic());
    const QDateTime run = schedule.runTimeFor(feedDay);
    QCOMPARE(run, expected);
    QCOMPARE(run.time(), expected.time());
    QVERIFY(run >= ArxivCalendar().publishedAt(feedDay));
}

void TestDailySchedule::fixedTimeInsideALocalDstGap()
{
    // Israel springs forward on Friday 2026-03-27 at 02:00 -> 03:00. Thursday's feed is out at 06:00
    // local, so a chosen 02:30 next falls on Friday 02:30, which does not exist that day.
    const QTimeZone jerusalem = zone("Asia/Jerusalem");
    QVERIFY(jerusalem.isValid());
    const DailySchedule schedule(ArxivCalendar(), jerusalem, QTime(2, 30));
    const QDateTime run = schedule.runTimeFor(day("2026-03-26"));
    QVERIFY(run.isValid());
    QCOMPARE(run.date(), day("2026-03-27"));
    // Moved past the gap, never before publication, and before Friday's own feed (07:00 IDT).
    QVERIFY2(run >= at("2026-03-27T03:00:00+03:00") && run <= at("2026-03-27T03:30:00+03:00"), qPrintable(run.toString(Qt::ISODate)));
    QVERIFY(run < ArxivCalendar().publishedAt(day("2026-03-27")));
}

void TestDailySchedule::nextRunSkipsWeekend()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    const DailySchedule schedule(ArxivCalendar(), berlin);
    // Friday's digest done; on Friday noon, Saturday and Sunday the next run is Monday 06:30.
    for (const char *now : {"2026-09-25T12:00:00", "2026-09-26T07:00:00", "2026-09-27T23:59:00", "2026-09-28T06:00:00"}) {
        const SchedulePlan plan = schedule.plan(local(now, berlin), doneUpTo("2026-09-25"));
        QVERIFY2(!plan.due, now);
        QCOMPARE(plan.day, day("2026-09-28"));
        QCOMPARE(plan.runAt, at("2026-09-28T06:30:00+02:00"));
    }
}

void TestDailySchedule::nextRunSkipsHoliday()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    const DailySchedule schedule(ArxivCalendar({day("2026-11-27")}), berlin);
    const SchedulePlan plan = schedule.plan(local("2026-11-26T12:00:00", berlin), doneUpTo("2026-11-26"));
    QCOMPARE(plan.day, day("2026-11-30"));
    QCOMPARE(plan.runAt, at("2026-11-30T06:30:00+01:00"));
    // Without the holiday listed, Friday is planned as usual.
    const DailySchedule plain(ArxivCalendar(), berlin);
    QCOMPARE(plain.plan(local("2026-11-26T12:00:00", berlin), doneUpTo("2026-11-26")).day, day("2026-11-27"));
}

void TestDailySchedule::onTimeRunIsDueButNotACatchUp()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    const DailySchedule schedule(ArxivCalendar(), berlin);
    const ScheduleState state = doneUpTo("2026-09-23");
    SchedulePlan plan = schedule.plan(local("2026-09-24T06:29:59", berlin), state);
    QVERIFY(!plan.due);
    QCOMPARE(plan.runAt, at("2026-09-24T06:30:00+02:00"));
    plan = schedule.plan(local("2026-09-24T06:30:00", berlin), state);
    QVERIFY(plan.due);
    QVERIFY(!plan.catchUp);
    QCOMPARE(plan.day, day("2026-09-24"));
    // A timer that fires a minute late is still on time.
    plan = schedule.plan(local("2026-09-24T06:31:00", berlin), state);
    QVERIFY(plan.due);
    QVERIFY(!plan.catchUp);
}

void TestDailySchedule::missedWhileAsleepRunsOnceAtWake()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    const DailySchedule schedule(ArxivCalendar(), berlin);
    ScheduleState state = doneUpTo("2026-09-23");
    // Asleep from Wednesday night until Thursday 09:00: Thursday's run is due at wake, as a catch-up.
    const QDateTime wake = local("2026-09-24T09:00:00", berlin);
    SchedulePlan plan = schedule.plan(wake, state);
    QVERIFY(plan.due);
    QVERIFY(plan.catchUp);
    QCOMPARE(plan.day, day("2026-09-24"));
    QCOMPARE(plan.runAt, wake);
    // It runs and finishes: not due again that day, whatever the clock says; next is Friday 06:30.
    state.recordAttempt(plan.day, wake);
    state.recordDone(plan.day);
    for (const char *later : {"2026-09-24T09:05:00", "2026-09-24T23:00:00", "2026-09-25T06:29:00"}) {
        plan = schedule.plan(local(later, berlin), state);
        QVERIFY2(!plan.due, later);
        QCOMPARE(plan.day, day("2026-09-25"));
        QCOMPARE(plan.runAt, at("2026-09-25T06:30:00+02:00"));
    }
}

void TestDailySchedule::missedWhileOffForDaysRunsOnlyTheNewestDay()
{
    const QTimeZone tokyo = zone("Asia/Tokyo");
    const DailySchedule schedule(ArxivCalendar(), tokyo);
    // Off from Monday to Thursday afternoon: only Thursday's feed is still in the RSS; run it once.
    const SchedulePlan plan = schedule.plan(local("2026-09-24T18:00:00", tokyo), doneUpTo("2026-09-21"));
    QVERIFY(plan.due);
    QVERIFY(plan.catchUp);
    QCOMPARE(plan.day, day("2026-09-24"));
}

void TestDailySchedule::missedOverTheWeekendBeforeMondaysFeed()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    const DailySchedule schedule(ArxivCalendar(), berlin);
    // Off Friday and the weekend; started Monday 05:00 (Monday's feed comes at 06:00): Friday's is due now.
    ScheduleState state = doneUpTo("2026-09-24");
    const QDateTime start = local("2026-09-28T05:00:00", berlin);
    SchedulePlan plan = schedule.plan(start, state);
    QVERIFY(plan.due);
    QVERIFY(plan.catchUp);
    QCOMPARE(plan.day, day("2026-09-25"));
    state.recordAttempt(plan.day, start);
    state.recordDone(plan.day);
    plan = schedule.plan(start.addSecs(600), state);
    QVERIFY(!plan.due);
    QCOMPARE(plan.day, day("2026-09-28"));
    QCOMPARE(plan.runAt, at("2026-09-28T06:30:00+02:00"));
}

void TestDailySchedule::failedAttemptsAreRetriedAFewTimesThenGivenUp()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    const DailySchedule schedule(ArxivCalendar(), berlin);
    ScheduleState state = doneUpTo("2026-09-23");
    QDateTime now = local("2026-09-24T06:30:00", berlin);
    for (int attempt = 1; attempt <= DailySchedule::kMaxAttempts; ++attempt) {
        const SchedulePlan plan = schedule.plan(now, state);
        QVERIFY2(plan.due, qPrintable(u"attempt %1"_s.arg(attempt)));
        QCOMPARE(plan.day, day("2026-09-24"));
        QCOMPARE(plan.retry, attempt > 1);
        state.recordAttempt(plan.day, now); // ...and it fails (nothing marked done)
        const SchedulePlan after = schedule.plan(now.addSecs(60), state);
        if (attempt < DailySchedule::kMaxAttempts) {
            QVERIFY(!after.due);
            QVERIFY(after.retry);
            QCOMPARE(after.day, day("2026-09-24"));
            QCOMPARE(after.runAt, now.addSecs(DailySchedule::kRetryMinutes * 60));
        }
        now = now.addSecs(DailySchedule::kRetryMinutes * 60);
    }
    // Given up for Thursday: the next plan is Friday, also after a restart hours later.
    SchedulePlan plan = schedule.plan(now, state);
    QVERIFY(!plan.due);
    QCOMPARE(plan.day, day("2026-09-25"));
    plan = schedule.plan(local("2026-09-24T20:00:00", berlin), state);
    QCOMPARE(plan.day, day("2026-09-25"));
    QCOMPARE(state.attempts, DailySchedule::kMaxAttempts);
}

void TestDailySchedule::cancelledRunIsNotRetried()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    const DailySchedule schedule(ArxivCalendar(), berlin);
    ScheduleState state = doneUpTo("2026-09-23");
    state.recordAttempt(day("2026-09-24"), local("2026-09-24T06:30:00", berlin));
    state.giveUp(day("2026-09-24"), DailySchedule::kMaxAttempts);
    const SchedulePlan plan = schedule.plan(local("2026-09-24T07:30:00", berlin), state);
    QVERIFY(!plan.due);
    QCOMPARE(plan.day, day("2026-09-25"));
}

void TestDailySchedule::firstStartDoesNotCatchUpBeforeArming()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    // First ever start on Thursday 07:00: 06:30 passed before the schedule existed, so no catch-up.
    ScheduleState state;
    state.armedSince = local("2026-09-24T07:00:00", berlin);
    SchedulePlan plan = DailySchedule(ArxivCalendar(), berlin).plan(state.armedSince, state);
    QVERIFY(!plan.due);
    QCOMPARE(plan.day, day("2026-09-25"));
    // With a chosen 08:00 the same morning's run is still ahead: Thursday at 08:00.
    plan = DailySchedule(ArxivCalendar(), berlin, QTime(8, 0)).plan(state.armedSince, state);
    QVERIFY(!plan.due);
    QCOMPARE(plan.day, day("2026-09-24"));
    QCOMPARE(plan.runAt, at("2026-09-24T08:00:00+02:00"));
}

void TestDailySchedule::clockSetBackDoesNotRedoADay()
{
    const QTimeZone berlin = zone("Europe/Berlin");
    const DailySchedule schedule(ArxivCalendar(), berlin);
    // Monday's digest is done, then the clock says Friday before: nothing is redone; next is Tuesday.
    const SchedulePlan plan = schedule.plan(local("2026-09-25T12:00:00", berlin), doneUpTo("2026-09-28"));
    QVERIFY(!plan.due);
    QCOMPARE(plan.day, day("2026-09-29"));
}

void TestDailySchedule::doneDayIsNotRunAgainOnRestart()
{
    // A done day stays done through the settings file: the persisted state is what plan() reads.
    QTemporaryDir dir;
    const QTimeZone la = zone("America/Los_Angeles");
    const DailySchedule schedule(ArxivCalendar(), la);
    const QDateTime now = local("2026-09-23T22:00:00", la); // Thursday's feed is out (21:00 LA)
    {
        QSettings raw(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        AppSettings settings(raw);
        ScheduleState state = doneUpTo("2026-09-23");
        const SchedulePlan plan = schedule.plan(now, state);
        QVERIFY(plan.due);
        QCOMPARE(plan.day, day("2026-09-24"));
        state.recordAttempt(plan.day, now);
        state.recordDone(plan.day);
        state.save(settings);
    }
    QSettings raw(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    AppSettings settings(raw);
    const SchedulePlan plan = schedule.plan(now.addSecs(3600), ScheduleState::load(settings));
    QVERIFY(!plan.due);
    QCOMPARE(plan.day, day("2026-09-25"));
    QCOMPARE(plan.runAt, at("2026-09-24T21:30:00-07:00"));
}

void TestDailySchedule::stateRoundTripsThroughSettings()
{
    QTemporaryDir dir;
    ScheduleState state;
    state.lastDoneDay = day("2026-09-23");
    state.attemptDay = day("2026-09-24");
    state.attempts = 2;
    state.lastAttemptAt = at("2026-09-24T06:30:12.345+02:00");
    state.armedSince = at("2026-09-01T10:00:00+02:00");
    {
        QSettings raw(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        AppSettings settings(raw);
        state.save(settings);
    }
    QSettings raw(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    AppSettings settings(raw);
    const ScheduleState loaded = ScheduleState::load(settings);
    QCOMPARE(loaded.lastDoneDay, state.lastDoneDay);
    QCOMPARE(loaded.attemptDay, state.attemptDay);
    QCOMPARE(loaded.attempts, 2);
    QCOMPARE(loaded.lastAttemptAt, state.lastAttemptAt);
    QCOMPARE(loaded.armedSince, state.armedSince);
    // An empty settings file is a fresh state.
    QSettings empty(dir.filePath(u"empty.ini"_s), QSettings::IniFormat);
    AppSettings emptySettings(empty);
    QCOMPARE(ScheduleState::load(emptySettings), ScheduleState());
}

QTEST_GUILESS_MAIN(TestDailySchedule)
#include "tst_dailyschedule.moc"
