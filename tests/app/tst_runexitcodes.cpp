// SPDX-License-Identifier: GPL-3.0-or-later
// Every row of README's exit-code table, proved through the built binary against the loopback fakes:
// 0 done / no announcement / nothing relevant (told apart on stdout), 1 failed (arXiv down, LLM 401,
// LLM 404/500/refused), 2 no key, 3 database unusable (file left byte-identical), 4 budget (reached, or
// the estimate over it without --yes), 5 SIGTERM, 6 --out not writable, 64 bad command line.
// Also: no configured key in any output or file after the fault cases (M2, L1), and the run lock.
#include "fakearxivserver.h"
#include "fakehttpserver.h"
#include "fakellmserver.h"
#include "settings/appsettings.h"
#include "testdata.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QLockFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr auto kDay = "2025-10-07";
// Not in any pattern a redactor knows (L1): only the exact value can catch it.
constexpr auto kOddKey = "gsk_T3stK3y0nlyF0rTh1sRun9876";

struct Outcome
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out, err;
};

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestRunExitCodes : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void doneExitsZero();
    void noAnnouncementExitsZeroAndSaysSo();
    void nothingRelevantExitsZeroAndSaysSo();
    void arxivDownExitsOne();
    void rejectedKeyExitsOneWithAnIncompleteDigest();
    void incompleteDigestInEveryFormat();
    void providerRefusalsExitOne_data();
    void providerRefusalsExitOne();
    void noKeyExitsTwo();
    void compatibleServerNeverGetsTheOpenAiKey();
    void unusableDatabaseExitsThreeAndIsLeftAlone_data();
    void unusableDatabaseExitsThreeAndIsLeftAlone();
    void lockThatCannotBeCreatedIsSaidAsSuch();
    void symlinkedDatabaseSharesTheLock();
    void estimateOverBudgetRefusesWithoutYes();
    void budgetReachedMidRunExitsFour();
    void sigtermExitsFive();
    void unwritableOutExitsSixBeforeAnyRequest();
    void badCommandLineExits64();
    void keyNeverLeaks_data();
    void keyNeverLeaks();
    void s2AddressIsCheckedForFollowedIds();

private:
    QProcessEnvironment environment(const QString &key) const;
    QStringList arguments(const QStringList &extra = {}) const;
    Outcome run(const QStringList &extra = {}, const QString &key = QStringLiteral("sk-test-key"),
                const QProcessEnvironment *env = nullptr);
    Outcome finish(QProcess &p, int timeoutMs = 25000);
    void settings(const std::function<void(AppSettings &)> &change);
    int probe(const QString &sql);
    QString db() const { return m_dir->filePath(u"p.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeArxivServer> m_arxiv;
    std::unique_ptr<FakeLlmServer> m_llm;
    QList<FeedItem> m_items;
};

void TestRunExitCodes::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_arxiv = std::make_unique<FakeArxivServer>();
    QVERIFY(m_arxiv->listen());
    m_llm = std::make_unique<FakeLlmServer>();
    QVERIFY(m_llm->listen());
    m_llm->setExpectedApiKey(u"sk-test-key"_s);
    const QList<QByteArray> lines = TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s).split('\n');
    m_items = m_arxiv->loadDayJsonl(lines.mid(0, 40).join('\n'), QDate::fromString(QString::fromLatin1(kDay), Qt::ISODate));
    QList<Paper> papers;
    for (const FeedItem &i : std::as_const(m_items))
        papers << i.paper;
    m_llm->registerPapers(papers);
    settings([](AppSettings &s) {
        s.setArxivRequestSpacingMs(20);
        s.setConcurrency(2);
        s.setTitleBatchSize(40);
        s.setAbstractBatchSize(10);
    });
}

void TestRunExitCodes::cleanup()
{
    m_llm.reset();
    m_arxiv.reset();
    m_dir.reset();
}

void TestRunExitCodes::settings(const std::function<void(AppSettings &)> &change)
{
    QSettings ini(m_dir->filePath(u"papersieve.ini"_s), QSettings::IniFormat);
    AppSettings s(ini);
    change(s);
    ini.sync();
}

QProcessEnvironment TestRunExitCodes::environment(const QString &key) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PAPERSIEVE_ARXIV_RSS_URL"_s, m_arxiv->rssBaseUrl().toString());
    env.insert(u"PAPERSIEVE_ARXIV_API_URL"_s, m_arxiv->apiUrl().toString());
    env.insert(u"PAPERSIEVE_LLM_BASE_URL"_s, m_llm->openAiBaseUrl().toString());
    env.insert(u"PAPERSIEVE_S2_API_URL"_s, u"http://127.0.0.1:9/graph/v1"_s);
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
    for (const QString &v : {u"OPENAI_API_KEY"_s, u"PAPERSIEVE_LLM_API_KEY"_s, u"ANTHROPIC_API_KEY"_s,
                             u"GEMINI_API_KEY"_s, u"S2_API_KEY"_s})
        env.remove(v);
    if (!key.isEmpty())
        env.insert(u"OPENAI_API_KEY"_s, key);
    return env;
}

QStringList TestRunExitCodes::arguments(const QStringList &extra) const
{
    return QStringList{u"run"_s, u"--db"_s, db(), u"--config"_s, m_dir->filePath(u"papersieve.ini"_s)} + extra;
}

Outcome TestRunExitCodes::finish(QProcess &p, int timeoutMs)
{
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

Outcome TestRunExitCodes::run(const QStringList &extra, const QString &key, const QProcessEnvironment *env)
{
    QProcess p;
    p.setProcessEnvironment(env ? *env : environment(key));
    p.start(QStringLiteral(PAPERSIEVE_BINARY), arguments(extra));
    return finish(p);
}

int TestRunExitCodes::probe(const QString &sql)
{
    int value = -1;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
        d.setDatabaseName(db());
        d.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
        if (d.open()) {
            QSqlQuery q(d);
            if (q.exec(sql) && q.next())
                value = q.value(0).toInt();
        }
        d.close();
    }
    QSqlDatabase::removeDatabase(u"probe"_s);
    return value;
}

void TestRunExitCodes::doneExitsZero()
{
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"d.md"_s)});
    QVERIFY2(o.exitCode == 0 && o.status == QProcess::NormalExit, qPrintable(o.err));
    QVERIFY2(QRegularExpression(u"^2025-10-07: [1-9][0-9]* relevant of 40 scanned"_s).match(o.out).hasMatch(), qPrintable(o.out));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'finished'"_s), 1);
}

void TestRunExitCodes::noAnnouncementExitsZeroAndSaysSo()
{
    const QDate saturday(2025, 10, 11);
    m_arxiv->setNoAnnouncement(saturday);
    const QString out = m_dir->filePath(u"d.md"_s);
    const Outcome o = run({u"--out"_s, out});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY2(o.out.contains(u"no announcement"_s), qPrintable(o.out));
    QVERIFY(!o.out.contains(u"relevant"_s));
    QVERIFY(!QFile::exists(out));
    QCOMPARE(m_llm->callCount(), 0);
}

void TestRunExitCodes::nothingRelevantExitsZeroAndSaysSo()
{
    m_llm->setJudge([](const FakeLlmPaper &) { return FakeLlmJudgement{2, 2, u"not for you"_s}; });
    const QString out = m_dir->filePath(u"d.md"_s);
    const Outcome o = run({u"--out"_s, out});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    // Told apart from a failure by the code, from a day without announcement by the words.
    QVERIFY2(o.out.startsWith(u"2025-10-07: nothing relevant among 40 scanned"_s), qPrintable(o.out));
    QVERIFY(QFile::exists(out));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'finished' AND relevant = 0"_s), 1);
}

void TestRunExitCodes::arxivDownExitsOne()
{
    m_arxiv->setOverride(FakeArxivServer::Service::Rss, FakeResponse::text("Service Unavailable", 503));
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"d.md"_s)});
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains(u"run failed"_s) && o.err.contains(u"503"_s), qPrintable(o.err));
    QCOMPARE(m_llm->callCount(), 0);
}

void TestRunExitCodes::rejectedKeyExitsOneWithAnIncompleteDigest()
{
    const QString out = m_dir->filePath(u"d.md"_s);
    const Outcome o = run({u"--out"_s, out}, u"sk-wrong-key"_s);
    QCOMPARE(o.exitCode, 1);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(f.readAll());
    QVERIFY2(md.startsWith(u"**This digest is incomplete: "_s), qPrintable(md.left(300)));
    QVERIFY(md.left(300).contains(u"401"_s));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'failed'"_s), 1);
}

void TestRunExitCodes::incompleteDigestInEveryFormat()
{
    const struct
    {
        const char *format;
        QString marker;
    } formats[] = {{"html", u"<p class=\"incomplete\"><strong>This digest is incomplete: "_s},
                   {"json", u"\"incomplete\": \""_s},
                   {"bib", u"% This digest is incomplete: "_s}};
    for (const auto &f : formats) {
        const QString out = m_dir->filePath(u"d."_s + QLatin1String(f.format));
        const Outcome o = run({u"--format"_s, QLatin1String(f.format), u"--out"_s, out}, u"sk-wrong-key"_s);
        QCOMPARE(o.exitCode, 1);
        QFile file(out);
        QVERIFY2(file.open(QIODevice::ReadOnly), f.format);
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(f.marker), qPrintable(text.left(400)));
        if (QByteArrayView(f.format) == "bib")
            QVERIFY(text.startsWith(f.marker));
    }
}

void TestRunExitCodes::providerRefusalsExitOne_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("404 model") << 404
                               << QByteArray(R"({"error":{"message":"The model `gpt-5-typo` does not exist","type":"invalid_request_error","code":"model_not_found"}})");
    QTest::newRow("500 always") << 500 << QByteArray(R"({"error":{"message":"The server had an error","type":"server_error"}})");
    QTest::newRow("400 parameter") << 400
                                   << QByteArray(R"({"error":{"message":"Unsupported parameter: 'foo'","type":"invalid_request_error"}})");
}

void TestRunExitCodes::providerRefusalsExitOne()
{
    // Depends on the selection stage reporting run-level failures (ProviderRefused/Unavailable).
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    FakeHttpServer llm;
    QVERIFY(llm.listen());
    llm.setHandler([&](const FakeRequest &) {
        FakeResponse r = FakeResponse::json(body, status);
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("0")));
        return r;
    });
    QProcessEnvironment env = environment(u"sk-test-key"_s);
    env.insert(u"PAPERSIEVE_LLM_BASE_URL"_s, llm.url(u"/v1"_s).toString());
    const QString out = m_dir->filePath(u"d.md"_s);
    const Outcome o = run({u"--out"_s, out}, {}, &env);
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains(u"run failed"_s), qPrintable(o.err));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'failed'"_s), 1);
}

void TestRunExitCodes::noKeyExitsTwo()
{
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"d.md"_s)}, QString());
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(u"OPENAI_API_KEY"_s), qPrintable(o.err));
    QCOMPARE(m_arxiv->http().requestCount(), 0);
}

void TestRunExitCodes::compatibleServerNeverGetsTheOpenAiKey()
{
    // M2: a user's OpenAI key in the environment, an OpenAI-compatible server on localhost.
    settings([](AppSettings &s) { s.setProvider(u"openai-compatible"_s); });
    m_llm->setExpectedApiKey({});
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"d.md"_s)}, u"sk-real-openai-key"_s);
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY(m_llm->callCount() > 0);
    for (const FakeLlmCall &c : m_llm->calls())
        QVERIFY2(!c.headers.value("authorization").contains("sk-real-openai-key"), c.headers.value("authorization").constData());
    // Its own variable is used.
    QProcessEnvironment env = environment(u"sk-real-openai-key"_s);
    env.insert(u"PAPERSIEVE_LLM_API_KEY"_s, u"local-server-key"_s);
    m_llm->clearLog();
    m_llm->setExpectedApiKey(u"local-server-key"_s);
    QDir(m_dir->path()).remove(u"p.sqlite"_s);
    const Outcome own = run({u"--out"_s, m_dir->filePath(u"d2.md"_s)}, {}, &env);
    QVERIFY2(own.exitCode == 0, qPrintable(own.err));
    QVERIFY(m_llm->callCount() > 0);
}

void TestRunExitCodes::unusableDatabaseExitsThreeAndIsLeftAlone_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("corrupt") << u"corrupt"_s;
    QTest::newRow("newer version") << u"newer"_s;
    QTest::newRow("read-only") << u"readonly"_s;
}

void TestRunExitCodes::unusableDatabaseExitsThreeAndIsLeftAlone()
{
    QFETCH(QString, kind);
    // A database from a first, good run.
    QCOMPARE(run({u"--out"_s, m_dir->filePath(u"first.md"_s)}).exitCode, 0);
    m_arxiv->http().clearRequests();
    m_llm->clearLog();
    QString program = QStringLiteral(PAPERSIEVE_BINARY);
    QStringList prefix;
    if (kind == u"corrupt") {
        QFile f(db());
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(100);
        f.write(QByteArray(4096, '\xA5')); // the schema page's content, header kept
    } else if (kind == u"newer") {
        QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bump"_s);
        d.setDatabaseName(db());
        QVERIFY(d.open());
        QVERIFY(QSqlQuery(d).exec(u"PRAGMA user_version = 99"_s));
        QVERIFY(QSqlQuery(d).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        d.close();
        d = {};
        QSqlDatabase::removeDatabase(u"bump"_s);
    } else {
        QVERIFY(QFile::setPermissions(db(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
#ifdef Q_OS_UNIX
        if (::geteuid() == 0) {
            // root writes through permissions: run the binary as nobody, in a folder it cannot write.
            if (QStandardPaths::findExecutable(u"setpriv"_s).isEmpty())
                QSKIP("running as root without setpriv: a read-only file cannot be made");
            QVERIFY(QFile::setPermissions(m_dir->path(), QFile::Permissions(0x7755)));
            QVERIFY(QFile::setPermissions(m_dir->filePath(u"papersieve.ini"_s), QFile::Permissions(0x6644)));
            program = u"setpriv"_s;
            prefix = {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, QStringLiteral(PAPERSIEVE_BINARY)};
        }
#endif
    }
    QDir(m_dir->path()).remove(u"p.sqlite-wal"_s);
    QDir(m_dir->path()).remove(u"p.sqlite-shm"_s);
    const QByteArray before = fileHash(db());
    QVERIFY(!before.isEmpty());
    QProcess p;
    p.setProcessEnvironment(environment(u"sk-test-key"_s));
    p.start(program, prefix + arguments());
    const Outcome o = finish(p);
    QVERIFY2(o.exitCode == 3, qPrintable(QString::number(o.exitCode) + u'\n' + o.err));
    QCOMPARE(int(o.err.trimmed().count(u'\n')), 0); // one line
    QCOMPARE(fileHash(db()), before);
    QCOMPARE(m_arxiv->http().requestCount(), 0);
    QCOMPARE(m_llm->callCount(), 0);
    QVERIFY(o.out.isEmpty()); // no digest
}

void TestRunExitCodes::lockThatCannotBeCreatedIsSaidAsSuch()
{
    // A database name so long that "<name>.run-lock" is over NAME_MAX: the lock file cannot be made
    // (as in a read-only folder or on a full disk, and this works even as root).
    // 247 characters: "-journal", "-wal" and "-shm" still fit in 255, ".run-lock" does not.
    const QString name = QString(247 - 3, u'd') + u".db"_s;
    QProcess p;
    p.setProcessEnvironment(environment(u"sk-test-key"_s));
    p.start(QStringLiteral(PAPERSIEVE_BINARY),
            {u"run"_s, u"--db"_s, m_dir->filePath(name), u"--config"_s, m_dir->filePath(u"papersieve.ini"_s)});
    const Outcome o = finish(p);
    QVERIFY2(o.exitCode == 3, qPrintable(QString::number(o.exitCode) + u'\n' + o.err));
    QVERIFY2(o.err.contains(u"Cannot create the run lock"_s), qPrintable(o.err));
    QVERIFY(!o.err.contains(u"Another PaperSieve run"_s));
    QVERIFY(!o.err.contains(u"process 0"_s));
    QCOMPARE(m_llm->callCount(), 0);
}

void TestRunExitCodes::symlinkedDatabaseSharesTheLock()
{
#ifndef Q_OS_UNIX
    QSKIP("symlinks");
#else
    QCOMPARE(run({u"--out"_s, m_dir->filePath(u"first.md"_s)}).exitCode, 0);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"elsewhere"_s)));
    const QString link = m_dir->filePath(u"elsewhere/alias.sqlite"_s);
    QVERIFY(QFile::link(db(), link));
    // Another run holds the real file's lock (as the window's scheduled run would).
    QLockFile held(db() + u".run-lock"_s);
    QVERIFY(held.tryLock(0));
    QProcess p;
    p.setProcessEnvironment(environment(u"sk-test-key"_s));
    p.start(QStringLiteral(PAPERSIEVE_BINARY),
            {u"run"_s, u"--db"_s, link, u"--config"_s, m_dir->filePath(u"papersieve.ini"_s)});
    const Outcome o = finish(p);
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains(u"Another PaperSieve run"_s), qPrintable(o.err));
    QVERIFY2(o.err.contains(u"process %1"_s.arg(QCoreApplication::applicationPid())), qPrintable(o.err));
    QVERIFY(!QFile::exists(link + u".run-lock"_s));
#endif
}

void TestRunExitCodes::estimateOverBudgetRefusesWithoutYes()
{
    settings([](AppSettings &s) {
        s.setDailyBudgetUsd(0.01);
        s.setAbstractBatchSize(4);
    });
    const QString out = m_dir->filePath(u"d.md"_s);
    const Outcome o = run({u"--out"_s, out});
    QCOMPARE(o.exitCode, 4);
    QVERIFY2(o.err.contains(u"the estimate ($"_s) && o.err.contains(u"of $0.01)"_s) && o.err.contains(u"--yes"_s),
             qPrintable(o.err));
    QCOMPARE(m_llm->callCount(), 0); // nothing was sent
    QVERIFY(QFile::exists(out));
    QCOMPARE(probe(u"SELECT COUNT(*) FROM runs WHERE status = 'budget'"_s), 1);
    // --yes sends (and the budget then stops the run at what it allows).
    const Outcome yes = run({u"--out"_s, out, u"--yes"_s});
    QVERIFY2(m_llm->callCount() > 0, qPrintable(yes.err));
    QCOMPARE(yes.exitCode, 4);
}

void TestRunExitCodes::budgetReachedMidRunExitsFour()
{
    settings([](AppSettings &s) {
        s.setDailyBudgetUsd(0.01);
        s.setAbstractBatchSize(4);
    });
    m_llm->setReasoningTokensPerPaper(100);
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"d.md"_s), u"--yes"_s});
    QCOMPARE(o.exitCode, 4);
    QVERIFY(m_llm->callCount() > 0);
    QVERIFY2(o.err.contains(u"the daily budget was reached"_s), qPrintable(o.err));
}

void TestRunExitCodes::sigtermExitsFive()
{
    m_llm->setLatencyMs(400);
    settings([](AppSettings &s) {
        s.setConcurrency(1);
        s.setAbstractBatchSize(2);
    });
    QProcess p;
    p.setProcessEnvironment(environment(u"sk-test-key"_s));
    p.start(QStringLiteral(PAPERSIEVE_BINARY), arguments({u"--out"_s, m_dir->filePath(u"d.md"_s)}));
    QTRY_VERIFY_WITH_TIMEOUT(m_llm->callCount(FakeLlmCall::Stage::Abstract) >= 1, 15000);
    p.terminate();
    const Outcome o = finish(p, 10000);
    QCOMPARE(o.status, QProcess::NormalExit);
    QCOMPARE(o.exitCode, 5);
}

void TestRunExitCodes::unwritableOutExitsSixBeforeAnyRequest()
{
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"no/such/folder/d.md"_s)});
    QCOMPARE(o.exitCode, 6);
    QVERIFY2(o.err.contains(u"cannot write the digest"_s), qPrintable(o.err));
    QCOMPARE(m_arxiv->http().requestCount(), 0);
    QCOMPARE(m_llm->callCount(), 0);
}

void TestRunExitCodes::badCommandLineExits64()
{
    QCOMPARE(run({u"--format"_s, u"pdf"_s}).exitCode, 64);
    QProcess p;
    p.start(QStringLiteral(PAPERSIEVE_BINARY), {u"fetch"_s, u"--yes"_s});
    QCOMPARE(finish(p).exitCode, 64);
}

void TestRunExitCodes::keyNeverLeaks_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("401 echoing the key") << u"401"_s;
    QTest::newRow("500 echoing the key") << u"500"_s;
    QTest::newRow("redirect to a server echoing the key") << u"redirect"_s;
}

void TestRunExitCodes::keyNeverLeaks()
{
    QFETCH(QString, fault);
    const QByteArray key(kOddKey);
    const QByteArray s2Key("abcdefghij0123456789ABCDEFGHIJ0123456789");
    // The other origin of a redirect: it answers 401 with whatever Authorization it was given.
    FakeHttpServer other;
    QVERIFY(other.listen());
    other.setHandler([](const FakeRequest &r) {
        return FakeResponse::json("{\"error\":{\"message\":\"Incorrect API key provided: " + r.headers.value("authorization")
                                  + "\"}}", 401);
    });
    FakeHttpServer llm;
    QVERIFY(llm.listen());
    llm.setHandler([&](const FakeRequest &r) {
        if (fault == u"redirect") {
            FakeResponse moved = FakeResponse::text("", 307);
            moved.headers.append(qMakePair(QByteArray("Location"), other.url(QString::fromLatin1(r.path)).toString().toLatin1()));
            return moved;
        }
        FakeResponse e = FakeResponse::json("{\"error\":{\"message\":\"Incorrect API key provided: " + key
                                                + " (header " + r.headers.value("authorization") + ")\"}}",
                                            fault == u"401" ? 401 : 500);
        e.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("0")));
        return e;
    });
    QProcessEnvironment env = environment(QString::fromLatin1(key));
    env.insert(u"PAPERSIEVE_LLM_BASE_URL"_s, llm.url(u"/v1"_s).toString());
    env.insert(u"S2_API_KEY"_s, QString::fromLatin1(s2Key));
    QString everything;
    for (const char *format : {"md", "html", "json", "bib"}) {
        const Outcome o = run({u"--format"_s, QLatin1String(format), u"--out"_s,
                               m_dir->filePath(u"digest."_s + QLatin1String(format))},
                              {}, &env);
        QVERIFY2(o.exitCode != 0 || fault == u"500", qPrintable(o.err)); // 500: exit 1 once the selection fails the run
        QVERIFY(llm.requestCount() > 0);
        everything += o.out + o.err;
    }
    QVERIFY2(!everything.contains(QString::fromLatin1(key)), qPrintable(everything));
    QVERIFY(!everything.contains(QString::fromLatin1(s2Key)));
    // Every file the run wrote or touched: the digests and the settings first, then the database and
    // its WAL (those hold the selection's own error rows, see llm_requests.error).
    QStringList files;
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    std::stable_partition(files.begin(), files.end(), [](const QString &f) { return !f.contains(u".sqlite"_s); });
    QVERIFY2(files.size() >= 5, qPrintable(files.join(u' '))); // 4 digests + settings + database
    for (const QString &path : std::as_const(files)) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains(key), qPrintable(path));
        QVERIFY2(!bytes.contains(s2Key), qPrintable(path));
    }
}

void TestRunExitCodes::s2AddressIsCheckedForFollowedIds()
{
    // L4: a followed author with a Semantic Scholar id, the h-index stage off, a plain-http remote S2.
    settings([](AppSettings &s) { s.setFollowedAuthors({u"Ada Lovelace, 12345"_s}); });
    QProcessEnvironment env = environment(u"sk-test-key"_s);
    env.insert(u"PAPERSIEVE_S2_API_URL"_s, u"http://192.0.2.10/graph/v1"_s);
    env.insert(u"S2_API_KEY"_s, u"s2-secret-key"_s);
    const Outcome o = run({u"--out"_s, m_dir->filePath(u"d.md"_s)}, {}, &env);
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains(u"Semantic Scholar address is not usable"_s), qPrintable(o.err));
    QCOMPARE(m_arxiv->http().requestCount(), 0); // refused before anything was sent
    QCOMPARE(m_llm->callCount(), 0);
}

QTEST_GUILESS_MAIN(TestRunExitCodes)
#include "tst_runexitcodes.moc"
