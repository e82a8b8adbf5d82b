// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakearxivserver.h"
#include "fakellmserver.h"
#include "settings/appsettings.h"
#include "testdata.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr auto kDay = "2025-10-07";

struct Outcome
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out, err;
};
} // namespace

class TestRunCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writesTheDigestInTheReferenceLayout();
    void otherFormats();
    void categoriesFromTheCommandLine();
    void noApiKeyIsAClearFailure();
    void arxivDownIsAClearFailure();
    void rejectedKeyIsAClearFailure();
    void digestDoesNotWaitForTheMetadata();
    void budgetReachedExitsFourWithADigest();
    void sigtermCancelsCleanly();
    void killedMidScoringResumesWithoutPayingTwice();

private:
    QProcessEnvironment environment(const QString &key) const;
    QStringList arguments(const QStringList &extra = {}) const;
    std::unique_ptr<QProcess> startRun(const QStringList &extra = {}, const QString &key = QStringLiteral("sk-test-key"));
    Outcome finish(QProcess &p, int timeoutMs = 20000);
    Outcome run(const QStringList &extra = {}, const QString &key = QStringLiteral("sk-test-key"));
    QSet<QString> expectedSelected() const;
    int probe(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeArxivServer> m_arxiv;
    std::unique_ptr<FakeLlmServer> m_llm;
    QList<FeedItem> m_items;
};

void TestRunCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_arxiv = std::make_unique<FakeArxivServer>();
    QVERIFY(m_arxiv->listen());
    m_llm = std::make_unique<FakeLlmServer>();
    QVERIFY(m_llm->listen());
    m_llm->setExpectedApiKey(u"sk-test-key"_s);

    // The first 40 records of the real day 2025-10-07 (cs.LG + cs.AI).
    const QList<QByteArray> lines = TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s).split('\n');
    const QByteArray some = lines.mid(0, 40).join('\n');
    m_items = m_arxiv->loadDayJsonl(some, QDate::fromString(QString::fromLatin1(kDay), Qt::ISODate));
    QCOMPARE(m_items.size(), 40);
    QList<Paper> papers;
    for (const FeedItem &i : std::as_const(m_items))
        papers << i.paper;
    m_llm->registerPapers(papers);

    // The settings file given with --config: arXiv spacing shortened for the test, everything else default.
    QSettings ini(m_dir->filePath(u"papersieve.ini"_s), QSettings::IniFormat);
    AppSettings settings(ini);
    settings.setArxivRequestSpacingMs(20);
    settings.setConcurrency(2);
    settings.setTitleBatchSize(10);
    settings.setAbstractBatchSize(4);
    settings.setFollowedAuthors({m_items.at(5).paper.authors.last().name});
    ini.sync();
}

void TestRunCommand::cleanup()
{
    m_llm.reset();
    m_arxiv.reset();
    m_dir.reset();
}

QProcessEnvironment TestRunCommand::environment(const QString &key) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PAPERSIEVE_ARXIV_RSS_URL"_s, m_arxiv->rssBaseUrl().toString());
    env.insert(u"PAPERSIEVE_ARXIV_API_URL"_s, m_arxiv->apiUrl().toString());
    env.insert(u"PAPERSIEVE_LLM_BASE_URL"_s, m_llm->openAiBaseUrl().toString());
    env.insert(u"PAPERSIEVE_S2_API_URL"_s, u"http://127.0.0.1:9/graph/v1"_s); // never needed here
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
    env.remove(u"OPENAI_API_KEY"_s);
    if (!key.isEmpty())
        env.insert(u"OPENAI_API_KEY"_s, key);
    return env;
}

QStringList TestRunCommand::arguments(const QStringList &extra) const
{
    return QStringList{u"run"_s, u"--db"_s, m_dir->filePath(u"p.sqlite"_s), u"--config"_s,
                       m_dir->filePath(u"papersieve.ini"_s)}
           + extra;
}

std::unique_ptr<QProcess> TestRunCommand::startRun(const QStringList &extra, const QString &key)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(environment(key));
    p->start(QStringLiteral(PAPERSIEVE_BINARY), arguments(extra));
    return p;
}

Outcome TestRunCommand::finish(QProcess &p, int timeoutMs)
{
    // Wait with the event loop running: the fake servers live in this process.
    QSignalSpy done(&p, &QProcess::finished);
    if (p.state() != QProcess::NotRunning && !done.wait(timeoutMs))
        p.kill();
    if (p.state() != QProcess::NotRunning)
        p.waitForFinished(2000);
    Outcome o;
    o.exitCode = p.exitCode();
    o.status = p.exitStatus();
    o.out = QString::fromUtf8(p.readAllStandardOutput());
    o.err = QString::fromUtf8(p.readAllStandardError());
    return o;
}

Outcome TestRunCommand::run(const QStringList &extra, const QString &key)
{
    auto p = startRun(extra, key);
    return finish(*p);
}

QSet<QString> TestRunCommand::expectedSelected() const
{
    QSet<QString> out;
    for (const FeedItem &i : m_items) {
        const FakeLlmJudgement j = FakeLlmServer::defaultJudgement(i.paper.arxivId);
        if (j.relevance >= 8 && j.novelty >= 7)
            out.insert(i.paper.arxivId);
    }
    out.insert(m_items.at(5).paper.arxivId); // the followed author's paper
    return out;
}

int TestRunCommand::probe(const QString &sql)
{
    int value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        db.setDatabaseName(m_dir->filePath(u"p.sqlite"_s));
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return value;
}

void TestRunCommand::writesTheDigestInTheReferenceLayout()
{
    const QString out = m_dir->filePath(u"digest.md"_s);
    const Outcome o = run({u"--out"_s, out});
    QVERIFY2(o.exitCode == 0 && o.status == QProcess::NormalExit, qPrintable(o.err));
    qInfo().noquote() << "stderr of papersieve run:\n" << o.err << "stdout:" << o.out;
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(f.readAll());
    const QStringList blocks = md.split(u"\n\n"_s);
    QCOMPARE(blocks.at(0), u"# Personalized Daily ArXiv Papers 2025-10-07"_s);
    QVERIFY(blocks.at(1).startsWith(u"| *[gpt-5]* "_s));
    QCOMPARE(blocks.at(2), u"Total arXiv papers: 40"_s);
    QCOMPARE(blocks.at(3), u"Total scanned papers: 40"_s);
    const QSet<QString> expected = expectedSelected();
    QCOMPARE(blocks.at(4), u"Total relevant papers: %1"_s.arg(expected.size()));
    QVERIFY(md.contains(u"**Table of contents with paper titles:**"_s));
    QVERIFY(md.contains(u"(#user-content-link1)"_s));
    // The followed author's paper first, marked as such.
    const QString first = m_items.at(5).paper.arxivId;
    QVERIFY2(md.contains(u"## 1. ["_s), qPrintable(md.left(2000)));
    QVERIFY(md.contains(u"](https://arxiv.org/abs/%1) <a id=\"link1\"></a>\n\n**ArXiv ID:** %1"_s.arg(first)));
    QVERIFY(md.contains(u"**Comment:** Author match"_s));
    for (const QString &id : expected)
        QVERIFY2(md.contains(u"**ArXiv ID:** "_s + id), qPrintable(id));
    QVERIFY(md.contains(u"\n# Paper Selection Prompt\n\n## System Prompt\n\n> "_s));
    QVERIFY(md.trimmed().endsWith(u"> [PAPER LIST HERE]"_s));
    QVERIFY(!md.contains(u"# Unscored Papers"_s));
    // Cron output: the summary line on stdout, progress on stderr, and the key in neither.
    QVERIFY2(o.out.startsWith(u"2025-10-07: %1 relevant of 40 scanned"_s.arg(expected.size())), qPrintable(o.out));
    QVERIFY(o.err.contains(u"papersieve: feed"_s));
    QVERIFY(o.err.contains(u"papersieve: scoring"_s));
    QVERIFY2(o.err.contains(u"papersieve: Estimate for 39 papers: "_s), qPrintable(o.err)); // before paying
    QVERIFY(!o.err.contains(u"sk-test-key"_s) && !o.out.contains(u"sk-test-key"_s));
    QVERIFY(!md.contains(u"sk-test-key"_s));
    // The followed author's paper was not sent to the model.
    QVERIFY(!m_llm->abstractIdsSent().contains(first));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'finished' AND relevant = %1"_s.arg(expected.size())), 1);
    // The default tier for gpt-5 is flex: asked for in every request, recorded, said in the summary.
    for (const FakeLlmCall &c : m_llm->calls())
        QCOMPARE(c.serviceTier, u"flex"_s);
    QCOMPARE(probe(u"SELECT COUNT(*) FROM llm_requests WHERE service_tier != 'flex'"_s), 0);
    QVERIFY2(o.out.contains(u"answered at the flex tier"_s), qPrintable(o.out));

    // Run again: everything is answered already, nothing is sent, the same digest comes out.
    const int calls = m_llm->callCount();
    const Outcome again = run({u"--out"_s, out});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(m_llm->callCount(), calls);
    QVERIFY(f.seek(0));
    QFile f2(out);
    QVERIFY(f2.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f2.readAll()), md);
}

void TestRunCommand::otherFormats()
{
    const Outcome json = run({u"--format"_s, u"json"_s});
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    QVERIFY(json.out.contains(u"\"format\": \"papersieve-digest\""_s)); // stdout holds the digest
    QVERIFY(json.err.contains(u"relevant of 40 scanned"_s));            // and the summary goes to stderr
    const Outcome html = run({u"--format"_s, u"html"_s, u"--out"_s, m_dir->filePath(u"d.html"_s)});
    QCOMPARE(html.exitCode, 0);
    QFile f(m_dir->filePath(u"d.html"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("<!DOCTYPE html>"));
    const Outcome bib = run({u"--format"_s, u"bib"_s});
    QCOMPARE(bib.exitCode, 0);
    QCOMPARE(int(bib.out.count(u"@misc{"_s)), int(expectedSelected().size()));
}

void TestRunCommand::categoriesFromTheCommandLine()
{
    int onlyAi = 0;
    for (const FeedItem &i : std::as_const(m_items))
        onlyAi += i.paper.categories.contains(u"cs.AI"_s) ? 1 : 0;
    QVERIFY(onlyAi > 0 && onlyAi < 40);
    const QString out = m_dir->filePath(u"digest.md"_s);
    const Outcome o = run({u"--categories"_s, u"cs.AI"_s, u"--out"_s, out});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    const QList<FakeRequest> rss = m_arxiv->requests(FakeArxivServer::Service::Rss);
    QCOMPARE(rss.size(), 1);
    QVERIFY2(rss.first().path.endsWith("/cs.AI"), rss.first().path.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).contains(u"Total scanned papers: %1\n"_s.arg(onlyAi)));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE settings_json LIKE '%\"categories\":[\"cs.AI\"]%'"_s), 1);
}

void TestRunCommand::noApiKeyIsAClearFailure()
{
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"digest.md"_s)}, QString());
    QCOMPARE(o.status, QProcess::NormalExit);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(u"no API key"_s) && o.err.contains(u"OPENAI_API_KEY"_s), qPrintable(o.err));
    QVERIFY(!QFile::exists(m_dir->filePath(u"digest.md"_s)));
    QCOMPARE(m_arxiv->http().requestCount(), 0); // failed before any network use
    QCOMPARE(m_llm->callCount(), 0);
}

void TestRunCommand::arxivDownIsAClearFailure()
{
    FakeResponse down = FakeResponse::text("Service Unavailable", 503);
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, down);
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"digest.md"_s)});
    QCOMPARE(o.status, QProcess::NormalExit);
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains(u"run failed"_s) && o.err.contains(u"503"_s), qPrintable(o.err));
    QVERIFY(!QFile::exists(m_dir->filePath(u"digest.md"_s)));
    QCOMPARE(m_llm->callCount(), 0);
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'failed' AND message LIKE '%503%'"_s), 1);
}

void TestRunCommand::digestDoesNotWaitForTheMetadata()
{
    // The arXiv API takes 6 s to answer the id_list request; scoring and the digest do not wait for it.
    QList<Paper> papers;
    for (const FeedItem &i : std::as_const(m_items))
        papers << i.paper;
    FakeResponse slow = FakeResponse::xml(FakeArxivServer::buildAtom(papers, int(papers.size()), 0,
                                                                     int(papers.size()), u"id_list"_s));
    slow.delayMs = 6000;
    m_arxiv->setOverride(FakeArxivServer::Service::Api, slow);
    const QString out = m_dir->filePath(u"digest.md"_s);
    QElapsedTimer clock;
    clock.start();
    auto p = startRun({u"--out"_s, out});
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 10000);
    const qint64 writtenAt = clock.elapsed();
    QCOMPARE(p->state(), QProcess::Running); // still waiting for the metadata
    const Outcome o = finish(*p);
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY(clock.elapsed() >= 6000);
    QVERIFY2(writtenAt < 6000, qPrintable(QString::number(writtenAt)));
    QVERIFY(o.err.contains(u"metadata still completing"_s));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).contains(u"Total relevant papers: %1"_s.arg(expectedSelected().size())));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM papers WHERE metadata_complete = 1"_s), 40);
}

void TestRunCommand::rejectedKeyIsAClearFailure()
{
    const QString out = m_dir->filePath(u"digest.md"_s);
    const Outcome o = run({u"--out"_s, out}, u"sk-wrong-key"_s);
    QCOMPARE(o.status, QProcess::NormalExit);
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains(u"run failed"_s) && o.err.contains(u"401"_s), qPrintable(o.err));
    QVERIFY(!o.err.contains(u"sk-wrong-key"_s));
    // The feed was read: the digest is written and says the run did not finish.
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).contains(u"This run did not finish"_s));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'failed'"_s), 1);
}

void TestRunCommand::budgetReachedExitsFourWithADigest()
{
    {
        QSettings ini(m_dir->filePath(u"papersieve.ini"_s), QSettings::IniFormat);
        AppSettings(ini).setDailyBudgetUsd(0.0002);
    }
    m_llm->setReasoningTokensPerPaper(100);
    const QString out = m_dir->filePath(u"digest.md"_s);
    // --yes: the estimate is over this tiny budget; this test is about the budget stopping the run.
    const Outcome o = run({u"--out"_s, out, u"--yes"_s});
    QCOMPARE(o.status, QProcess::NormalExit);
    QCOMPARE(o.exitCode, 4);
    QVERIFY2(o.err.contains(u"budget"_s), qPrintable(o.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(f.readAll());
    QVERIFY(md.contains(u"The daily budget was reached"_s));
    QVERIFY(md.contains(u"# Unscored Papers"_s));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'budget'"_s), 1);
}

void TestRunCommand::sigtermCancelsCleanly()
{
    m_llm->setLatencyMs(250);
    {
        QSettings ini(m_dir->filePath(u"papersieve.ini"_s), QSettings::IniFormat);
        AppSettings(ini).setConcurrency(1);
    }
    const QString out = m_dir->filePath(u"digest.md"_s);
    auto p = startRun({u"--out"_s, out});
    QTRY_VERIFY_WITH_TIMEOUT(probe(u"SELECT COUNT(DISTINCT request_id) FROM scores WHERE stage = 'abstract'"_s) >= 2,
                             15000);
    p->terminate(); // SIGTERM, as systemd or a shutdown sends it
    const Outcome o = finish(*p, 10000);
    QCOMPARE(o.status, QProcess::NormalExit);
    QCOMPARE(o.exitCode, 5);
    QVERIFY2(o.err.contains(u"cancelled"_s), qPrintable(o.err));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'cancelled'"_s), 1);
    // The digest holds what was paid for and lists the rest as not scored.
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(f.readAll());
    QVERIFY(md.contains(u"This run did not finish"_s));
    QVERIFY(md.contains(u"not scored: the run was cancelled"_s));
}

void TestRunCommand::killedMidScoringResumesWithoutPayingTwice()
{
    m_llm->setLatencyMs(250);
    {
        QSettings ini(m_dir->filePath(u"papersieve.ini"_s), QSettings::IniFormat);
        AppSettings(ini).setConcurrency(1); // one request at a time: a clear "middle"
    }
    const QString out = m_dir->filePath(u"digest.md"_s);
    auto first = startRun({u"--out"_s, out});
    // Kill once three abstract replies are committed (the digest needs ~10 abstract batches).
    QTRY_VERIFY_WITH_TIMEOUT(probe(u"SELECT COUNT(DISTINCT request_id) FROM scores WHERE stage = 'abstract'"_s) >= 3,
                             15000);
    first->kill(); // SIGKILL: no chance to clean up
    QVERIFY(first->waitForFinished(5000));
    QCOMPARE(first->exitStatus(), QProcess::CrashExit);
    QVERIFY(!QFile::exists(out));

    const QStringList sentBefore = m_llm->abstractIdsSent();
    const int scoredBefore = probe(u"SELECT COUNT(*) FROM scores WHERE stage = 'abstract' AND status = 'scored'"_s);
    QVERIFY(scoredBefore >= 3 * 4 - 4); // at least the committed batches
    QVERIFY(scoredBefore < 39);         // really in the middle
    // What the killed run stored, read straight from the database.
    QSet<QString> scored;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"ids"_s);
        db.setDatabaseName(m_dir->filePath(u"p.sqlite"_s));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT p.arxiv_id FROM scores s JOIN papers p ON p.id = s.paper_id "
                       "WHERE s.stage = 'abstract' AND s.status = 'scored'"_s));
        while (q.next())
            scored.insert(q.value(0).toString());
        db.close();
    }
    QSqlDatabase::removeDatabase(u"ids"_s);
    QCOMPARE(scored.size(), scoredBefore);

    // The rerun uses another key, so a request the killed process had on the wire, read by the fake
    // server only now, cannot be mistaken for one of the rerun's.
    m_llm->setLatencyMs(0);
    m_llm->setExpectedApiKey(u"sk-rerun-key"_s);
    const Outcome second = run({u"--out"_s, out}, u"sk-rerun-key"_s);
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QStringList sentAfter;
    for (const FakeLlmCall &c : m_llm->calls()) {
        if (c.stage == FakeLlmCall::Stage::Abstract && c.headers.value("authorization").contains("sk-rerun-key"))
            sentAfter << c.ids();
    }
    // The rerun sends exactly the papers that were not scored yet, each once.
    QSet<QString> toScore;
    for (const FeedItem &i : std::as_const(m_items))
        toScore.insert(i.paper.arxivId);
    toScore.remove(m_items.at(5).paper.arxivId); // author match: never sent
    QCOMPARE(QSet<QString>(sentAfter.cbegin(), sentAfter.cend()), toScore - scored);
    QVERIFY2(sentAfter.size() == (toScore - scored).size(), qPrintable(sentAfter.join(u' ') + u"\n"_s + second.err));
    for (const QString &id : sentAfter)
        QVERIFY2(!scored.contains(id), qPrintable(id));
    QVERIFY(!sentBefore.isEmpty());

    // The final digest is complete, and its cost table counts both runs' requests.
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(f.readAll());
    QVERIFY(md.contains(u"Total relevant papers: %1"_s.arg(expectedSelected().size())));
    for (const QString &id : expectedSelected())
        QVERIFY2(md.contains(u"**ArXiv ID:** "_s + id), qPrintable(id));
    QVERIFY(!md.contains(u"# Unscored Papers"_s));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'failed' AND message LIKE 'Interrupted%'"_s), 1);
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'finished'"_s), 1);
    QCOMPARE(probe(u"SELECT COUNT(*) FROM scores WHERE stage = 'abstract' AND status = 'scored'"_s), 39);
}

QTEST_GUILESS_MAIN(TestRunCommand)
#include "tst_runcommand.moc"
