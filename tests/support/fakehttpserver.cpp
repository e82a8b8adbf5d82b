// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

FakeResponse FakeResponse::json(const QByteArray &body, int status)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    return r;
}

FakeResponse FakeResponse::xml(const QByteArray &body, int status)
{
    FakeResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/xml; charset=utf-8");
    r.body = body;
    return r;
}

FakeResponse FakeResponse::text(const QByteArray &body, int status)
{
    FakeResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    r.body = body;
    return r;
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    // The sockets are children of m_server and outlive this object's members: cut them loose first.
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
    m_server.close();
}

bool FakeHttpServer::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeHttpServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

QUrl FakeHttpServer::url(const QString &path) const
{
    return QUrl(baseUrl().toString() + path);
}

void FakeHttpServer::route(const QByteArray &method, const QByteArray &pathPrefix, Handler handler)
{
    m_routes.append({method, pathPrefix, std::move(handler)});
    std::stable_sort(m_routes.begin(), m_routes.end(),
                     [](const auto &a, const auto &b) { return std::get<1>(a).size() > std::get<1>(b).size(); });
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            const qsizetype i = m_requestOf.value(socket, -1);
            m_requestOf.remove(socket);
            if (i >= 0 && i < m_requests.size() && m_requests.at(i).closedAtMs < 0)
                m_requests[i].closedAtMs = m_clock.elapsed();
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;

    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    if (lines.isEmpty())
        return;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() < 2)
        return;

    FakeRequest request;
    request.method = requestLine.at(0);
    const QByteArray target = requestLine.at(1);
    const qsizetype q = target.indexOf('?');
    request.path = q < 0 ? target : target.left(q);
    if (q >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return; // the body is still arriving
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.clear();
    request.receivedAtMs = m_clock.elapsed();

    m_requests.append(request);
    m_requestOf.insert(socket, m_requests.size() - 1);
    ++m_inFlight;
    m_maxConcurrent = std::max(m_maxConcurrent, m_inFlight);
    emit requestReceived(request);
    respond(socket, request);
}

void FakeHttpServer::respond(QTcpSocket *socket, const FakeRequest &request)
{
    Handler handler = m_handler;
    for (const auto &[method, prefix, h] : std::as_const(m_routes)) {
        if ((method.isEmpty() || method == request.method) && request.path.startsWith(prefix)) {
            handler = h;
            break;
        }
    }
    FakeResponse response = handler ? handler(request) : FakeResponse::text("no handler", 404);

    if (response.fault == FakeResponse::Fault::Stall) {
        // Keep the connection open and silent; the in-flight count drops when the client gives up.
        connect(socket, &QTcpSocket::disconnected, this, [this] { finishRequest(); });
        return;
    }
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(response.delayMs, Qt::PreciseTimer, this, [this, guard, response] {
        if (guard)
            writeResponse(guard, response);
        finishRequest();
    });
}

void FakeHttpServer::finishRequest()
{
    m_inFlight = std::max(0, m_inFlight - 1);
}

void FakeHttpServer::writeResponse(QTcpSocket *socket, const FakeResponse &response)
{
    if (response.fault == FakeResponse::Fault::Close) {
        socket->abort();
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Status\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Connection: close\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";

    if (!response.chunks.isEmpty()) {
        // Streamed (SSE): no Content-Length, the body ends when the connection closes.
        socket->write(head + "\r\n");
        QPointer<QTcpSocket> guard(socket);
        for (qsizetype i = 0; i < response.chunks.size(); ++i) {
            const bool last = i + 1 == response.chunks.size();
            QTimer::singleShot(int(i) * response.chunkDelayMs, Qt::PreciseTimer, this, [guard, chunk = response.chunks.at(i), last] {
                if (!guard)
                    return;
                guard->write(chunk);
                if (last)
                    guard->disconnectFromHost();
            });
        }
        return;
    }

    head += "Content-Length: "
        + (response.contentLength.isEmpty() ? QByteArray::number(response.body.size()) : response.contentLength)
        + "\r\n\r\n";
    socket->write(head);
    if (response.dripMs > 0) {
        // A server that keeps the connection busy without ever finishing: one byte at a time.
        auto *drip = new QTimer(socket);
        drip->setTimerType(Qt::PreciseTimer);
        auto sent = std::make_shared<qsizetype>(0);
        connect(drip, &QTimer::timeout, socket, [socket, drip, sent, body = response.body] {
            if (*sent >= body.size()) {
                drip->stop();
                socket->disconnectFromHost();
                return;
            }
            socket->write(body.mid((*sent)++, 1));
        });
        drip->start(response.dripMs);
        return;
    }
    if (response.fault == FakeResponse::Fault::Truncate) {
        socket->write(response.body.left(response.body.size() / 2));
        socket->disconnectFromHost(); // flushes what was written, then closes early
        return;
    }
    socket->write(response.body);
    socket->disconnectFromHost();
}
