// SPDX-License-Identifier: GPL-3.0-or-later
#include "s2client.h"

#include "net/requestqueue.h"
#include "s2parser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray idsBody(const QStringList &ids)
{
    QJsonObject o;
    o.insert(u"ids"_s, QJsonArray::fromStringList(ids));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Runs several batch requests and joins their entries in id order.
template<typename T>
struct BatchJoin
{
    QList<std::optional<T>> entries;
    QString error;
    int pending = 0;

    // One batch is over (the first error is kept); the last one answers the caller, if it is still there.
    template<class Callback>
    void settle(const QString &batchError, const QPointer<QObject> &guard, const Callback &done)
    {
        if (!batchError.isEmpty() && error.isEmpty())
            error = batchError;
        if (--pending == 0 && guard)
            done(entries, error);
    }
};
} // namespace

S2Client::S2Client(HttpClient &http, const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_queue(RequestQueue::shared(http, u"s2"_s))
    , m_base(baseUrl)
{
    m_retry.baseDelayMs = 2000;
    m_queue->setRetryPolicy(m_retry);
    m_queue->setSpacingMs(1000);
    m_queue->setSpacingGrowthOn429(1.1);
    connect(m_queue, &RequestQueue::retryScheduled, this,
            [this](const QUrl &, int attempt, int maxAttempts, int delayMs, const QString &reason, quint64 ticket) {
                onRetry(attempt, maxAttempts, delayMs, reason, ticket);
            });
}

void S2Client::setSpacingMs(int ms)
{
    if (m_queue)
        m_queue->setSpacingMs(ms);
}

int S2Client::spacingMs() const
{
    return m_queue ? m_queue->spacingMs() : 0;
}

void S2Client::setRetryPolicy(const RetryPolicy &policy)
{
    m_retry = policy;
    if (m_queue)
        m_queue->setRetryPolicy(policy);
}

QString S2Client::describe(const HttpResult &r) const
{
    if (r.cancelled)
        return tr("cancelled");
    if (r.timedOut)
        return tr("Semantic Scholar did not answer in time");
    if (r.redirectRefused || r.tooLarge)
        return tr("Semantic Scholar: %1").arg(r.errorString);
    const QString server = S2Parser::errorMessage(r.body);
    if (r.status == 429) {
        if (const auto wait = m_retry.excessiveRetryAfter(r))
            return tr("Semantic Scholar asks to wait %1 s before trying again (HTTP 429); not waited for").arg(*wait);
        return tr("Semantic Scholar's rate limit was reached (HTTP 429)%1")
            .arg(server.isEmpty() ? QString() : u": "_s + server);
    }
    if (r.status == 401 || r.status == 403)
        return tr("Semantic Scholar refused the API key (HTTP %1)").arg(r.status);
    if (r.isCutOff())
        return tr("Semantic Scholar's answer was cut off: %1").arg(r.errorString);
    if (r.status > 0)
        return tr("Semantic Scholar answered HTTP %1%2")
            .arg(r.status)
            .arg(server.isEmpty() ? QString() : u": "_s + server);
    return tr("cannot reach Semantic Scholar: %1").arg(r.errorString);
}

QUrl S2Client::endpoint(const QString &path, const QString &fields) const
{
    QUrl url = m_base;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    QUrlQuery q;
    q.addQueryItem(u"fields"_s, fields);
    url.setQuery(q);
    return url;
}

HttpRequest S2Client::makeRequest(const QUrl &url, const QByteArray &method, const QByteArray &body) const
{
    HttpRequest r;
    r.url = url;
    r.method = method;
    r.body = body;
    r.timeoutMs = m_timeoutMs;
    r.maxBytes = kMaxAnswerBytes;
    if (!body.isEmpty())
        r.setHeader("Content-Type", "application/json");
    if (!m_apiKey.isEmpty())
        r.setHeader("x-api-key", m_apiKey.toUtf8());
    return r;
}

void S2Client::fetchAuthors(const QStringList &authorIds, QObject *context, AuthorsCallback done)
{
    auto join = std::make_shared<BatchJoin<S2Author>>();
    join->entries.resize(authorIds.size());
    if (authorIds.isEmpty()) {
        done({}, {});
        return;
    }
    QPointer<QObject> guard(context);
    for (qsizetype start = 0; start < authorIds.size(); start += kAuthorBatchMax) {
        const QStringList chunk = authorIds.mid(start, kAuthorBatchMax);
        ++join->pending;
        const HttpRequest request = makeRequest(endpoint(u"/author/batch"_s, u"name,hIndex"_s), "POST", idsBody(chunk));
        enqueue(request, [this, join, start, chunk, guard, done](const HttpResult &r) {
            QString error;
            if (r.isSuccess()) {
                QList<std::optional<S2Author>> parsed;
                if (S2Parser::parseAuthorBatch(r.body, chunk.size(), &parsed, &error)) {
                    for (qsizetype i = 0; i < parsed.size(); ++i)
                        join->entries[start + i] = parsed.at(i);
                }
            } else {
                error = describe(r);
            }
            join->settle(error, guard, done);
        });
    }
}

void S2Client::fetchPapersByArxivId(const QStringList &arxivIds, QObject *context, PapersCallback done)
{
    auto join = std::make_shared<BatchJoin<S2Paper>>();
    join->entries.resize(arxivIds.size());
    if (arxivIds.isEmpty()) {
        done({}, {});
        return;
    }
    QPointer<QObject> guard(context);
    for (qsizetype start = 0; start < arxivIds.size(); start += kPaperBatchMax) {
        const QStringList chunk = arxivIds.mid(start, kPaperBatchMax);
        QStringList ids;
        ids.reserve(chunk.size());
        for (const QString &id : chunk)
            ids << u"ARXIV:"_s + id;
        ++join->pending;
        const HttpRequest request = makeRequest(endpoint(u"/paper/batch"_s, u"externalIds,authors"_s), "POST", idsBody(ids));
        enqueue(request, [this, join, start, chunk, guard, done](const HttpResult &r) {
            QString error;
            if (r.isSuccess()) {
                QList<std::optional<S2Paper>> parsed;
                if (S2Parser::parsePaperBatch(r.body, chunk.size(), &parsed, &error)) {
                    for (qsizetype i = 0; i < parsed.size(); ++i) {
                        std::optional<S2Paper> p = parsed.at(i);
                        if (p && p->arxivId.isEmpty())
                            p->arxivId = chunk.at(i);
                        join->entries[start + i] = p;
                    }
                }
            } else {
                error = describe(r);
            }
            join->settle(error, guard, done);
        });
    }
}

void S2Client::searchAuthor(const QString &name, QObject *context, SearchCallback done)
{
    QPointer<QObject> guard(context);
    QUrl url = endpoint(u"/author/search"_s, u"name,hIndex,paperCount"_s);
    QUrlQuery q(url);
    q.addQueryItem(u"query"_s, name);
    q.addQueryItem(u"limit"_s, u"10"_s);
    url.setQuery(q);
    enqueue(makeRequest(url, "GET", {}), [this, guard, done](const HttpResult &r) {
        if (!guard)
            return;
        QList<S2Author> authors;
        QString error;
        if (!r.isSuccess())
            error = describe(r);
        else
            S2Parser::parseAuthorSearch(r.body, &authors, &error);
        done(authors, error);
    });
}

void S2Client::enqueue(const HttpRequest &request, std::function<void(const HttpResult &)> done)
{
    if (!m_queue) { // the HttpClient is gone
        HttpResult gone;
        gone.cancelled = true;
        done(gone);
        return;
    }
    ++m_sent;
    // The ticket is known only once enqueue() returns; the callback never comes before that.
    auto ticket = std::make_shared<quint64>(0);
    *ticket = m_queue->enqueue(request, this, [this, ticket, done = std::move(done)](const HttpResult &r) {
        m_tickets.remove(*ticket);
        done(r);
    });
    m_tickets.insert(*ticket);
}

void S2Client::onRetry(int attempt, int maxAttempts, int delayMs, const QString &reason, quint64 ticket)
{
    if (!m_tickets.contains(ticket))
        return; // another client's request on the shared lane
    ++m_sent;
    emit notice(tr("Semantic Scholar: %1; trying again in %2 s (attempt %3 of %4)")
                    .arg(reason)
                    .arg(delayMs / 1000.0, 0, 'g', 3)
                    .arg(attempt)
                    .arg(maxAttempts));
}

void S2Client::cancel()
{
    if (m_queue)
        m_queue->cancelAll(this);
}
