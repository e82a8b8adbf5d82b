// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

struct HttpRequest
{
    QUrl url;
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // never logged: they may carry API keys
    int timeoutMs = 60000;                        // transfer timeout: no byte for this long ends the call

    HttpRequest &setHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
};

struct HttpResult
{
    int status = 0;                              // HTTP status, 0 when no response arrived
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;       // lower-case names
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;                         // human-readable, no secrets
    bool timedOut = false;
    bool cancelled = false;
    qint64 elapsedMs = 0;

    bool isSuccess() const { return status >= 200 && status < 300 && !timedOut && !cancelled; }
    std::optional<int> retryAfterSeconds() const; // from a Retry-After header (seconds or HTTP date)
};

// The one QNetworkAccessManager of its thread; callers never touch QNetworkReply themselves.
// Every request ends in exactly one call of done (unless context is destroyed first).
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    explicit HttpClient(QObject *parent = nullptr);

    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    QByteArray userAgent() const { return m_userAgent; }

    using Callback = std::function<void(const HttpResult &)>;
    // Returns the reply so the caller may abort() it (done then reports cancelled).
    QNetworkReply *send(const HttpRequest &request, QObject *context, Callback done);

    static QByteArray defaultUserAgent();

private:
    QNetworkAccessManager *m_nam;
    QByteArray m_userAgent;
};
