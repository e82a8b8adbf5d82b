// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <climits>

using namespace Qt::Literals::StringLiterals;

namespace {
int defaultPort(const QString &scheme)
{
    if (scheme == u"https"_s)
        return 443;
    if (scheme == u"http"_s)
        return 80;
    return -1;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    // QUrl keeps scheme and host in lower case already.
    return a.scheme() == b.scheme() && a.host() == b.host()
        && a.port(defaultPort(a.scheme())) == b.port(defaultPort(b.scheme()));
}

// For messages: no userinfo, query or fragment, since those may carry keys or tokens.
QString forDisplay(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toDisplayString();
}

std::optional<int> clampSeconds(qint64 seconds)
{
    return int(std::clamp<qint64>(seconds, 0, INT_MAX));
}
} // namespace

int HttpRequest::effectiveDeadlineMs() const
{
    if (deadlineMs > 0)
        return deadlineMs;
    return int(std::min<qint64>(2 * qint64(std::max(timeoutMs, 1)), INT_MAX));
}

std::optional<int> HttpResult::retryAfterSeconds() const
{
    const auto it = headers.constFind(QByteArrayLiteral("retry-after"));
    if (it == headers.cend())
        return std::nullopt;
    return parseRetryAfter(*it, QDateTime::currentDateTimeUtc());
}

std::optional<int> HttpResult::parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? clampSeconds(seconds) : std::nullopt;
    if (std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return INT_MAX; // more digits than a qint64 holds: "very long" is still the server's meaning
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v).replace(u" GMT"_s, QString()),
                                                   u"ddd, dd MMM yyyy HH:mm:ss"_s);
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeZone(QTimeZone::utc());
    return clampSeconds(nowUtc.secsTo(utc));
}

struct HttpClient::Pending
{
    QPointer<QNetworkReply> reply;
    QPointer<QObject> context;
    Callback done;
    QUrl origin;
    qint64 maxBytes = 0;
    QElapsedTimer clock;
    QByteArray body;
    Abort abort = Abort::None;
    QString abortError;
};

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_userAgent(defaultUserAgent())
{
}

HttpClient::~HttpClient()
{
    // Children such as the shared RequestQueues cancel their request when they go: let them do it
    // while this object still works, rather than from ~QObject after our members are gone.
    QList<QPointer<QObject>> children;
    for (QObject *child : QObject::children()) {
        if (child != m_nam)
            children.append(child);
    }
    for (const QPointer<QObject> &child : std::as_const(children))
        delete child.data();
    // Whatever still runs ends without a callback, as when the manager goes away.
    for (const auto &pending : std::as_const(m_pending)) {
        if (pending->reply)
            pending->reply->disconnect(this);
    }
    m_pending.clear();
    delete m_nam;
}

QByteArray HttpClient::defaultUserAgent()
{
    // arXiv and Semantic Scholar ask clients to identify themselves.
    return QByteArrayLiteral("PaperSieve/" PAPERSIEVE_VERSION " (desktop arXiv digest; +https://github.com/papersieve/papersieve)");
}

HttpClient::Ticket HttpClient::send(const HttpRequest &request, QObject *context, Callback done)
{
    QNetworkRequest req(request.url);
    req.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    // We decide each hop in the redirected() handler below; Qt would copy the API key to any host.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    req.setTransferTimeout(request.timeoutMs);
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);

    QNetworkReply *reply = nullptr;
    if (request.method == "GET")
        reply = m_nam->get(req);
    else if (request.method == "POST")
        reply = m_nam->post(req, request.body);
    else
        reply = m_nam->sendCustomRequest(req, request.method, request.body);

    const quint64 id = m_nextId++;
    auto pending = std::make_shared<Pending>();
    pending->reply = reply;
    pending->context = context;
    pending->done = std::move(done);
    pending->origin = request.url;
    pending->maxBytes = std::max<qint64>(0, request.maxBytes);
    pending->clock.start();
    m_pending.insert(id, pending);

    const auto tooLarge = [this, pending] {
        abortWith(pending, Abort::TooLarge,
                  tr("the answer is larger than %1 MiB").arg(double(pending->maxBytes) / (1024 * 1024), 0, 'g', 3),
                  true);
    };
    connect(reply, &QNetworkReply::redirected, this, [this, pending](const QUrl &target) {
        const QUrl to = pending->origin.resolved(target);
        if (sameOrigin(pending->origin, to)) {
            emit pending->reply->redirectAllowed();
            return;
        }
        abortWith(pending, Abort::Redirect,
                  tr("%1 redirected to %2; not followed").arg(forDisplay(pending->origin), forDisplay(to)), true);
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [pending, tooLarge] {
        // Refuse up front when the server announces more than we take.
        bool ok = false;
        const qint64 announced = pending->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && announced > pending->maxBytes)
            tooLarge();
    });
    connect(reply, &QNetworkReply::readyRead, this, [pending, tooLarge] {
        // Read as it comes, so the cap also holds without (or against a lying) Content-Length.
        if (pending->abort != Abort::None) {
            pending->reply->readAll(); // being aborted: drop it
            return;
        }
        pending->body += pending->reply->readAll();
        if (pending->body.size() > pending->maxBytes)
            tooLarge();
    });
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    const int deadlineMs = request.effectiveDeadlineMs();
    connect(deadline, &QTimer::timeout, this, [this, pending, deadlineMs] {
        abortWith(pending, Abort::Deadline,
                  tr("the server did not finish answering within %1 s").arg(deadlineMs / 1000.0, 0, 'g', 4));
    });
    deadline->start(deadlineMs);
    connect(reply, &QNetworkReply::finished, this, [this, id] { finish(id); });
    return Ticket(id);
}

void HttpClient::cancel(Ticket ticket)
{
    if (const auto pending = m_pending.value(ticket.m_id))
        abortWith(pending, Abort::Cancel, tr("cancelled"));
}

void HttpClient::abortWith(const std::shared_ptr<Pending> &pending, Abort why, const QString &error, bool later)
{
    if (pending->abort != Abort::None || !pending->reply)
        return;
    pending->abort = why;
    pending->abortError = error;
    // abort() emits finished(), which lands in finish(). From inside one of the reply's own signals
    // Qt is still mid-way through its bookkeeping (it reports the error twice), so do it from the
    // event loop then; nothing more is kept meanwhile.
    if (later)
        QMetaObject::invokeMethod(pending->reply, &QNetworkReply::abort, Qt::QueuedConnection);
    else
        pending->reply->abort();
}

void HttpClient::finish(quint64 id)
{
    const std::shared_ptr<Pending> pending = m_pending.take(id);
    if (!pending || !pending->reply)
        return;
    QNetworkReply *reply = pending->reply;
    reply->deleteLater();

    HttpResult result;
    result.elapsedMs = pending->clock.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.networkError = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    if (pending->abort == Abort::None && reply->isOpen()) {
        pending->body += reply->readAll();
        if (pending->body.size() > pending->maxBytes) {
            pending->abort = Abort::TooLarge;
            pending->abortError = tr("the answer is larger than %1 MiB").arg(double(pending->maxBytes) / (1024 * 1024), 0, 'g', 3);
        }
    }

    switch (pending->abort) {
    case Abort::Cancel:
        result.cancelled = true;
        break;
    case Abort::Deadline:
        result.timedOut = true;
        break;
    case Abort::TooLarge:
        result.tooLarge = true;
        break;
    case Abort::Redirect:
        result.redirectRefused = true;
        break;
    case Abort::None:
        result.body = std::move(pending->body);
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            // Only Qt's transfer timeout aborts a reply behind our back.
            result.timedOut = true;
            result.errorString = tr("the server did not answer in time");
        } else if (reply->error() != QNetworkReply::NoError) {
            result.errorString = reply->errorString();
        }
        break;
    }
    if (pending->abort != Abort::None) {
        result.errorString = pending->abortError;
        if (result.networkError == QNetworkReply::NoError)
            result.networkError = QNetworkReply::OperationCanceledError;
    }
    if (pending->context)
        pending->done(result);
}
