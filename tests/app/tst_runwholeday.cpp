// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakearxivserver.h"
#include "fakellmserver.h"
#include "settings/appsettings.h"
#include "testdata.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// `papersieve run` on the whole real day 2025-10-07 (663 cs.LG/cs.AI papers) with arXiv's own 3 s
// spacing and 0.3 s per LLM call: the digest is written while the metadata requests are still going,
// the arXiv API is never asked faster than every 3 s, and every paper ends up complete. The timings
// are printed (QINFO) for docs/PIPELINE.md; they are not asserted (speed belongs to bench/).
class TestRunWholeDay : public QObject
{
    Q_OBJECT

private slots:
    void wholeDayAtArxivPace();
};

void TestRunWholeDay::wholeDayAtArxivPace()
{
    QTemporaryDir dir;
    FakeArxivServer arxiv;
    QVERIFY(arxiv.listen());
    const QList<FeedItem> items =
        arxiv.loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), QDate(2025, 10, 7));
    QCOMPARE(items.size(), 663);
    FakeLlmServer llm;
    QVERIFY(llm.listen());
    llm.setLatencyMs(300);
    {
        QSettings ini(dir.filePath(u"papersieve.ini"_s), QSettings::IniFormat);
        AppSettings settings(ini);
        settings.setArxivRequestSpacingMs(3000); // arXiv's terms, as shipped
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PAPERSIEVE_ARXIV_RSS_URL"_s, arxiv.rssBaseUrl().toString());
    env.insert(u"PAPERSIEVE_ARXIV_API_URL"_s, arxiv.apiUrl().toString());
    env.insert(u"PAPERSIEVE_LLM_BASE_URL"_s, llm.openAiBaseUrl().toString());
    env.insert(u"OPENAI_API_KEY"_s, u"sk-test"_s);
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    const QString out = dir.filePath(u"digest.md"_s);

    QProcess p;
    p.setProcessEnvironment(env);
    QSignalSpy done(&p, &QProcess::finished);
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(PAPERSIEVE_BINARY), {u"run"_s, u"--db"_s, dir.filePath(u"p.sqlite"_s), u"--config"_s,
                                                dir.filePath(u"papersieve.ini"_s), u"--out"_s, out});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out) || p.state() == QProcess::NotRunning, 30000);
    const qint64 writtenAt = clock.elapsed();
    QCOMPARE(p.state(), QProcess::Running); // the metadata is still completing
    QVERIFY(done.wait(60000));
    const qint64 exitAt = clock.elapsed();
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(err));

    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(f.readAll());
    QVERIFY(md.contains(u"Total scanned papers: 663"_s));
    const QList<FakeRequest> api = arxiv.requests(FakeArxivServer::Service::Api);
    QVERIFY(!api.isEmpty());
    const QList<FakeRequest> rss = arxiv.requests(FakeArxivServer::Service::Rss);
    qint64 previous = rss.isEmpty() ? -3000 : rss.last().receivedAtMs;
    for (const FakeRequest &r : api) {
        // Sent 3 s apart by the client; measured where they arrive, so a busy test machine that read the
        // previous request late may shorten one gap a little.
        QVERIFY2(r.receivedAtMs - previous >= 2900, qPrintable(QString::number(r.receivedAtMs - previous)));
        previous = r.receivedAtMs;
    }
    qInfo("663 papers: digest written after %lld ms, process exited after %lld ms; %d LLM requests (max %d at once), "
          "%d arXiv API requests",
          writtenAt, exitAt, llm.callCount(), llm.maxConcurrentRequests(), int(api.size()));
    qInfo("%s", qPrintable(QString::fromUtf8(p.readAllStandardOutput()).trimmed()));
}

QTEST_GUILESS_MAIN(TestRunWholeDay)
#include "tst_runwholeday.moc"
