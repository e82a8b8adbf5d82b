// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;

struct FakeRequest
{
    QByteArray method;
    QByteArray path;                         // without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
    qint64 receivedAtMs = 0;                 // since the server started listening
    qint64 closedAtMs = -1;                  // when its connection ended (either side), -1 while open
};

struct FakeResponse
{
    enum class Fault {
        None,
        Stall,      // read the request, never answer (client timeout)
        Truncate,   // announce the full Content-Length, send half the body, close
        Close,      // close the connection without a response
    };

    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;                         // wait before answering (latency)
    Fault fault = Fault::None;
    QList<QByteArray> chunks;                // when set: streamed one by one (SSE), chunkDelayMs apart
    int chunkDelayMs = 0;
    int dripMs = 0;                          // when > 0: after the headers, one byte of body every dripMs
    QByteArray contentLength;                // announced instead of the body's real size (a lie), if set

    static FakeResponse json(const QByteArray &body, int status = 200);
    static FakeResponse xml(const QByteArray &body, int status = 200);
    static FakeResponse text(const QByteArray &body, int status = 200);
};

// A real HTTP/1.1 server on 127.0.0.1 for tests: reads whole requests (with Content-Length bodies,
// since LLM calls are POSTs), asks a handler for the answer, and can inject faults.
// Answers with "Connection: close".
class FakeHttpServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();                           // on 127.0.0.1, a free port
    QUrl baseUrl() const;                    // http://127.0.0.1:<port>
    QUrl url(const QString &path) const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Routes are matched by method and path prefix, longest first; the handler is the fallback.
    void route(const QByteArray &method, const QByteArray &pathPrefix, Handler handler);

    QList<FakeRequest> requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int maxConcurrentRequests() const { return m_maxConcurrent; }
    void clearRequests()
    {
        m_requests.clear();
        m_requestOf.clear();
    }

signals:
    void requestReceived(const FakeRequest &request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const FakeRequest &request);
    void writeResponse(QTcpSocket *socket, const FakeResponse &response);
    void finishRequest();

    QTcpServer m_server;
    QElapsedTimer m_clock;
    Handler m_handler;
    QList<std::tuple<QByteArray, QByteArray, Handler>> m_routes;
    QList<FakeRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, qsizetype> m_requestOf; // index into m_requests of the socket's last request
    int m_inFlight = 0;
    int m_maxConcurrent = 0;
};
