// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

struct HttpRequest
{
    static constexpr qint64 kDefaultMaxBytes = 32 * 1024 * 1024;

    QUrl url;
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // never logged: they may carry API keys
    int timeoutMs = 60000;                        // transfer timeout: no byte for this long ends the call
    // The whole attempt must be over by then, however steadily bytes arrive: the transfer timeout
    // alone lets a server that drips one byte a minute hold the call for ever. 0: twice timeoutMs.
    int deadlineMs = 0;
    // A longer answer is refused (by Content-Length up front, else once that much has arrived), so a
    // broken or hostile server cannot make us buffer gigabytes.
    qint64 maxBytes = kDefaultMaxBytes;

    HttpRequest &setHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
    int effectiveDeadlineMs() const;
};

struct HttpResult
{
    int status = 0;                              // HTTP status, 0 when no response arrived
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;       // lower-case names
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;                         // human-readable, no secrets
    bool timedOut = false;                       // transfer timeout or overall deadline
    bool cancelled = false;
    bool redirectRefused = false;                // a redirect to another origin was not followed
    bool tooLarge = false;                       // the answer passed HttpRequest::maxBytes
    qint64 elapsedMs = 0;

    // A 2xx whose body arrived whole. A cut-off 200 is not an answer.
    bool isSuccess() const
    {
        return status >= 200 && status < 300 && networkError == QNetworkReply::NoError && !timedOut && !cancelled
            && !redirectRefused && !tooLarge;
    }
    // 2xx, but the transfer broke off (the connection closed before Content-Length): worth another try.
    bool isCutOff() const
    {
        return status >= 200 && status < 300 && networkError != QNetworkReply::NoError && !timedOut && !cancelled
            && !redirectRefused && !tooLarge;
    }
    std::optional<int> retryAfterSeconds() const; // from a Retry-After header (seconds or HTTP date)

    // Seconds, or an HTTP-date relative to nowUtc; clamped to [0, INT_MAX] so no caller overflows.
    static std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);
};

// The one QNetworkAccessManager of its thread; callers never touch QNetworkReply themselves.
// Every request ends in exactly one call of done (unless context is destroyed first).
//
// Redirects are followed only within the same origin (scheme, host and port): Qt copies every header
// of the request into the redirected one, so a cross-origin hop would hand the API key to a stranger.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    // Names one request for cancel(); a default-constructed ticket names none.
    class Ticket
    {
    public:
        Ticket() = default;
        bool isValid() const { return m_id != 0; }
        friend bool operator==(Ticket a, Ticket b) { return a.m_id == b.m_id; }

    private:
        friend class HttpClient;
        explicit Ticket(quint64 id)
            : m_id(id)
        {
        }
        quint64 m_id = 0;
    };

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }
    QByteArray userAgent() const { return m_userAgent; }

    using Callback = std::function<void(const HttpResult &)>;
    Ticket send(const HttpRequest &request, QObject *context, Callback done);
    // Ends the request: done reports cancelled (not timedOut). A no-op once it has ended.
    void cancel(Ticket ticket);
    bool isRunning(Ticket ticket) const { return m_pending.contains(ticket.m_id); }

    static QByteArray defaultUserAgent();

private:
    struct Pending;
    enum class Abort { None, Cancel, Deadline, TooLarge, Redirect };

    void abortWith(const std::shared_ptr<Pending> &pending, Abort why, const QString &error, bool later = false);
    void finish(quint64 id);

    QNetworkAccessManager *m_nam;
    QByteArray m_userAgent;
    QHash<quint64, std::shared_ptr<Pending>> m_pending;
    quint64 m_nextId = 1;
};
