// SPDX-License-Identifier: GPL-3.0-or-later
// DailyController end to end with a fake clock: real SQLite, the real DailyRun against FakeArxivServer
// (the real 2026-09-24 RSS fixture, 4 papers) and FakeLlmServer over loopback, the API key from a
// SecretStore. What is checked is the scheduling: a due run starts once and runs never overlap, a run
// missed while asleep or off starts once at wake/start, failed attempts are retried a few times, a
// cancelled or announcement-less day is not retried, pausing stops the schedule.
#include "fakearxivserver.h"
#include "fakellmserver.h"

#include "llm/llmapikeys.h"
#include "schedule/dailycontroller.h"
#include "settings/appsettings.h"
#include "settings/memorysecretstore.h"
#include "storage/database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
const QTimeZone kBerlin(QByteArrayLiteral("Europe/Berlin"));
const QDate kThu(2026, 9, 24);      // the fixture's feed day; automatic run 06:30 Berlin
const QDate kFri(2026, 9, 25);
QDateTime berlin(const QDate &d, int h, int m) { return QDateTime(d, QTime(h, m), kBerlin); }
constexpr int kRunTimeoutMs = 15000;
} // namespace
#define WAIT_FINISHED(spy, n) QTRY_COMPARE_WITH_TIMEOUT((spy).count(), (n), kRunTimeoutMs)
namespace {
} // namespace

class TestDailyController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void dueRunStartsOnceAndNeverOverlaps();
    void runStartsWhenItsTimeComes();
    void runMissedWhileAsleepStartsOnceAtWake();
    void runMissedWhileOffStartsOnceAtStart();
    void firstStartDoesNotCatchUp();
    void failedRunIsRetriedThenGivenUp();
    void nothingRelevantIsDoneButAFailedRunIsNot();
    void cancelledScheduledRunIsNotRetried();
    void dayWithoutAnnouncementIsSkipped();
    void weekendIsSkipped();
    void pausedScheduleDoesNotRun();
    void scheduleSwitchedInTheSettingsIsArmedToo();
    void manualRunCoversTheScheduledOne();
    void keychainFailureIsReported();
    void missingKeyIsReportedBeforeAnyRequest();
    void cancelWhileTheKeychainAnswers();
    void lateFeedIsRetried();
    void destroyedDuringARun();

private:
    std::unique_ptr<DailyController> makeController();
    void setState(const QDate &lastDone);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeArxivServer> m_arxiv;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MemorySecretStore> m_secrets;
    QDateTime m_now;
};

void TestDailyController::init()
{
    FakeArxivServer::clearEnvironment();
    qunsetenv("PAPERSIEVE_LLM_BASE_URL");
    qunsetenv("OPENAI_API_KEY");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_arxiv = std::make_unique<FakeArxivServer>();
    QVERIFY(m_arxiv->listen());
    m_llm = std::make_unique<FakeLlmServer>();
    QVERIFY(m_llm->listen());
    m_llm->setExpectedApiKey(u"sk-from-keychain"_s); // a run without the stored key gets 401
    m_ini = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(*m_ini);
    m_settings->setArxivRssUrl(m_arxiv->rssBaseUrl().toString());
    m_settings->setArxivApiUrl(m_arxiv->apiUrl().toString());
    m_settings->setArxivRequestSpacingMs(10);
    m_settings->setArxivTimeoutMs(5000);
    m_settings->setProvider(u"openai"_s);
    m_settings->setModel(u"gpt-5"_s);
    m_settings->setLlmBaseUrl(m_llm->openAiBaseUrl().toString());
    m_settings->setAuthorMatchEnabled(false);
    m_db = std::make_unique<Database>(m_dir->filePath(u"papersieve.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_secrets = std::make_unique<MemorySecretStore>();
    bool written = false;
    m_secrets->write(LlmApiKeys::secretName(u"openai"_s), u"sk-from-keychain"_s, this, [&](bool ok, const QString &) { written = ok; });
    QTRY_VERIFY(written);
    m_now = berlin(kThu, 5, 0);
}

void TestDailyController::cleanup()
{
    m_secrets.reset();
    m_db.reset();
    m_settings.reset();
    m_ini.reset();
    m_llm.reset();
    m_arxiv.reset();
    m_dir.reset();
}

std::unique_ptr<DailyController> TestDailyController::makeController()
{
    auto c = std::make_unique<DailyController>(*m_db, *m_settings, *m_secrets);
    c->setClock([this] { return m_now; });
    c->setTimeZone(kBerlin);
    return c;
}

void TestDailyController::setState(const QDate &lastDone)
{
    ScheduleState s;
    s.lastDoneDay = lastDone;
    s.armedSince = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    s.save(*m_settings);
}

void TestDailyController::dueRunStartsOnceAndNeverOverlaps()
{
    setState(kThu.addDays(-1));
    m_now = berlin(kThu, 6, 31);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    QTRY_COMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).toDate(), kThu);
    QVERIFY(c->isRunning());
    // While it runs: more checks, a timer firing, the user pressing Run now — none starts another.
    c->checkClock();
    c->replan();
    c->runNow();
    c->runNow(kThu);
    QTest::qWait(50);
    QCOMPARE(started.count(), 1);

    WAIT_FINISHED(finished, 1);
    const auto summary = finished.at(0).at(0).value<RunSummary>();
    QVERIFY2(summary.succeeded(), qPrintable(summary.error));
    QCOMPARE(summary.day, kThu);
    QVERIFY(m_llm->callCount() > 0);
    QCOMPARE(m_settings->scheduleLastDoneDay(), kThu);
    QVERIFY(!c->isRunning());
    // Next: Friday's feed, 30 min after it is published (Fri 00:00 New York = 06:00 Berlin).
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30));

    // Later the same day: nothing more.
    m_now = berlin(kThu, 14, 0);
    c->checkClock();
    QTest::qWait(50);
    QCOMPARE(started.count(), 1);
}

void TestDailyController::runStartsWhenItsTimeComes()
{
    setState(kThu.addDays(-1));
    m_now = berlin(kThu, 6, 0);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    QSignalSpy next(c.get(), &DailyController::nextRunChanged);
    QTRY_COMPARE(c->nextRun(), berlin(kThu, 6, 30));
    QVERIFY(next.count() >= 1);
    QCOMPARE(started.count(), 0);

    m_now = berlin(kThu, 6, 29);
    c->checkClock();
    QTest::qWait(20);
    QCOMPARE(started.count(), 0);

    m_now = berlin(kThu, 6, 30);
    c->checkClock();
    QCOMPARE(started.count(), 1);
    WAIT_FINISHED(finished, 1);
    const auto summary = finished.at(0).at(0).value<RunSummary>();
    QVERIFY2(summary.succeeded(), qPrintable(u"cancelled=%1 error=%2 ingest=%3 selection=%4"_s.arg(summary.cancelled).arg(summary.error, summary.ingest.error, summary.selection.error)));
    QCOMPARE(m_settings->scheduleAttempts(), 1);
    QCOMPARE(m_settings->scheduleAttemptDay(), kThu);
}

void TestDailyController::runMissedWhileAsleepStartsOnceAtWake()
{
    setState(kThu.addDays(-1));
    m_now = berlin(kThu, 0, 30); // the evening before in New York: Wednesday's feed is done
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    QSignalSpy notices(c.get(), &DailyController::notice);
    QTRY_COMPARE(c->nextRun(), berlin(kThu, 6, 30));

    // The laptop sleeps through 06:30 and wakes at 09:12: the wall clock jumps, the monotonic one not.
    m_now = berlin(kThu, 9, 12);
    c->checkClock();
    QCOMPARE(started.count(), 1);
    const QString said = notices.isEmpty() ? QString() : notices.first().at(0).toString() + notices.last().at(0).toString();
    QVERIFY2(said.contains(u"slept"_s), qPrintable(said));
    QVERIFY2(said.contains(u"missed"_s), qPrintable(said));
    WAIT_FINISHED(finished, 1);

    // Once: further checks (and another sleep the same day) do not run it again.
    m_now = berlin(kThu, 11, 0);
    c->checkClock();
    c->checkClock();
    QTest::qWait(50);
    QCOMPARE(started.count(), 1);
}

void TestDailyController::runMissedWhileOffStartsOnceAtStart()
{
    setState(kThu.addDays(-1));
    m_now = berlin(kThu, 10, 0); // the computer was off at 06:30
    {
        auto c = makeController();
        QSignalSpy started(c.get(), &DailyController::runStarted);
        QSignalSpy finished(c.get(), &DailyController::runFinished);
        QTRY_COMPARE(started.count(), 1);
        WAIT_FINISHED(finished, 1);
    }
    // A second start the same day (the state is in the settings): nothing to catch up.
    auto again = makeController();
    QSignalSpy started(again.get(), &DailyController::runStarted);
    QTRY_COMPARE(again->nextRun(), berlin(kFri, 6, 30));
    QCOMPARE(started.count(), 0);
}

void TestDailyController::firstStartDoesNotCatchUp()
{
    // Never started before (no state): 06:30 passed before the schedule existed, so it is not "missed".
    m_now = berlin(kThu, 10, 0);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QTRY_COMPARE(c->nextRun(), berlin(kFri, 6, 30));
    QCOMPARE(started.count(), 0);
    QCOMPARE(m_settings->scheduleArmedSince(), m_now);
}

void TestDailyController::failedRunIsRetriedThenGivenUp()
{
    setState(kThu.addDays(-1));
    m_llm->setExpectedApiKey(u"sk-another-key"_s); // every LLM request gets 401: the run fails
    m_now = berlin(kThu, 6, 30);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    for (int attempt = 1; attempt <= DailySchedule::kMaxAttempts; ++attempt) {
        QTRY_COMPARE(started.count(), attempt);
        WAIT_FINISHED(finished, attempt);
        const auto s = finished.last().at(0).value<RunSummary>();
        QVERIFY(!s.succeeded());
        QVERIFY(!s.error.isEmpty());
        QCOMPARE(m_settings->scheduleAttempts(), attempt);
        if (attempt < DailySchedule::kMaxAttempts) {
            QCOMPARE(c->nextRun(), m_now.addSecs(DailySchedule::kRetryMinutes * 60));
            // Not before the retry time.
            m_now = m_now.addSecs(DailySchedule::kRetryMinutes * 60 - 60);
            c->checkClock();
            QTest::qWait(20);
            QCOMPARE(started.count(), attempt);
            m_now = m_now.addSecs(60);
            c->checkClock();
        }
    }
    // Given up for Thursday: the next plan is Friday's run.
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30));
    QCOMPARE(m_settings->scheduleLastDoneDay(), kThu.addDays(-1));
}

void TestDailyController::nothingRelevantIsDoneButAFailedRunIsNot()
{
    // A failure after the feed was read (the key is rejected mid-day) leaves the day not done: the
    // schedule tries again; the retry finds nothing relevant, which IS done.
    setState(kThu.addDays(-1));
    m_llm->setExpectedApiKey(u"sk-another-key"_s);
    m_now = berlin(kThu, 6, 30);
    auto c = makeController();
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    WAIT_FINISHED(finished, 1);
    const auto failed = finished.last().at(0).value<RunSummary>();
    QCOMPARE(failed.outcome(), RunOutcome::Failed);
    QCOMPARE(m_settings->scheduleLastDoneDay(), kThu.addDays(-1));
    QCOMPARE(c->nextRun(), m_now.addSecs(DailySchedule::kRetryMinutes * 60));

    m_llm->setExpectedApiKey(u"sk-from-keychain"_s);
    m_llm->setJudge([](const FakeLlmPaper &) { return FakeLlmJudgement{1, 1, {}}; });
    m_now = m_now.addSecs(DailySchedule::kRetryMinutes * 60);
    c->checkClock();
    WAIT_FINISHED(finished, 2);
    const auto nothing = finished.last().at(0).value<RunSummary>();
    QCOMPARE(nothing.outcome(), RunOutcome::NothingRelevant);
    QCOMPARE(m_settings->scheduleLastDoneDay(), kThu);
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30));
}

void TestDailyController::cancelledScheduledRunIsNotRetried()
{
    setState(kThu.addDays(-1));
    m_llm->setLatencyMs(3000); // long enough to cancel during scoring
    m_now = berlin(kThu, 6, 40);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    QTRY_COMPARE(started.count(), 1);
    QTRY_VERIFY(m_llm->http().requestCount() > 0 || !c->isRunning());
    c->cancel();
    WAIT_FINISHED(finished, 1);
    QVERIFY(finished.at(0).at(0).value<RunSummary>().cancelled);
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30));
    m_now = berlin(kThu, 8, 0);
    c->checkClock();
    QTest::qWait(20);
    QCOMPARE(started.count(), 1);
}

void TestDailyController::dayWithoutAnnouncementIsSkipped()
{
    // An unlisted holiday: Thursday's feed is empty.
    m_arxiv->setNoAnnouncement(kThu);
    setState(kThu.addDays(-1));
    m_now = berlin(kThu, 6, 30);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    QTRY_COMPARE(started.count(), 1);
    WAIT_FINISHED(finished, 1);
    const auto s = finished.at(0).at(0).value<RunSummary>();
    QVERIFY2(s.noAnnouncement, qPrintable(s.error));
    QCOMPARE(m_llm->callCount(), 0);
    QCOMPARE(m_settings->scheduleLastDoneDay(), kThu);
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30));
}

void TestDailyController::weekendIsSkipped()
{
    setState(QDate(2026, 9, 25));
    m_now = berlin(QDate(2026, 9, 26), 10, 0); // Saturday
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QTRY_COMPARE(c->nextRun(), berlin(QDate(2026, 9, 28), 6, 30)); // Monday
    QCOMPARE(c->nextRunDay(), QDate(2026, 9, 28));
    m_now = berlin(QDate(2026, 9, 27), 23, 0); // Sunday night
    c->checkClock();
    QTest::qWait(20);
    QCOMPARE(started.count(), 0);
}

void TestDailyController::pausedScheduleDoesNotRun()
{
    setState(kThu.addDays(-1));
    m_now = berlin(kThu, 6, 0);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy next(c.get(), &DailyController::nextRunChanged);
    QTRY_COMPARE(c->nextRun(), berlin(kThu, 6, 30));
    c->setSchedulePaused(true);
    QVERIFY(c->schedulePaused());
    QVERIFY(!m_settings->scheduleEnabled());
    QVERIFY(!c->nextRun().isValid());
    QVERIFY(!next.last().at(0).toDateTime().isValid());

    m_now = berlin(kThu, 7, 0);
    c->checkClock();
    QTest::qWait(20);
    QCOMPARE(started.count(), 0);

    // Resumed at 07:00: 06:30 passed while paused and is not caught up; Friday is next.
    c->setSchedulePaused(false);
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30));
    QCOMPARE(started.count(), 0);
}

void TestDailyController::scheduleSwitchedInTheSettingsIsArmedToo()
{
    setState(kThu.addDays(-2)); // Wednesday's run did not happen either: the schedule was off
    m_settings->setScheduleEnabled(false);
    m_now = berlin(kThu, 9, 0);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    c->checkClock();
    QVERIFY(c->schedulePaused());
    QVERIFY(!c->nextRun().isValid());
    // The settings dialog switches it on (it writes the setting; the next check sees it).
    m_settings->setScheduleEnabled(true);
    c->checkClock();
    QTest::qWait(20);
    QCOMPARE(started.count(), 0);
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30));
    QCOMPARE(m_settings->scheduleArmedSince(), m_now);
}

void TestDailyController::manualRunCoversTheScheduledOne()
{
    setState(kThu.addDays(-1));
    m_now = berlin(kThu, 6, 10); // before the scheduled time
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    QTRY_COMPARE(c->nextRun(), berlin(kThu, 6, 30));
    c->runNow();
    QCOMPARE(started.count(), 1);
    QVERIFY(!c->nextRun().isValid()); // nothing planned while a run is in progress
    WAIT_FINISHED(finished, 1);
    QVERIFY(finished.at(0).at(0).value<RunSummary>().succeeded());
    QCOMPARE(m_settings->scheduleAttempts(), 0); // manual runs are not automatic attempts
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30));
    m_now = berlin(kThu, 6, 31);
    c->checkClock();
    QTest::qWait(20);
    QCOMPARE(started.count(), 1);
}

void TestDailyController::keychainFailureIsReported()
{
    m_secrets->setFailure(u"The keyring is locked"_s);
    auto c = makeController();
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    c->runNow();
    WAIT_FINISHED(finished, 1);
    const auto s = finished.at(0).at(0).value<RunSummary>();
    QVERIFY(!s.succeeded());
    QVERIFY2(s.error.contains(u"keychain"_s) && s.error.contains(u"The keyring is locked"_s), qPrintable(s.error));
    QCOMPARE(m_llm->callCount(), 0);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 0);
}

void TestDailyController::missingKeyIsReportedBeforeAnyRequest()
{
    bool removed = false;
    m_secrets->remove(LlmApiKeys::secretName(u"openai"_s), this, [&](bool ok, const QString &) { removed = ok; });
    QTRY_VERIFY(removed);
    auto c = makeController();
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    c->runNow();
    WAIT_FINISHED(finished, 1);
    const auto s = finished.at(0).at(0).value<RunSummary>();
    QVERIFY2(s.error.contains(u"No API key"_s) && s.error.contains(u"OPENAI_API_KEY"_s), qPrintable(s.error));
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 0);

    // The environment variable is the fallback, as for the headless command.
    qputenv("OPENAI_API_KEY", "sk-from-keychain");
    c->runNow();
    WAIT_FINISHED(finished, 2);
    qunsetenv("OPENAI_API_KEY");
    QVERIFY2(finished.at(1).at(0).value<RunSummary>().succeeded(), qPrintable(finished.at(1).at(0).value<RunSummary>().error));
}

void TestDailyController::cancelWhileTheKeychainAnswers()
{
    setState(kThu.addDays(-1));
    m_now = berlin(kThu, 6, 45);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    c->replan(); // the due run starts here, synchronously; the key read answers from the event loop
    QCOMPARE(started.count(), 1);
    c->cancel();
    WAIT_FINISHED(finished, 1);
    QVERIFY(finished.at(0).at(0).value<RunSummary>().cancelled);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1); // the late key answer starts nothing
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 0);
    QCOMPARE(c->nextRun(), berlin(kFri, 6, 30)); // cancelled: not retried today
}

void TestDailyController::lateFeedIsRetried()
{
    // Friday 06:40 Berlin: Friday's feed should be out, but arXiv still serves Thursday's.
    setState(kThu);
    m_now = berlin(kFri, 6, 40);
    auto c = makeController();
    QSignalSpy started(c.get(), &DailyController::runStarted);
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    QSignalSpy notices(c.get(), &DailyController::notice);
    QTRY_COMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).toDate(), kFri);
    WAIT_FINISHED(finished, 1);
    const auto s = finished.at(0).at(0).value<RunSummary>();
    QVERIFY2(s.succeeded(), qPrintable(s.error));
    QCOMPARE(s.day, kThu);
    QCOMPARE(m_settings->scheduleLastDoneDay(), kThu); // Friday is not done
    bool said = false;
    for (const auto &n : notices)
        said = said || n.at(0).toString().contains(u"still carries 2026-09-24"_s);
    QVERIFY(said);
    QCOMPARE(c->nextRun(), m_now.addSecs(DailySchedule::kRetryMinutes * 60));
}

void TestDailyController::destroyedDuringARun()
{
    m_llm->setLatencyMs(2000);
    auto c = makeController();
    QSignalSpy finished(c.get(), &DailyController::runFinished);
    c->runNow();
    QTRY_VERIFY(m_llm->http().requestCount() > 0);
    c.reset(); // the app quits mid-run: no crash, nothing emitted into the void
    QTest::qWait(100);
    QCOMPARE(finished.count(), 0);
}

QTEST_GUILESS_MAIN(TestDailyController)
#include "tst_dailycontroller.moc"
