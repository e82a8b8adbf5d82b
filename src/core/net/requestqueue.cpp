// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestqueue.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

RequestQueue::RequestQueue(HttpClient &http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early: that would break the promised spacing.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RequestQueue::startNext);
}

RequestQueue::~RequestQueue()
{
    // Pending callbacks are dropped: their owners are being torn down with us. The reply in
    // flight is aborted so the server sees the connection go; its callback finds no current job.
    m_jobs.clear();
    m_current.reset();
    if (m_reply)
        cancelReply(m_reply);
}

RequestQueue *RequestQueue::shared(HttpClient &http, const QString &service)
{
    const QString name = u"requestqueue:"_s + service;
    if (auto *queue = http.findChild<RequestQueue *>(name, Qt::FindDirectChildrenOnly))
        return queue;
    auto *queue = new RequestQueue(http, &http);
    queue->setObjectName(name);
    return queue;
}

quint64 RequestQueue::enqueue(const HttpRequest &request, QObject *context, Callback done)
{
    Job job;
    job.ticket = m_nextTicket++;
    job.request = request;
    job.context = context;
    job.hasContext = context != nullptr;
    job.done = std::move(done);
    const quint64 ticket = job.ticket;
    m_jobs.append(std::move(job));
    schedule();
    return ticket;
}

void RequestQueue::schedule()
{
    if (m_current || m_jobs.isEmpty()) {
        m_timer.stop();
        return;
    }
    const qint64 now = m_clock.elapsed();
    qint64 startAt = m_jobs.first().notBeforeMs;
    if (m_lastStartMs >= 0)
        startAt = std::max(startAt, m_lastStartMs + m_spacingMs);
    // Always through the timer, so enqueue() and callbacks never start a request re-entrantly.
    m_timer.start(int(std::max<qint64>(0, startAt - now)));
}

void RequestQueue::startNext()
{
    while (!m_current && !m_jobs.isEmpty()) {
        Job job = m_jobs.takeFirst();
        if (job.hasContext && !job.context)
            continue; // its owner is gone: nobody wants the answer, so do not ask
        ++job.attempt;
        m_lastStartMs = m_clock.elapsed();
        const HttpRequest request = job.request;
        m_current = std::move(job);
        m_reply = m_http.send(request, this, [this](const HttpResult &result) { onResult(result); });
        return;
    }
}

void RequestQueue::onResult(const HttpResult &result)
{
    m_reply = nullptr;
    if (!m_current)
        return;
    Job job = std::move(*m_current);
    m_current.reset();

    // A 2xx whose transfer broke off (the connection closed before Content-Length was reached) is
    // a transient failure too, not an answer: the server may well send the whole body next time.
    const bool cutOff = isCutOff(result);
    if ((result.isSuccess() && !cutOff) || result.cancelled || !(cutOff || RetryPolicy::isRetryable(result))
        || job.attempt >= m_policy.maxAttempts) {
        finish(std::move(job), result);
        return;
    }
    if (const auto after = result.retryAfterSeconds(); after && qint64(*after) * 1000 > m_policy.maxDelayMs) {
        // Waiting this long silently would look like a hang; say so instead.
        HttpResult r = result;
        r.errorString = QCoreApplication::translate("RequestQueue", "the server asks to wait %n second(s) before trying again",
                                                    nullptr, *after);
        finish(std::move(job), r);
        return;
    }
    const int delay = std::max(m_policy.delayMs(job.attempt, result), m_spacingMs);
    job.notBeforeMs = m_clock.elapsed() + delay;
    emit retryScheduled(job.request.url, job.attempt + 1, m_policy.maxAttempts, delay, describe(result));
    m_jobs.prepend(std::move(job)); // keeps its place: the server's wait applies to everyone in this lane
    schedule();
}

void RequestQueue::finish(Job job, const HttpResult &result)
{
    // Schedule first: the callback may enqueue more work or destroy its context.
    schedule();
    if (!job.hasContext || job.context)
        job.done(result);
}

void RequestQueue::cancel(quint64 ticket)
{
    if (m_current && m_current->ticket == ticket) {
        if (m_reply)
            cancelReply(m_reply); // ends in onResult() with cancelled set
        return;
    }
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).ticket == ticket) {
            Job job = m_jobs.takeAt(i);
            finish(std::move(job), cancelledResult());
            return;
        }
    }
}

void RequestQueue::cancelAll(QObject *context)
{
    QList<quint64> tickets;
    if (m_current && m_current->hasContext && m_current->context == context)
        tickets << m_current->ticket;
    for (const Job &job : std::as_const(m_jobs)) {
        if (job.hasContext && job.context == context)
            tickets << job.ticket;
    }
    for (quint64 t : std::as_const(tickets))
        cancel(t);
}

HttpResult RequestQueue::cancelledResult()
{
    HttpResult r;
    r.cancelled = true;
    r.networkError = QNetworkReply::OperationCanceledError;
    r.errorString = u"cancelled"_s;
    return r;
}

bool RequestQueue::isCutOff(const HttpResult &result)
{
    return result.status >= 200 && result.status < 300 && !result.cancelled && !result.timedOut
        && result.networkError != QNetworkReply::NoError;
}

QString RequestQueue::describe(const HttpResult &result)
{
    if (isCutOff(result))
        return QCoreApplication::translate("RequestQueue", "the answer was cut off");
    if (result.timedOut)
        return QCoreApplication::translate("RequestQueue", "no answer in time");
    if (result.status != 0)
        return QCoreApplication::translate("RequestQueue", "HTTP %1").arg(result.status);
    return result.errorString;
}
