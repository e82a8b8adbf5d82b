// SPDX-License-Identifier: GPL-3.0-or-later
#include "s2client.h"

#include "s2parser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
QString describe(const HttpResult &r)
{
    if (r.cancelled)
        return S2Client::tr("cancelled");
    if (r.timedOut)
        return S2Client::tr("Semantic Scholar did not answer in time");
    const QString server = S2Parser::errorMessage(r.body);
    if (r.status == 429)
        return S2Client::tr("Semantic Scholar's rate limit was reached (HTTP 429)%1")
            .arg(server.isEmpty() ? QString() : u": "_s + server);
    if (r.status == 401 || r.status == 403)
        return S2Client::tr("Semantic Scholar refused the API key (HTTP %1)").arg(r.status);
    if (r.status > 0)
        return S2Client::tr("Semantic Scholar answered HTTP %1%2")
            .arg(r.status)
            .arg(server.isEmpty() ? QString() : u": "_s + server);
    return S2Client::tr("cannot reach Semantic Scholar: %1").arg(r.errorString);
}

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
    , m_http(http)
    , m_base(baseUrl)
{
    m_retry.baseDelayMs = 2000;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_waiting = false;
        pump();
    });
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
        Job job;
        job.request = makeRequest(endpoint(u"/author/batch"_s, u"name,hIndex"_s), "POST", idsBody(chunk));
        job.done = [join, start, chunk, guard, done](const HttpResult &r) {
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
        };
        enqueue(std::move(job));
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
        Job job;
        job.request = makeRequest(endpoint(u"/paper/batch"_s, u"externalIds,authors"_s), "POST", idsBody(ids));
        job.done = [join, start, chunk, guard, done](const HttpResult &r) {
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
        };
        enqueue(std::move(job));
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
    Job job;
    job.request = makeRequest(url, "GET", {});
    job.done = [guard, done](const HttpResult &r) {
        if (!guard)
            return;
        QList<S2Author> authors;
        QString error;
        if (!r.isSuccess())
            error = describe(r);
        else
            S2Parser::parseAuthorSearch(r.body, &authors, &error);
        done(authors, error);
    };
    enqueue(std::move(job));
}

void S2Client::enqueue(Job job, bool front)
{
    if (front)
        m_queue.push_front(std::move(job));
    else
        m_queue.push_back(std::move(job));
    pump();
}

void S2Client::pump()
{
    if (m_busy || m_waiting || m_queue.empty())
        return;
    // Spacing counts from the start of the previous request.
    if (m_sinceLast.isValid()) {
        const qint64 wait = m_spacingMs - m_sinceLast.elapsed();
        if (wait > 0) {
            m_waiting = true;
            m_timer.start(int(wait));
            return;
        }
    }
    Job job = std::move(m_queue.front());
    m_queue.pop_front();
    m_busy = true;
    m_sinceLast.start();
    ++m_sent;
    const HttpRequest request = job.request;
    const quint64 generation = m_generation;
    m_reply = m_http.send(request, this, [this, job = std::move(job), generation](const HttpResult &r) mutable {
        m_busy = false;
        m_reply = nullptr;
        if (generation != m_generation) {
            // Cancelled while in flight: answer it as cancelled whatever arrived.
            HttpResult cancelled = r;
            cancelled.cancelled = true;
            job.done(cancelled);
            pump();
            return;
        }
        onResult(std::move(job), r);
    });
}

void S2Client::onResult(Job job, const HttpResult &result)
{
    if (!result.isSuccess() && RetryPolicy::isRetryable(result) && job.attempt < m_retry.maxAttempts) {
        if (result.status == 429)
            m_spacingMs = int(m_spacingMs * 1.1) + 1;
        const int delay = m_retry.delayMs(job.attempt, result);
        ++job.attempt;
        m_queue.push_front(std::move(job));
        m_waiting = true;
        m_timer.start(delay);
        return;
    }
    job.done(result);
    pump();
}

void S2Client::cancel()
{
    ++m_generation;
    m_timer.stop();
    m_waiting = false;
    std::deque<Job> dropped;
    dropped.swap(m_queue);
    HttpResult cancelled;
    cancelled.cancelled = true;
    cancelled.errorString = S2Client::tr("cancelled");
    for (Job &job : dropped)
        job.done(cancelled);
    if (m_reply)
        cancelReply(m_reply);
}
