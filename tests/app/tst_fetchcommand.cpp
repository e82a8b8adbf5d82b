// SPDX-License-Identifier: GPL-3.0-or-later
// `papersieve fetch` as a user runs it: the built binary, against the fake arXiv over loopback.
#include "fakearxivserver.h"
#include "testdata.h"

#include "storage/database.h"

#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

class TestFetchCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void fetchesTodayAndPrintsOneLine();
    void categoriesOption();
    void noAnnouncementIsNotAnError();
    void arxivDownIsAClearFailure();
    void dayOutOfReachIsAClearFailure();
    void remoteHttpEndpointIsRefused();
    void twoFetchesInARowKeepArxivsSpacing();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result fetch(const QStringList &args, const QProcessEnvironment &extraEnv = {});
    int count(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeArxivServer> m_arxiv;
    QString m_db;
    QString m_config;
};

void TestFetchCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_arxiv = std::make_unique<FakeArxivServer>();
    QVERIFY(m_arxiv->listen());
    m_db = m_dir->filePath(u"data/papersieve.sqlite"_s);
    m_config = m_dir->filePath(u"papersieve.ini"_s);
    QSettings ini(m_config, QSettings::IniFormat);
    ini.setValue(u"ingest/requestSpacingMs"_s, 20);
    ini.setValue(u"ingest/timeoutMs"_s, 3000);
    ini.sync();
    QCOMPARE(ini.status(), QSettings::NoError);
}

TestFetchCommand::Result TestFetchCommand::fetch(const QStringList &args, const QProcessEnvironment &extraEnv)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PAPERSIEVE_ARXIV_RSS_URL"_s, m_arxiv->rssBaseUrl().toString());
    env.insert(u"PAPERSIEVE_ARXIV_API_URL"_s, m_arxiv->apiUrl().toString());
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(extraEnv);
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(PAPERSIEVE_BINARY), QStringList{u"fetch"_s} + args + QStringList{u"--db"_s, m_db, u"--config"_s, m_config});
    // The event loop must run: the fake arXiv answers from this process.
    if (!finished.wait(15000)) {
        p.kill();
        p.waitForFinished();
        qWarning("papersieve fetch did not finish");
        return {};
    }
    Result r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

int TestFetchCommand::count(const QString &sql)
{
    Database db(m_db);
    if (!db.open())
        return -1;
    QSqlQuery q(db.connection());
    const int n = q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    q.finish();
    return n;
}

void TestFetchCommand::fetchesTodayAndPrintsOneLine()
{
    m_arxiv->loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), QDate(2025, 10, 7));
    const Result r = fetch({});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, u"2025-10-07 cs.LG+cs.AI: announced 663, new 375, cross 288, replace 0, replace-cross 0, kept 663, stored 663\n"_s);
    QVERIFY2(r.err.contains(u"fetching today's arXiv feed for cs.LG+cs.AI"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"metadata 663/663"_s), qPrintable(r.err));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 663);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 663);
    QCOMPARE(count(u"SELECT kept FROM feed_days WHERE day = '2025-10-07' AND categories = 'cs.AI+cs.LG'"_s), 663);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).size(), 1);
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Api).size(), 4);
    QVERIFY(m_arxiv->requests(FakeArxivServer::Service::Rss).first().headers.value("user-agent").startsWith("PaperSieve/"));

    // Again: nothing new to store.
    const Result again = fetch({});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.endsWith(u"kept 663, stored 0\n"_s), qPrintable(again.out));
}

void TestFetchCommand::categoriesOption()
{
    m_arxiv->loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), QDate(2025, 10, 7));
    const Result r = fetch({u"--categories"_s, u"cs.AI"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(u"2025-10-07 cs.AI: announced 425,"_s), qPrintable(r.out));
    QCOMPARE(m_arxiv->requests(FakeArxivServer::Service::Rss).first().path, QByteArray("/rss/cs.AI"));
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 425);
}

void TestFetchCommand::noAnnouncementIsNotAnError()
{
    m_arxiv->setNoAnnouncement(QDate(2025, 10, 11));
    const Result r = fetch({});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, u"2025-10-11 cs.LG+cs.AI: no announcement (weekend or arXiv holiday)\n"_s);
    QCOMPARE(count(u"SELECT COUNT(*) FROM papers"_s), 0);
}

void TestFetchCommand::arxivDownIsAClearFailure()
{
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, FakeResponse::text("Internal Server Error", 500));
    const Result r = fetch({});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"fetch failed: arXiv's feed is not available (HTTP 500) (tried 4 times)"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"attempt 2 of 4"_s), qPrintable(r.err)); // the retries were shown as they happened
}

void TestFetchCommand::dayOutOfReachIsAClearFailure()
{
    const QDate old = QDate::currentDate().addDays(-40);
    const Result r = fetch({u"--date"_s, old.toString(Qt::ISODate)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"too far back"_s), qPrintable(r.err));
    QCOMPARE(m_arxiv->http().requestCount(), 0);

    const Result usage = fetch({u"--date"_s, u"yesterday"_s});
    QVERIFY(usage.exitCode != 0 && usage.exitCode != 1);
    QVERIFY2(usage.err.contains(u"yesterday"_s), qPrintable(usage.err));
}

void TestFetchCommand::remoteHttpEndpointIsRefused()
{
    QProcessEnvironment env;
    env.insert(u"PAPERSIEVE_ARXIV_RSS_URL"_s, u"http://mirror.example.org/rss/"_s);
    const Result r = fetch({}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"mirror.example.org"_s) && r.err.contains(u"https://"_s), qPrintable(r.err));
}

void TestFetchCommand::twoFetchesInARowKeepArxivsSpacing()
{
    // arXiv asks for 3 s between requests from one machine, not from one process: two commands run back
    // to back share the time of the last request (SpacingLedger beside the database). The spacing is made
    // 1 s here; the gaps are measured where arXiv would see them, at the server.
    QSettings ini(m_config, QSettings::IniFormat);
    ini.setValue(u"ingest/requestSpacingMs"_s, 1000);
    ini.sync();
    m_arxiv->loadDayJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), QDate(2025, 10, 7));
    const Result first = fetch({});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const Result second = fetch({});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QList<qint64> at;
    for (const auto service : {FakeArxivServer::Service::Rss, FakeArxivServer::Service::Api}) {
        for (const auto &r : m_arxiv->requests(service))
            at << r.receivedAtMs;
    }
    std::sort(at.begin(), at.end());
    QVERIFY2(at.size() >= 6, qPrintable(QString::number(at.size()))); // 1 feed + 4 metadata, then the feed again
    for (qsizetype i = 1; i < at.size(); ++i)
        QVERIFY2(at.at(i) - at.at(i - 1) >= 1000,
                 qPrintable(u"requests %1 and %2 came %3 ms apart"_s.arg(i - 1).arg(i).arg(at.at(i) - at.at(i - 1))));
}

QTEST_GUILESS_MAIN(TestFetchCommand)
#include "tst_fetchcommand.moc"
