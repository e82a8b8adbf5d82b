// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr QByteArrayView kPrefix = "papersieve/1 ";
constexpr int kMaxLine = 256; // a peer that sends more is not ours
} // namespace

SingleInstance::SingleInstance(QString serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(std::move(serverName))
{
}

SingleInstance::~SingleInstance() = default;

#ifdef Q_OS_UNIX
namespace {
// Only this user may create or replace what is inside: no other local user can squat the socket's
// name and answer "ok" in our place (L16).
bool isPrivateFolder(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir() || info.isSymLink() || info.ownerId() != ::getuid())
        return false;
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                      | QFile::WriteOther | QFile::ExeOther;
    return (info.permissions() & others) == 0;
}
} // namespace
#endif

QString SingleInstance::privateFolder()
{
#ifdef Q_OS_UNIX
    // $XDG_RUNTIME_DIR (Qt checks it is ours and 0700, else makes /tmp/runtime-<user> so).
    if (const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        !runtime.isEmpty() && isPrivateFolder(runtime))
        return runtime;
    // Else a 0700 folder of our own in the user's cache.
    const QString own = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/papersieve-runtime"_s;
    QDir().mkpath(QFileInfo(own).absolutePath());
    QDir().mkdir(own, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (QFileInfo(own).ownerId() == ::getuid())
        QFile::setPermissions(own, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (isPrivateFolder(own))
        return own;
    return {};
#else
    // Windows: the pipe's name carries the user, its ACL (QLocalServer::UserAccessOption) keeps others out.
    return {};
#endif
}

QString SingleInstance::defaultServerName(const QString &databasePath)
{
    const QString db = QFileInfo(databasePath).absoluteFilePath();
    const QByteArray key = (QDir::homePath() + u'\n' + db).toUtf8();
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
    if (const QString folder = privateFolder(); !folder.isEmpty())
        return folder + u"/papersieve-"_s + hash;
    // No private folder could be had: the user's name at least keeps two users' names apart (and
    // UserAccessOption keeps others out of the socket itself).
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    user.removeIf([](QChar c) { return !c.isLetterOrNumber(); });
    return u"papersieve-"_s + user + u'-' + hash;
}

QByteArray SingleInstance::encode(Message message)
{
    QByteArray line(kPrefix.data(), kPrefix.size());
    line += message == Message::RunNow ? "run-now" : "activate";
    line += '\n';
    return line;
}

bool SingleInstance::decode(const QByteArray &line, Message *message)
{
    QByteArray l = line.trimmed();
    if (!l.startsWith(kPrefix))
        return false;
    l = l.mid(kPrefix.size());
    if (l == "activate")
        *message = Message::Activate;
    else if (l == "run-now")
        *message = Message::RunNow;
    else
        return false;
    return true;
}

SingleInstance::Role SingleInstance::claim(Message message, int timeoutMs)
{
    // Two rounds: a process starting at the same moment may win the listen race between our connect
    // and our listen; then the second connect reaches it.
    for (int round = 0; round < 2; ++round) {
        bool connected = false;
        const Role sent = send(message, timeoutMs, &connected);
        if (connected)
            return sent;
        if (listen())
            return Role::Primary;
    }
    return Role::Failed;
}

SingleInstance::Role SingleInstance::send(Message message, int timeoutMs, bool *connected)
{
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    // A refused or missing socket answers at once; only a live primary makes us wait.
    if (!socket.waitForConnected(std::min(timeoutMs, 1000))) {
        *connected = false;
        return Role::Failed;
    }
    *connected = true;
    const QDeadlineTimer deadline(timeoutMs);
    socket.write(encode(message));
    if (!socket.waitForBytesWritten(int(deadline.remainingTime()))) {
        m_error = tr("PaperSieve is already running but did not take the request: %1").arg(socket.errorString());
        return Role::Failed;
    }
    QByteArray answer;
    while (!answer.contains('\n') && answer.size() < kMaxLine) {
        if (!socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))) {
            m_error = tr("PaperSieve is already running but did not answer within %1 s.").arg(timeoutMs / 1000.0);
            return Role::Failed;
        }
        answer += socket.readAll();
    }
    if (answer.trimmed() != "ok") {
        m_error = tr("PaperSieve is already running but gave an unexpected answer.");
        return Role::Failed;
    }
    socket.disconnectFromServer();
    return Role::Secondary;
}

bool SingleInstance::listen()
{
    // Two processes finding the same stale socket would both remove it and listen, the second cutting
    // the first off. The lock makes them take turns; QLockFile clears a lock whose holder was killed.
    const QString lockPath = (QDir::isAbsolutePath(m_serverName) ? m_serverName : QDir::temp().filePath(m_serverName))
        + u".lock"_s;
    QLockFile lock(lockPath);
    if (!lock.tryLock(2000)) {
        m_error = tr("Cannot lock %1 to start the single-instance socket.").arg(lockPath);
        return false;
    }
    // Under the lock, a fresh connect tells a live primary (answer it instead) from a socket file
    // left by a crashed one (remove it). This check is what keeps a live primary from being cut off:
    // with UserAccessOption Qt binds in a temporary folder and renames over the name, so listen()
    // itself would replace a live socket without complaint.
    {
        QLocalSocket probe;
        probe.connectToServer(m_serverName);
        if (probe.waitForConnected(200))
            return false; // someone listens: the caller connects again
    }
    QLocalServer::removeServer(m_serverName);
    auto server = std::make_unique<QLocalServer>();
    server->setSocketOptions(QLocalServer::UserAccessOption);
    const bool ok = server->listen(m_serverName);
    if (!ok) {
        m_error = tr("Cannot create the local socket %1: %2").arg(m_serverName, server->errorString());
        return false;
    }
    delete m_server;
    m_server = server.release();
    m_server->setParent(this);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A client that connects and says nothing does not keep a socket open forever.
        QTimer::singleShot(10000, socket, [socket] { socket->abort(); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void SingleInstance::onReadyRead(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxLine)
            socket->abort();
        return;
    }
    const QByteArray line = socket->readLine(kMaxLine);
    Message message;
    if (!decode(line, &message)) {
        socket->write("error\n");
        socket->disconnectFromServer();
        return;
    }
    socket->write("ok\n");
    socket->flush();
    socket->disconnectFromServer();
    emit messageReceived(message);
    if (message == Message::RunNow)
        emit runNowRequested();
    else
        emit activateRequested();
}
