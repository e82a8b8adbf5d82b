// SPDX-License-Identifier: GPL-3.0-or-later
// Which feed day is out at a given instant. Expected instants were worked out independently of Qt
// (Python zoneinfo) from FACTS.md: feeds are rebuilt at midnight US Eastern, Monday to Friday.
#include "arxiv/arxivcalendar.h"
#include "testdata.h"

#include <QRegularExpression>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}
QDate day(const char *iso) { return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate); }
} // namespace

class TestArxivCalendar : public QObject
{
    Q_OBJECT

private slots:
    void easternZoneIsReal();
    void feedDayAt_data();
    void feedDayAt();
    void publishedAtIsMidnightEastern_data();
    void publishedAtIsMidnightEastern();
    void feedPubDateOfRealFixtureIsItsFeedDay();
    void weekendsAndHolidays();
    void nextFeedDaySkipsGaps();
    void parseHolidaysReportsBadEntries();
    void announcedTheEveningBefore();
};

void TestArxivCalendar::easternZoneIsReal()
{
    // The fallback (fixed UTC-5) would make every summer result an hour off: insist on real zone data.
    QCOMPARE(ArxivCalendar::easternTimeZone().id(), QByteArrayLiteral("America/New_York"));
}

void TestArxivCalendar::feedDayAt_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QDate>("expected");
    // EDT (UTC-4): the Thursday feed appears at 04:00 UTC.
    QTest::newRow("Thu 03:59:59Z is still Wednesday's feed") << utc(u"2026-09-24T03:59:59"_s) << day("2026-09-23");
    QTest::newRow("Thu 04:00Z is Thursday's feed") << utc(u"2026-09-24T04:00:00"_s) << day("2026-09-24");
    QTest::newRow("Thu 23:00 EDT still Thursday") << utc(u"2026-09-25T03:00:00"_s) << day("2026-09-24");
    // EST (UTC-5): the boundary moves to 05:00 UTC.
    QTest::newRow("EST: 04:59Z is the day before") << utc(u"2026-12-03T04:59:00"_s) << day("2026-12-02");
    QTest::newRow("EST: 05:00Z is the new day") << utc(u"2026-12-03T05:00:00"_s) << day("2026-12-03");
    // Weekend: Friday's feed stays the newest until Monday 00:00 Eastern.
    QTest::newRow("Saturday") << utc(u"2026-09-26T12:00:00"_s) << day("2026-09-25");
    QTest::newRow("Sunday evening ET") << utc(u"2026-09-28T03:59:00"_s) << day("2026-09-25");
    QTest::newRow("Monday 00:00 EDT") << utc(u"2026-09-28T04:00:00"_s) << day("2026-09-28");
    // The US spring-forward Sunday (2026-03-08) and the following Monday.
    QTest::newRow("US DST Sunday") << utc(u"2026-03-08T12:00:00"_s) << day("2026-03-06");
    QTest::newRow("Mon after US DST, 03:59Z") << utc(u"2026-03-09T03:59:00"_s) << day("2026-03-06");
    QTest::newRow("Mon after US DST, 04:00Z") << utc(u"2026-03-09T04:00:00"_s) << day("2026-03-09");
}

void TestArxivCalendar::feedDayAt()
{
    QFETCH(QDateTime, instant);
    QFETCH(QDate, expected);
    QCOMPARE(ArxivCalendar().feedDayAt(instant), expected);
    // The answer depends on the instant only, not on the zone it is expressed in.
    QCOMPARE(ArxivCalendar().feedDayAt(instant.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Tokyo")))), expected);
}

void TestArxivCalendar::publishedAtIsMidnightEastern_data()
{
    QTest::addColumn<QDate>("feedDay");
    QTest::addColumn<QDateTime>("expectedUtc");
    QTest::newRow("summer") << day("2026-09-24") << utc(u"2026-09-24T04:00:00"_s);
    QTest::newRow("winter") << day("2026-12-03") << utc(u"2026-12-03T05:00:00"_s);
    QTest::newRow("first EDT Monday") << day("2026-03-09") << utc(u"2026-03-09T04:00:00"_s);
    QTest::newRow("first EST Monday") << day("2026-11-02") << utc(u"2026-11-02T05:00:00"_s);
}

void TestArxivCalendar::publishedAtIsMidnightEastern()
{
    QFETCH(QDate, feedDay);
    QFETCH(QDateTime, expectedUtc);
    QCOMPARE(ArxivCalendar().publishedAt(feedDay).toUTC(), expectedUtc);
}

void TestArxivCalendar::feedPubDateOfRealFixtureIsItsFeedDay()
{
    // The channel <pubDate> of a recorded real feed is the publication instant of its feed day.
    const QString feed = QString::fromUtf8(TestData::read(u"daily/arxiv_rss_2026-09-24.xml"_s));
    const QRegularExpressionMatch m = QRegularExpression(u"<pubDate>([^<]+)</pubDate>"_s).match(feed);
    QVERIFY(m.hasMatch());
    const QDateTime pubDate = QDateTime::fromString(m.captured(1), Qt::RFC2822Date);
    QVERIFY2(pubDate.isValid(), qPrintable(m.captured(1)));
    const ArxivCalendar cal;
    QCOMPARE(cal.publishedAt(day("2026-09-24")), pubDate);
    QCOMPARE(cal.feedDayAt(pubDate), day("2026-09-24"));
    QCOMPARE(cal.feedDayAt(pubDate.addSecs(-1)), day("2026-09-23"));
}

void TestArxivCalendar::weekendsAndHolidays()
{
    ArxivCalendar cal({day("2026-11-27")}); // e.g. no announcement on Thanksgiving evening
    QVERIFY(cal.isFeedDay(day("2026-11-26")));
    QVERIFY(!cal.isFeedDay(day("2026-11-27")));
    QVERIFY(!cal.isFeedDay(day("2026-11-28"))); // Saturday
    QVERIFY(!cal.isFeedDay(day("2026-11-29"))); // Sunday
    QVERIFY(cal.isFeedDay(day("2026-11-30")));
    QVERIFY(!cal.isFeedDay(QDate()));
    // Friday noon ET on the holiday: Thursday's feed is still the newest.
    QCOMPARE(cal.feedDayAt(utc(u"2026-11-27T17:00:00"_s)), day("2026-11-26"));
    QCOMPARE(ArxivCalendar().feedDayAt(utc(u"2026-11-27T17:00:00"_s)), day("2026-11-27"));
}

void TestArxivCalendar::nextFeedDaySkipsGaps()
{
    ArxivCalendar cal({day("2026-12-24"), day("2026-12-25"), day("2026-12-31"), day("2027-01-01")});
    QCOMPARE(cal.nextFeedDay(day("2026-12-23")), day("2026-12-28")); // Thu, Fri holidays, weekend
    QCOMPARE(cal.nextFeedDay(day("2026-12-30")), day("2027-01-04"));
    QCOMPARE(cal.nextFeedDay(day("2026-09-25")), day("2026-09-28"));
    QCOMPARE(cal.nextFeedDay(day("2026-09-26")), day("2026-09-28"));
    QCOMPARE(cal.nextFeedDay(day("2026-09-28")), day("2026-09-29"));
    // A holiday list covering everything does not loop forever.
    QList<QDate> all;
    for (QDate d = day("2026-01-01"); d < day("2026-06-01"); d = d.addDays(1))
        all << d;
    QVERIFY(!ArxivCalendar(all).nextFeedDay(day("2026-01-01")).isValid());
    QVERIFY(!ArxivCalendar(all).feedDayAt(utc(u"2026-05-01T12:00:00"_s)).isValid());
}

void TestArxivCalendar::parseHolidaysReportsBadEntries()
{
    QStringList rejected;
    const QList<QDate> days =
        ArxivCalendar::parseHolidays({u"2026-11-27"_s, u" 2026-12-25 "_s, u""_s, u"25.12.2026"_s, u"2026-02-30"_s}, &rejected);
    QCOMPARE(days, (QList<QDate>{day("2026-11-27"), day("2026-12-25")}));
    QCOMPARE(rejected, (QStringList{u"25.12.2026"_s, u"2026-02-30"_s}));
    ArxivCalendar cal;
    cal.setHolidays({day("2026-12-25"), day("2026-11-27"), day("2026-12-25"), QDate()});
    QCOMPARE(cal.holidays(), (QList<QDate>{day("2026-11-27"), day("2026-12-25")}));
}

void TestArxivCalendar::announcedTheEveningBefore()
{
    // Thursday's feed carries Wednesday 20:00 EDT's announcement (= Thursday 00:00 UTC).
    QCOMPARE(ArxivCalendar().announcedAt(day("2026-09-24")).toUTC(), utc(u"2026-09-24T00:00:00"_s));
    // Monday's feed carries Sunday's.
    QCOMPARE(ArxivCalendar().announcedAt(day("2026-09-28")).date(), day("2026-09-27"));
}

QTEST_GUILESS_MAIN(TestArxivCalendar)
#include "tst_arxivcalendar.moc"
