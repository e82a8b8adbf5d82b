// SPDX-License-Identifier: GPL-3.0-or-later
// A selection run in another process is killed (SIGKILL) in the middle; the rerun sends only the rest.
#include "fakellmserver.h"
#include "llm/pricingtable.h"
#include "net/httpclient.h"
#include "selection/selectionrun.h"
#include "selectionfixture.h"
#include "storage/database.h"

#include <QProcess>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestSelectionKill : public QObject
{
    Q_OBJECT

private slots:
    void killedProcessResumes();
};

void TestSelectionKill::killedProcessResumes()
{
    SelectionFixture fx;
    QVERIFY(fx.open());
    const QList<Paper> papers = fx.addPapers(24);
    const QStringList ids = SelectionFixture::ids(papers);
    FakeLlmServer server;
    QVERIFY(server.listen());
    server.setLatencyMs(150);

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QStringLiteral(SELECTION_CHILD),
                {fx.db().filePath(), server.openAiBaseUrl().toString(), ids.join(u',')});
    QVERIFY(child.waitForStarted(10000));
    // Kill it once some replies are committed and more requests are on their way.
    QTRY_VERIFY_WITH_TIMEOUT(fx.count(u"SELECT COUNT(*) FROM scores WHERE status = 'scored'"_s) >= 4, 15000);
    QTRY_VERIFY(server.callCount() > fx.count(u"SELECT COUNT(*) FROM llm_requests"_s));
    child.kill();
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QTest::qWait(300); // requests already on the wire reach the server's log
    const int stored = fx.count(u"SELECT COUNT(*) FROM scores WHERE status = 'scored'"_s);
    QVERIFY2(stored >= 4 && stored < 24, qPrintable(QString::number(stored)));
    // Every committed reply has its accounting row: nothing paid for is lost.
    QCOMPARE(fx.count(u"SELECT COUNT(*) FROM scores s JOIN llm_requests r ON r.id = s.request_id"_s), stored);

    server.clearLog();
    SelectionConfig config = SelectionFixture::configFor(server, u"openai"_s);
    config.apiKey = u"child-key"_s;
    config.titleFilter = false;
    config.abstractBatchSize = 2;
    HttpClient http;
    const PricingTable prices = PricingTable::builtin();
    SelectionRun rerun(fx.db(), http, prices, config);
    const auto summary = SelectionFixture::runToEnd(rerun, 0, ids);
    QVERIFY(summary);
    QCOMPARE(summary->scored, 24);
    QCOMPARE(summary->reused, stored);
    QStringList sent = server.abstractIdsSent();
    QCOMPARE(sent.size(), 24 - stored);
    const auto scores = fx.scores(u"abstract"_s);
    for (const QString &id : ids)
        QCOMPARE(scores.value(id).status, ScoreStatus::Scored);
    sent.removeDuplicates();
    QCOMPARE(sent.size(), 24 - stored);
}

QTEST_GUILESS_MAIN(TestSelectionKill)
#include "tst_selectionkill.moc"
