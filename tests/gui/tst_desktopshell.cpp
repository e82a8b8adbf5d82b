// SPDX-License-Identifier: GPL-3.0-or-later
// The app on the desktop: DesktopShell with a real DailyController (fake arXiv and LLM over loopback),
// a real SingleInstance socket, and the system tray. The tray tests need a real tray (an XEmbed tray
// on the Xvfb display of scripts/with-desktop-session.sh); without one they skip, because there is
// nothing to put an icon in. The no-tray behaviour is tested everywhere (Tray::Absent).
#include "dailyfixture.h"

#include "desktopshell.h"
#include "pipeline/dailyrun.h"
#include "platform/autostart.h"
#include "platform/singleinstance.h"
#include "schedule/dailycontroller.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTextDocument>
#include <QWidget>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kRunTimeoutMs = 15000;

RunSummary summary(int relevant, const QString &top)
{
    RunSummary s;
    s.day = QDate(2026, 9, 24);
    s.relevant = relevant;
    s.topTitle = top;
    s.selection.scored = 120;
    return s;
}

} // namespace

// A real missing capability skips; inside the desktop session a missing tray is a failure.
#define REQUIRE_TRAY()                                                                                        \
    do {                                                                                                       \
        if (!TrayIcon::isAvailable()) {                                                                        \
            if (qEnvironmentVariableIsSet("PAPERSIEVE_IN_SESSION"))                                             \
                QFAIL("inside scripts/with-desktop-session.sh a system tray must be available");               \
            QSKIP("no system tray on this display (run under scripts/with-desktop-session.sh for the real XEmbed tray)"); \
        }                                                                                                      \
    } while (false)

class TestDesktopShell : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // The notification's words (no display needed).
    void notificationForRelevantPapers();
    void notificationForNothingRelevant();
    void notificationForAFailure();
    void noNotificationForACancelledRun();
    void notificationTextCannotBecomeMarkup();

    // No tray: a normal window app.
    void withoutTrayTheWindowShowsAndExplains();
    void withoutTrayClosingQuits();
    void withoutTrayARunSurvivesClosingTheWindow();
    void withoutTrayRunResultGoesToTheWindow();
    void withoutTrayNotificationCannotBecomeMarkup();
    void atLoginWithoutTrayWaitsThenShowsTheWindow();
    void trayCountAtStartComesFromTheLastRun();

    // Settings applied.
    void startAtLoginFollowsTheSetting();
    void startAtLoginFailureIsSaid();
    void settingsChangeReplansTheSchedule();

    // Single instance.
    void secondStartRaisesTheWindow();
    void secondStartWithRunNowRunsHere();

    // The real tray.
    void trayIconSitsInTheTray();
    void trayMenuRunsPausesOpensAndQuits();
    void closingHidesToTrayAndSaysSoOnce();
    void startedAtLoginStaysInTheTray();
    void runSurvivesClosingToTheTray();
    void finishedRunNotifiesAndClickShowsTheDay();
    void failedRunNotifiesWhatFailed();

private:
    void makeShell(DesktopShell::Tray tray);

    std::unique_ptr<DailyFixture> m_fx;
    std::unique_ptr<DailyController> m_controller;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<DesktopShell> m_shell;
    QList<QDate> m_shownDays;
};

void TestDesktopShell::init()
{
    m_fx = std::make_unique<DailyFixture>();
    QVERIFY(m_fx->isValid());
    // Far from any scheduled run: only what a test starts runs.
    m_fx->setLastDoneDay(DailyFixture::feedDay());
    m_fx->now = QDateTime(DailyFixture::feedDay(), QTime(12, 0), DailyFixture::zone());
    m_controller = m_fx->makeController();
    m_window = std::make_unique<QWidget>();
    m_window->resize(400, 300);
    m_shownDays.clear();
}

void TestDesktopShell::cleanup()
{
    m_shell.reset();
    m_window.reset();
    m_controller.reset();
    m_fx.reset();
    QApplication::setQuitOnLastWindowClosed(true);
}

void TestDesktopShell::makeShell(DesktopShell::Tray tray)
{
    m_shell = std::make_unique<DesktopShell>(m_window.get(), *m_fx->settings, m_controller.get(), tray);
    m_shell->setShowDay([this](const QDate &d) { m_shownDays << d; });
}

void TestDesktopShell::notificationForRelevantPapers()
{
    auto n = DesktopShell::notificationFor(summary(12, u"Sparse  Mixture\nof Experts"_s));
    QCOMPARE(n.text, u"12 relevant papers \u2014 top: Sparse Mixture of Experts"_s);
    QVERIFY(!n.isError);
    QVERIFY(n.title.contains(u"PaperSieve"_s));
    n = DesktopShell::notificationFor(summary(1, u"One"_s));
    QCOMPARE(n.text, u"1 relevant paper \u2014 top: One"_s);
    RunSummary budget = summary(3, u"T"_s);
    budget.budgetReached = true;
    QVERIFY(DesktopShell::notificationFor(budget).text.contains(u"budget"_s));
    RunSummary partly = summary(3, u"T"_s);
    partly.selection.unscored = 4;
    QCOMPARE(partly.outcome(), RunOutcome::PartlyScored);
    QVERIFY2(DesktopShell::notificationFor(partly).text.contains(u"4 papers could not be scored"_s),
             qPrintable(DesktopShell::notificationFor(partly).text));
}

void TestDesktopShell::notificationForNothingRelevant()
{
    const auto n = DesktopShell::notificationFor(summary(0, {}));
    QCOMPARE(n.text, u"No relevant papers among the 120 scored."_s);
    RunSummary none = summary(0, {});
    none.noAnnouncement = true;
    QVERIFY(DesktopShell::notificationFor(none).text.contains(u"no new papers"_s));
}

void TestDesktopShell::notificationForAFailure()
{
    RunSummary s = summary(0, {});
    s.error = u"arXiv did not answer (timeout after 60 s)"_s;
    const auto n = DesktopShell::notificationFor(s);
    QVERIFY(n.isError);
    QVERIFY(n.title.contains(u"failed"_s));
    QVERIFY2(n.text.contains(u"arXiv did not answer (timeout after 60 s)"_s), qPrintable(n.text));
    // A run that failed after scoring some papers still says it failed, not "N relevant".
    RunSummary partial = summary(5, u"T"_s);
    partial.error = u"OpenAI rejected the API key (401)"_s;
    QCOMPARE(partial.outcome(), RunOutcome::Failed);
    QVERIFY(DesktopShell::notificationFor(partial).isError);
    QVERIFY(DesktopShell::notificationFor(partial).text.contains(u"failed"_s));
}

void TestDesktopShell::noNotificationForACancelledRun()
{
    RunSummary s = summary(2, u"T"_s);
    s.cancelled = true;
    QVERIFY(DesktopShell::notificationFor(s).text.isEmpty());
}

void TestDesktopShell::notificationTextCannotBecomeMarkup()
{
    const QString shown = TrayIcon::plainForNotification(u"<img src=x onerror=alert(1)> & <b>bold</b>"_s);
    QVERIFY(!shown.contains(u'<'));
    QVERIFY(!shown.contains(u'>'));
    QVERIFY(!shown.contains(u'&'));
    QVERIFY(!Qt::mightBeRichText(shown));
    QVERIFY(shown.contains(u"img src=x"_s)); // still readable
}

void TestDesktopShell::withoutTrayTheWindowShowsAndExplains()
{
    makeShell(DesktopShell::Tray::Absent);
    QVERIFY(!m_shell->hasTray());
    QSignalSpy message(m_shell.get(), &DesktopShell::message);
    m_shell->start(/*startedAtLogin=*/true); // even at login: there is nowhere else to be
    QVERIFY(m_window->isVisible());
    QCOMPARE(message.count(), 1);
    const QString text = message.at(0).at(0).toString();
    QVERIFY2(text.contains(u"No system tray"_s) && text.contains(u"only while this window is open"_s), qPrintable(text));
    QVERIFY(QApplication::quitOnLastWindowClosed());
}

void TestDesktopShell::withoutTrayClosingQuits()
{
    makeShell(DesktopShell::Tray::Absent);
    m_shell->start();
    QSignalSpy quit(m_shell.get(), &DesktopShell::quitRequested);
    QVERIFY(m_window->close());
    QVERIFY(!m_window->isVisible());
    QCOMPARE(quit.count(), 1);
    QVERIFY(m_shell->isQuitting());
}

void TestDesktopShell::withoutTrayARunSurvivesClosingTheWindow()
{
    m_fx->llm.setLatencyMs(400); // the run is still scoring when the window closes
    makeShell(DesktopShell::Tray::Absent);
    m_shell->start();
    QSignalSpy quit(m_shell.get(), &DesktopShell::quitRequested);
    QSignalSpy finished(m_controller.get(), &DailyController::runFinished);
    m_controller->runNow();
    QVERIFY(m_controller->isRunning());
    m_window->close();
    QVERIFY(!m_window->isVisible());
    QCOMPARE(quit.count(), 0);
    QVERIFY(m_controller->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QVERIFY2(finished.at(0).at(0).value<RunSummary>().succeeded(), qPrintable(finished.at(0).at(0).value<RunSummary>().error));
    QCOMPARE(quit.count(), 1); // and then the app ends
}

void TestDesktopShell::withoutTrayRunResultGoesToTheWindow()
{
    m_fx->judgeAllRelevant();
    makeShell(DesktopShell::Tray::Absent);
    m_shell->start();
    QSignalSpy message(m_shell.get(), &DesktopShell::message);
    QSignalSpy finished(m_controller.get(), &DailyController::runFinished);
    m_controller->runNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    const auto s = finished.at(0).at(0).value<RunSummary>();
    QVERIFY2(s.succeeded(), qPrintable(s.error));
    QVERIFY(s.relevant >= 2); // every kept paper scored 9/9
    QCOMPARE(message.count(), 1);
    QCOMPARE(message.at(0).at(0).toString(), u"%1 relevant papers \u2014 top: %2"_s.arg(s.relevant).arg(s.topTitle.simplified()));
}

void TestDesktopShell::withoutTrayNotificationCannotBecomeMarkup()
{
    // Without a tray the notification goes to the message bar; it takes the tray's plain-text path.
    const QString hostile = u"The <s>token</s> <font size=7 color=red>X</font> <img src=x>"_s;
    makeShell(DesktopShell::Tray::Absent);
    QSignalSpy message(m_shell.get(), &DesktopShell::message);
    emit m_controller->runFinished(summary(3, hostile));
    QCOMPARE(message.count(), 1);
    const QString text = message.at(0).at(0).toString();
    QCOMPARE(text, u"3 relevant papers \u2014 top: "_s + TrayIcon::plainForNotification(hostile));
    QVERIFY2(!text.contains(u'<') && !Qt::mightBeRichText(text), qPrintable(text));
    QVERIFY(text.contains(u"font size=7 color=red"_s)); // still readable
}

void TestDesktopShell::atLoginWithoutTrayWaitsThenShowsTheWindow()
{
    if (TrayIcon::isAvailable())
        QSKIP("this display has a tray; the case needs one without (it runs under plain ctest, offscreen)");
    makeShell(DesktopShell::Tray::Detect);
    m_shell->setTrayWaitMs(600);
    QSignalSpy message(m_shell.get(), &DesktopShell::message);
    QElapsedTimer t;
    t.start();
    m_shell->start(/*startedAtLogin=*/true);
    QVERIFY(!m_window->isVisible()); // the panel may still be starting
    QTRY_VERIFY(m_window->isVisible());
    QVERIFY(t.elapsed() >= 500);
    QVERIFY(!m_shell->hasTray());
    QCOMPARE(message.count(), 1);
    QCOMPARE(message.at(0).at(0).toString(), DesktopShell::noTrayText());
}

void TestDesktopShell::trayCountAtStartComesFromTheLastRun()
{
    REQUIRE_TRAY();
    m_fx->judgeAllRelevant();
    QSignalSpy finished(m_controller.get(), &DailyController::runFinished);
    m_controller->runNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    const int relevant = finished.at(0).at(0).value<RunSummary>().relevant;
    QVERIFY(relevant > 0);
    // The next start of the app: a new controller reads the newest finished run from the database.
    m_controller = m_fx->makeController();
    QCOMPARE(m_controller->lastSummary().relevant, relevant);
    QCOMPARE(m_controller->lastSummary().day, DailyFixture::feedDay());
    makeShell(DesktopShell::Tray::Detect);
    QVERIFY2(m_shell->tray()->toolTip().contains(u"%1 relevant papers"_s.arg(relevant)), qPrintable(m_shell->tray()->toolTip()));
}

void TestDesktopShell::startAtLoginFollowsTheSetting()
{
    QVERIFY(Autostart::xdgAutostartPath().startsWith(m_fx->dir.path()));
    makeShell(DesktopShell::Tray::Absent);
    m_fx->settings->setStartAtLogin(true);
    m_shell->start();
    QVERIFY(Autostart::isEnabled());
    QFile entry(Autostart::xdgAutostartPath());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    QVERIFY(entry.readAll().contains("--autostart"));
    entry.close();

    // Switched off in the settings dialog: when the window is active again, the entry goes.
    m_fx->settings->setStartAtLogin(false);
    QEvent activate(QEvent::WindowActivate);
    QCoreApplication::sendEvent(m_window.get(), &activate);
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(!QFile::exists(Autostart::xdgAutostartPath()));
}

void TestDesktopShell::startAtLoginFailureIsSaid()
{
    // A file where the config folder should be: the entry cannot be written.
    const QString blocker = m_fx->dir.filePath(u"blocker"_s);
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    qputenv("XDG_CONFIG_HOME", blocker.toUtf8());
    makeShell(DesktopShell::Tray::Absent);
    QSignalSpy message(m_shell.get(), &DesktopShell::message);
    m_fx->settings->setStartAtLogin(true);
    m_shell->applySettings();
    QCOMPARE(message.count(), 1);
    QVERIFY2(message.at(0).at(0).toString().contains(u"Start at login"_s), qPrintable(message.at(0).at(0).toString()));
    QVERIFY2(message.at(0).at(0).toString().contains(blocker), qPrintable(message.at(0).at(0).toString()));
}

void TestDesktopShell::settingsChangeReplansTheSchedule()
{
    makeShell(DesktopShell::Tray::Absent);
    QTRY_COMPARE(m_controller->nextRun(), QDateTime(QDate(2026, 9, 25), QTime(6, 30), DailyFixture::zone()));
    m_fx->settings->setScheduleTime(QTime(8, 15)); // as the settings dialog stores it
    m_shell->applySettings();
    QCOMPARE(m_controller->nextRun(), QDateTime(QDate(2026, 9, 25), QTime(8, 15), DailyFixture::zone()));
}

void TestDesktopShell::secondStartRaisesTheWindow()
{
    makeShell(DesktopShell::Tray::Absent);
    SingleInstance primary(m_fx->dir.filePath(u"instance"_s));
    QCOMPARE(primary.claim(SingleInstance::Message::Activate), SingleInstance::Role::Primary);
    m_shell->attachSingleInstance(&primary);
    QVERIFY(!m_window->isVisible());

    std::atomic<int> role = -1;
    std::thread second([&] { role = int(SingleInstance(primary.serverName()).claim(SingleInstance::Message::Activate)); });
    QTRY_VERIFY(m_window->isVisible());
    second.join();
    QCOMPARE(SingleInstance::Role(role.load()), SingleInstance::Role::Secondary);
}

void TestDesktopShell::secondStartWithRunNowRunsHere()
{
    makeShell(DesktopShell::Tray::Absent);
    SingleInstance primary(m_fx->dir.filePath(u"instance"_s));
    QCOMPARE(primary.claim(SingleInstance::Message::Activate), SingleInstance::Role::Primary);
    m_shell->attachSingleInstance(&primary);
    QSignalSpy started(m_controller.get(), &DailyController::runStarted);
    QSignalSpy finished(m_controller.get(), &DailyController::runFinished);

    std::thread second([&] { SingleInstance(primary.serverName()).claim(SingleInstance::Message::RunNow); });
    QTRY_COMPARE(started.count(), 1);
    second.join();
    // A second "run-now" while it runs does not start another.
    std::thread third([&] { SingleInstance(primary.serverName()).claim(SingleInstance::Message::RunNow); });
    third.join();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QCOMPARE(started.count(), 1);
}

void TestDesktopShell::trayIconSitsInTheTray()
{
    REQUIRE_TRAY();
    makeShell(DesktopShell::Tray::Detect);
    QVERIFY(m_shell->hasTray());
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    m_shell->start();
    QVERIFY(m_shell->tray()->isVisible());
    // Embedded by the tray: it has a place on the screen.
    QTRY_VERIFY_WITH_TIMEOUT(!m_shell->tray()->systemTrayIcon()->geometry().isEmpty(), 5000);
    QVERIFY(!m_shell->tray()->icon().isNull());
    QVERIFY(m_shell->tray()->toolTip().startsWith(u"PaperSieve"_s));
    // The controller plans once the event loop runs; the tooltip follows.
    QTRY_VERIFY2(m_shell->tray()->toolTip().contains(u"Next run"_s), qPrintable(m_shell->tray()->toolTip()));
}

void TestDesktopShell::trayMenuRunsPausesOpensAndQuits()
{
    REQUIRE_TRAY();
    m_fx->judgeAllRelevant();
    m_fx->llm.setLatencyMs(200);
    makeShell(DesktopShell::Tray::Detect);
    m_shell->start(/*startedAtLogin=*/true);
    TrayIcon *tray = m_shell->tray();
    QMenu *menu = tray->menu();
    QStringList texts;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            texts << a->text().remove(u'&');
    QCOMPARE(texts, (QStringList{u"Open PaperSieve"_s, u"Run now"_s, u"Pause schedule"_s, u"Quit"_s}));

    // Run now, clicked in the menu as it pops up at the icon.
    QSignalSpy started(m_controller.get(), &DailyController::runStarted);
    QSignalSpy finished(m_controller.get(), &DailyController::runFinished);
    QTRY_VERIFY_WITH_TIMEOUT(!tray->systemTrayIcon()->geometry().isEmpty(), 5000);
    menu->popup(tray->systemTrayIcon()->geometry().bottomLeft());
    QTRY_VERIFY(menu->isVisible());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(tray->runNowAction()).center());
    QTRY_COMPARE(started.count(), 1);
    QVERIFY(!tray->runNowAction()->isEnabled()); // runs never overlap
    QVERIFY(tray->toolTip().contains(u"Running"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QVERIFY(tray->runNowAction()->isEnabled());
    const int relevant = finished.at(0).at(0).value<RunSummary>().relevant;
    QVERIFY(relevant >= 2);
    QVERIFY2(tray->toolTip().contains(u"%1 relevant papers"_s.arg(relevant)), qPrintable(tray->toolTip()));

    // Pause and resume.
    tray->pauseAction()->trigger();
    QVERIFY(m_controller->schedulePaused());
    QVERIFY(!m_fx->settings->scheduleEnabled());
    QVERIFY(tray->toolTip().contains(u"paused"_s));
    tray->pauseAction()->trigger();
    QVERIFY(!m_controller->schedulePaused());
    QVERIFY(tray->toolTip().contains(u"Next run"_s));

    // Open.
    QVERIFY(!m_window->isVisible());
    tray->openAction()->trigger();
    QVERIFY(m_window->isVisible());

    // Quit really quits, even though closing the window only hides it.
    QSignalSpy quit(m_shell.get(), &DesktopShell::quitRequested);
    tray->quitAction()->trigger();
    QCOMPARE(quit.count(), 1);
    QVERIFY(!m_window->isVisible());
    QVERIFY(!tray->isVisible());
}

void TestDesktopShell::closingHidesToTrayAndSaysSoOnce()
{
    REQUIRE_TRAY();
    makeShell(DesktopShell::Tray::Detect);
    m_shell->start();
    QVERIFY(m_window->isVisible());
    QVERIFY(!m_fx->settings->trayHintShown());
    QSignalSpy quit(m_shell.get(), &DesktopShell::quitRequested);

    m_window->close(); // the window closes (hides); the app does not quit
    QVERIFY(!m_window->isVisible());
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    QCOMPARE(quit.count(), 0);
    QCOMPARE(m_shell->tray()->notificationCount(), 1);
    QCOMPARE(m_shell->tray()->lastNotificationText(), DesktopShell::trayHintText());
    QVERIFY(m_fx->settings->trayHintShown());

    m_shell->showWindow();
    QVERIFY(m_window->isVisible());
    m_window->close();
    QVERIFY(!m_window->isVisible());
    QCOMPARE(m_shell->tray()->notificationCount(), 1); // said once
    QCOMPARE(quit.count(), 0);
}

void TestDesktopShell::runSurvivesClosingToTheTray()
{
    REQUIRE_TRAY();
    m_fx->llm.setLatencyMs(300);
    makeShell(DesktopShell::Tray::Detect);
    m_shell->start();
    QSignalSpy quit(m_shell.get(), &DesktopShell::quitRequested);
    QSignalSpy finished(m_controller.get(), &DailyController::runFinished);
    m_controller->runNow();
    m_window->close();
    QVERIFY(!m_window->isVisible());
    QVERIFY(m_controller->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    QVERIFY2(finished.at(0).at(0).value<RunSummary>().succeeded(), qPrintable(finished.at(0).at(0).value<RunSummary>().error));
    QCOMPARE(quit.count(), 0);
    QVERIFY(m_shell->tray()->isVisible());
}

void TestDesktopShell::startedAtLoginStaysInTheTray()
{
    REQUIRE_TRAY();
    makeShell(DesktopShell::Tray::Detect);
    m_shell->start(/*startedAtLogin=*/true);
    QVERIFY(m_shell->tray()->isVisible());
    QVERIFY(!m_window->isVisible());
}

void TestDesktopShell::finishedRunNotifiesAndClickShowsTheDay()
{
    REQUIRE_TRAY();
    m_fx->judgeAllRelevant();
    makeShell(DesktopShell::Tray::Detect);
    m_shell->start(true);
    QSignalSpy finished(m_controller.get(), &DailyController::runFinished);
    m_controller->runNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    const auto s = finished.at(0).at(0).value<RunSummary>();
    QVERIFY2(s.succeeded(), qPrintable(s.error));
    TrayIcon *tray = m_shell->tray();
    QCOMPARE(tray->notificationCount(), 1);
    QVERIFY(!tray->lastNotificationIsError());
    QCOMPARE(tray->lastNotificationText(),
             TrayIcon::plainForNotification(u"%1 relevant papers \u2014 top: %2"_s.arg(s.relevant).arg(s.topTitle.simplified())));
    QVERIFY(!s.topTitle.isEmpty());

    emit tray->systemTrayIcon()->messageClicked(); // what the tray reports when the balloon is clicked
    QCOMPARE(m_shownDays, (QList<QDate>{DailyFixture::feedDay()}));
    QVERIFY(m_window->isVisible());
}

void TestDesktopShell::failedRunNotifiesWhatFailed()
{
    REQUIRE_TRAY();
    m_fx->arxiv.setOverride(FakeArxivServer::Service::Rss, FakeResponse::text("Not Found", 404));
    makeShell(DesktopShell::Tray::Detect);
    m_shell->start(true);
    QSignalSpy finished(m_controller.get(), &DailyController::runFinished);
    m_controller->runNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
    const auto s = finished.at(0).at(0).value<RunSummary>();
    QVERIFY(!s.succeeded());
    TrayIcon *tray = m_shell->tray();
    QCOMPARE(tray->notificationCount(), 1);
    QVERIFY(tray->lastNotificationIsError());
    QVERIFY2(tray->lastNotificationText().contains(TrayIcon::plainForNotification(s.error)), qPrintable(tray->lastNotificationText()));
    // Clicking a failure opens the window, on no particular day.
    emit tray->systemTrayIcon()->messageClicked();
    QVERIFY(m_shownDays.isEmpty());
    QVERIFY(m_window->isVisible());
}

QTEST_MAIN(TestDesktopShell)
#include "tst_desktopshell.moc"
