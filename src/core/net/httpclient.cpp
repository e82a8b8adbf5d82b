// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include "retrypolicy.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>

using namespace Qt::Literals::StringLiterals;

std::optional<int> HttpResult::retryAfterSeconds() const
{
    const auto it = headers.constFind(QByteArrayLiteral("retry-after"));
    if (it == headers.cend())
        return std::nullopt;
    return RetryPolicy::parseRetryAfter(*it, QDateTime::currentDateTimeUtc());
}

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_userAgent(defaultUserAgent())
{
}

QByteArray HttpClient::defaultUserAgent()
{
    // arXiv and Semantic Scholar ask clients to identify themselves.
    return QByteArrayLiteral("PaperSieve/" PAPERSIEVE_VERSION " (desktop arXiv digest; +https://github.com/papersieve/papersieve)");
}

QNetworkReply *HttpClient::send(const HttpRequest &request, QObject *context, Callback done)
{
    QNetworkRequest req(request.url);
    req.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
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

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, timer, guard, done = std::move(done)] {
        reply->deleteLater();
        HttpResult result;
        result.elapsedMs = timer->elapsed();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.networkError = reply->error();
        if (reply->isOpen())
            result.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            result.headers.insert(name.toLower(), value);
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            // A transfer timeout aborts the reply with the same code as a user cancel; the
            // elapsed time tells them apart well enough, and the property is set by abort().
            result.cancelled = reply->property("papersieveCancelled").toBool();
            result.timedOut = !result.cancelled;
            result.errorString = result.timedOut ? u"the server did not answer in time"_s : u"cancelled"_s;
        } else if (reply->error() != QNetworkReply::NoError) {
            result.errorString = reply->errorString();
        }
        if (guard)
            done(result);
    });
    return reply;
}
