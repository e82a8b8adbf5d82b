// SPDX-License-Identifier: GPL-3.0-or-later
// The single-instance handshake over real local sockets: in one process (the second instance on its
// own thread, since claim() blocks), across processes (singleinstancehelper), after a killed primary
// left its socket file behind, and against a primary that hangs or a peer that is not PaperSieve.
#include "platform/singleinstance.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

#include <atomic>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using Role = SingleInstance::Role;
using Message = SingleInstance::Message;

namespace {
// Claims from another thread, so this thread's event loop can serve the primary meanwhile.
struct ThreadedClaim
{
    std::atomic<bool> done = false;
    std::atomic<int> role = -1;
    std::thread thread;

    ThreadedClaim(const QString &name, Message message, int timeoutMs = 3000)
        : thread([this, name, message, timeoutMs] {
              SingleInstance second(name);
              role = int(second.claim(message, timeoutMs));
              done = true;
          })
    {
    }
    ~ThreadedClaim() { thread.join(); }
};

QString readLine(QProcess &p, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!p.canReadLine() && t.elapsed() < timeoutMs)
        p.waitForReadyRead(100);
    return QString::fromUtf8(p.readLine()).trimmed();
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void protocolLinesRoundTrip();
    void serverNameIsPerUserAndPerDatabase();
    void serverNameLivesInTheRuntimeDir();
    void secondInstanceActivatesTheFirst();
    void secondInstanceRunNowReachesTheFirst();
    void anotherProcessReachesThePrimary();
    void staleSocketOfAKilledPrimaryIsRecovered();
    void simultaneousStartsOnAStaleSocketMakeOnePrimary();
    void hungPrimaryFailsWithinTheTimeout();
    void foreignPeerIsAnsweredErrorAndIgnored();
    void differentDatabasesGetTheirOwnPrimary();

private:
    QString socketName(const QString &leaf) const { return m_dir.filePath(leaf); }
    QTemporaryDir m_dir;
};

void TestSingleInstance::protocolLinesRoundTrip()
{
    for (Message m : {Message::Activate, Message::RunNow}) {
        Message back = m == Message::Activate ? Message::RunNow : Message::Activate;
        QVERIFY(SingleInstance::decode(SingleInstance::encode(m), &back));
        QCOMPARE(back, m);
    }
    QCOMPARE(SingleInstance::encode(Message::RunNow), "papersieve/1 run-now\n"_ba);
    Message m;
    QVERIFY(!SingleInstance::decode("papersieve/1 quit\n", &m));
    QVERIFY(!SingleInstance::decode("GET / HTTP/1.1\r\n", &m));
    QVERIFY(!SingleInstance::decode("papersieve/2 activate\n", &m));
}

void TestSingleInstance::serverNameIsPerUserAndPerDatabase()
{
    const QByteArray home = qgetenv("HOME");
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    qunsetenv("XDG_RUNTIME_DIR");
    const QString a = SingleInstance::defaultServerName(u"/data/a.sqlite"_s);
    QCOMPARE(SingleInstance::defaultServerName(u"/data/a.sqlite"_s), a);
    QVERIFY(a != SingleInstance::defaultServerName(u"/data/b.sqlite"_s));
    // The same file reached by a relative path is the same database.
    QVERIFY(QDir::setCurrent(m_dir.path()));
    QCOMPARE(SingleInstance::defaultServerName(u"x.sqlite"_s), SingleInstance::defaultServerName(m_dir.filePath(u"x.sqlite"_s)));
#ifdef Q_OS_UNIX
    // Without $XDG_RUNTIME_DIR the name is still in a folder only this user may write (L16), never a
    // predictable name in the shared /tmp.
    QVERIFY2(QDir::isAbsolutePath(a), qPrintable(a));
    const QFileInfo folder(QFileInfo(a).absolutePath());
    QVERIFY2(folder.absoluteFilePath() != QFileInfo(QDir::tempPath()).absoluteFilePath(), qPrintable(a));
    QCOMPARE(folder.ownerId(), uint(::getuid()));
    QCOMPARE(int(folder.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                           | QFile::WriteOther | QFile::ExeOther)), 0);
#else
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (!user.isEmpty())
        QVERIFY2(a.contains(user), qPrintable(a));
#endif
    qputenv("HOME", "/home/someone-else");
    QVERIFY(a != SingleInstance::defaultServerName(u"/data/a.sqlite"_s));
    qputenv("HOME", home);
    if (!runtime.isNull())
        qputenv("XDG_RUNTIME_DIR", runtime);
}

void TestSingleInstance::serverNameLivesInTheRuntimeDir()
{
#ifndef Q_OS_UNIX
    QSKIP("XDG_RUNTIME_DIR is a Unix convention");
#else
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", m_dir.path().toUtf8());
    const QString name = SingleInstance::defaultServerName(u"/data/a.sqlite"_s);
    QVERIFY2(name.startsWith(m_dir.path() + u"/papersieve-"_s), qPrintable(name));
    // A path to a socket must fit sockaddr_un (108 bytes with the terminator).
    QVERIFY(name.toLocal8Bit().size() < 108);
    // A runtime dir that does not exist is made private (0700) before use, or not used.
    qputenv("XDG_RUNTIME_DIR", m_dir.filePath(u"missing"_s).toUtf8());
    const QFileInfo made(QFileInfo(SingleInstance::defaultServerName(u"/data/a.sqlite"_s)).absolutePath());
    QVERIFY(made.isDir());
    QCOMPARE(int(made.permissions() & 0x0077), 0);
    // Nor is one that other users may write into (a squatter could plant the socket there): the name
    // goes to a 0700 folder of ours instead.
    const QString open = m_dir.filePath(u"open"_s);
    QVERIFY(QDir().mkdir(open));
    QVERIFY(QFile::setPermissions(open, QFile::Permissions(0x7777))); // rwx for everyone
    qputenv("XDG_RUNTIME_DIR", open.toUtf8());
    const QString elsewhere = SingleInstance::defaultServerName(u"/data/a.sqlite"_s);
    const QFileInfo folder(QFileInfo(elsewhere).absolutePath());
    QVERIFY2(QDir::isAbsolutePath(elsewhere), qPrintable(elsewhere));
    QCOMPARE(folder.ownerId(), uint(::getuid()));
    QCOMPARE(int(folder.permissions() & 0x0077), 0);
    QVERIFY(elsewhere.toLocal8Bit().size() < 108);
    if (runtime.isNull())
        qunsetenv("XDG_RUNTIME_DIR");
    else
        qputenv("XDG_RUNTIME_DIR", runtime);
#endif
}

void TestSingleInstance::secondInstanceActivatesTheFirst()
{
    SingleInstance first(socketName(u"s1"_s));
    QCOMPARE(first.claim(Message::Activate), Role::Primary);
    QSignalSpy activate(&first, &SingleInstance::activateRequested);
    QSignalSpy runNow(&first, &SingleInstance::runNowRequested);

    ThreadedClaim second(first.serverName(), Message::Activate);
    QTRY_VERIFY(second.done);
    QCOMPARE(Role(second.role.load()), Role::Secondary);
    QTRY_COMPARE(activate.count(), 1);
    QCOMPARE(runNow.count(), 0);
}

void TestSingleInstance::secondInstanceRunNowReachesTheFirst()
{
    SingleInstance first(socketName(u"s2"_s));
    QCOMPARE(first.claim(Message::Activate), Role::Primary);
    QSignalSpy activate(&first, &SingleInstance::activateRequested);
    QSignalSpy runNow(&first, &SingleInstance::runNowRequested);
    QSignalSpy messages(&first, &SingleInstance::messageReceived);

    ThreadedClaim second(first.serverName(), Message::RunNow);
    QTRY_VERIFY(second.done);
    QCOMPARE(Role(second.role.load()), Role::Secondary);
    QTRY_COMPARE(runNow.count(), 1);
    QCOMPARE(activate.count(), 0);
    QCOMPARE(messages.count(), 1);
    QCOMPARE(messages.at(0).at(0).value<Message>(), Message::RunNow);

    // The primary keeps serving: a third start is heard too.
    ThreadedClaim third(first.serverName(), Message::Activate);
    QTRY_VERIFY(third.done);
    QCOMPARE(Role(third.role.load()), Role::Secondary);
    QTRY_COMPARE(activate.count(), 1);
}

void TestSingleInstance::anotherProcessReachesThePrimary()
{
    SingleInstance first(socketName(u"s3"_s));
    QCOMPARE(first.claim(Message::Activate), Role::Primary);
    QSignalSpy runNow(&first, &SingleInstance::runNowRequested);

    QProcess second;
    second.start(QStringLiteral(PAPERSIEVE_HELPER), {u"send"_s, first.serverName(), u"run-now"_s});
    QVERIFY(second.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), QProcess::NotRunning, 10000);
    QCOMPARE(QString::fromUtf8(second.readAllStandardOutput()).trimmed(), u"secondary"_s);
    QCOMPARE(second.exitCode(), 0);
    QTRY_COMPARE(runNow.count(), 1);
}

void TestSingleInstance::staleSocketOfAKilledPrimaryIsRecovered()
{
    const QString name = socketName(u"s4"_s);
    QProcess primary;
    primary.start(QStringLiteral(PAPERSIEVE_HELPER), {u"primary"_s, name});
    QVERIFY(primary.waitForStarted());
    QCOMPARE(readLine(primary), u"primary"_s);

    // While it lives, we are the second instance and it hears us.
    {
        SingleInstance probe(name);
        QCOMPARE(probe.claim(Message::RunNow), Role::Secondary);
        QCOMPARE(readLine(primary), u"run-now"_s);
    }

    primary.kill(); // SIGKILL: no destructor removes the socket file
    QVERIFY(primary.waitForFinished());
    QVERIFY2(QFileInfo::exists(name), "a killed primary leaves its socket file (the case under test)");

    SingleInstance next(name);
    QElapsedTimer t;
    t.start();
    QCOMPARE(next.claim(Message::Activate), Role::Primary);
    QVERIFY2(t.elapsed() < 2500, "recovering a stale socket must not wait for a timeout");
    QSignalSpy activate(&next, &SingleInstance::activateRequested);
    ThreadedClaim after(name, Message::Activate);
    QTRY_VERIFY(after.done);
    QCOMPARE(Role(after.role.load()), Role::Secondary);
    QTRY_COMPARE(activate.count(), 1);
}

void TestSingleInstance::simultaneousStartsOnAStaleSocketMakeOnePrimary()
{
    const QString name = socketName(u"s7"_s);
    {
        QProcess killed;
        killed.start(QStringLiteral(PAPERSIEVE_HELPER), {u"primary"_s, name});
        QVERIFY(killed.waitForStarted());
        QCOMPARE(readLine(killed), u"primary"_s);
        killed.kill();
        QVERIFY(killed.waitForFinished());
    }
    QVERIFY(QFileInfo::exists(name));

    // Four starts at once all find the stale socket; exactly one may end up listening.
    std::vector<std::unique_ptr<QProcess>> starts;
    for (int i = 0; i < 4; ++i) {
        starts.push_back(std::make_unique<QProcess>());
        starts.back()->start(QStringLiteral(PAPERSIEVE_HELPER), {u"primary"_s, name});
    }
    int primaries = 0;
    QProcess *primary = nullptr;
    for (auto &p : starts) {
        const QString first = readLine(*p);
        if (first == u"primary"_s) {
            ++primaries;
            primary = p.get();
        } else {
            QCOMPARE(first, u"not-primary"_s);
        }
    }
    QCOMPARE(primaries, 1);
    // And the one that listens is the one a later start reaches.
    SingleInstance later(name);
    QCOMPARE(later.claim(Message::RunNow), Role::Secondary);
    // The losers already told it "activate" (their claim); skip those lines.
    QString line;
    do
        line = readLine(*primary);
    while (line == u"activate"_s);
    QCOMPARE(line, u"run-now"_s);
    for (auto &p : starts) {
        p->kill();
        p->waitForFinished();
    }
}

void TestSingleInstance::hungPrimaryFailsWithinTheTimeout()
{
    // Listens but never runs its event loop while we wait: the kernel accepts, nobody answers.
    QLocalServer hung;
    QVERIFY(hung.listen(socketName(u"s5"_s)));
    SingleInstance second(hung.fullServerName());
    QElapsedTimer t;
    t.start();
    QCOMPARE(second.claim(Message::RunNow, 700), Role::Failed);
    QVERIFY(t.elapsed() < 3000);
    QVERIFY2(second.errorString().contains(u"already running"_s), qPrintable(second.errorString()));
}

void TestSingleInstance::foreignPeerIsAnsweredErrorAndIgnored()
{
    SingleInstance first(socketName(u"s6"_s));
    QCOMPARE(first.claim(Message::Activate), Role::Primary);
    QSignalSpy messages(&first, &SingleInstance::messageReceived);

    QLocalSocket peer;
    peer.connectToServer(first.serverName());
    QVERIFY(peer.waitForConnected(1000));
    peer.write("GET / HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(peer.canReadLine());
    QCOMPARE(peer.readLine().trimmed(), "error"_ba);
    QTRY_COMPARE(peer.state(), QLocalSocket::UnconnectedState);
    QCOMPARE(messages.count(), 0);
}

void TestSingleInstance::differentDatabasesGetTheirOwnPrimary()
{
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", m_dir.path().toUtf8());
    SingleInstance a(SingleInstance::defaultServerName(m_dir.filePath(u"a.sqlite"_s)));
    SingleInstance b(SingleInstance::defaultServerName(m_dir.filePath(u"b.sqlite"_s)));
    QCOMPARE(a.claim(Message::Activate), Role::Primary);
    QCOMPARE(b.claim(Message::Activate), Role::Primary);
    SingleInstance again(SingleInstance::defaultServerName(m_dir.filePath(u"a.sqlite"_s)));
    QSignalSpy activateA(&a, &SingleInstance::activateRequested);
    QSignalSpy activateB(&b, &SingleInstance::activateRequested);
    ThreadedClaim second(again.serverName(), Message::Activate);
    QTRY_VERIFY(second.done);
    QCOMPARE(Role(second.role.load()), Role::Secondary);
    QTRY_COMPARE(activateA.count(), 1);
    QCOMPARE(activateB.count(), 0);
    if (runtime.isNull())
        qunsetenv("XDG_RUNTIME_DIR");
    else
        qputenv("XDG_RUNTIME_DIR", runtime);
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
