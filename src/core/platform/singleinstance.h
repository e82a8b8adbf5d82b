// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

// One PaperSieve window per user and database. The first process listens on a local socket
// (QLocalServer, readable by this user only); a later one connects, says what it wants ("activate"
// or "run-now"), waits for the answer and exits. Protocol: one line "papersieve/1 <message>\n", answered
// with "ok\n".
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    enum class Message { Activate, RunNow };
    Q_ENUM(Message)
    enum class Role {
        Primary,   // this process listens: go on starting the app
        Secondary, // another instance took the message: exit 0
        Failed     // another instance exists but did not answer, or the socket cannot be made
    };

    explicit SingleInstance(QString serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Per user (home directory) and per database file, so a second database (--db) may have its own
    // window. Inside privateFolder() on Unix, so no other user can take the name first.
    static QString defaultServerName(const QString &databasePath);
    // The folder the socket and its lock live in: private to this user (0700, owned by us), from
    // QStandardPaths::RuntimeLocation or made in the user's cache. Empty where the platform's own
    // access control applies (Windows, macOS) or none could be had.
    static QString privateFolder();

    // Becomes the primary, or hands `message` to the running primary. Blocking, for use at start-up
    // before the event loop runs; waits at most timeoutMs for the primary's answer.
    Role claim(Message message, int timeoutMs = 3000);
    QString serverName() const { return m_serverName; }
    QString errorString() const { return m_error; }

    static QByteArray encode(Message message);
    static bool decode(const QByteArray &line, Message *message);

signals:
    void messageReceived(SingleInstance::Message message);
    void activateRequested();
    void runNowRequested();

private:
    bool listen();
    Role send(Message message, int timeoutMs, bool *connected);
    void onNewConnection();
    void onReadyRead(QLocalSocket *socket);

    QString m_serverName;
    QString m_error;
    QLocalServer *m_server = nullptr;
};
