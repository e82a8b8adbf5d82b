// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestqueue.h"

#include "spacingledger.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr qint64 kNsPerMs = 1000000;
}

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
    // Pending callbacks are dropped: their owners are being torn down with us. The request in
    // flight is cancelled so the server sees the connection go; its callback finds no current job.
    m_jobs.clear();
    m_current.reset();
    m_http.cancel(m_inFlight);
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

qint64 RequestQueue::msUntilAllowed() const
{
    qint64 startAtNs = m_jobs.first().notBeforeNs;
    if (m_lastStartNs >= 0)
        startAtNs = std::max(startAtNs, m_lastStartNs + (qint64(m_spacingMs) + m_marginMs) * kNsPerMs);
    const qint64 leftNs = startAtNs - m_clock.nsecsElapsed();
    return leftNs <= 0 ? 0 : (leftNs + kNsPerMs - 1) / kNsPerMs; // rounded up: never a hair early
}

void RequestQueue::schedule()
{
    if (m_current || m_jobs.isEmpty()) {
        m_timer.stop();
        return;
    }
    // Always through the timer, so enqueue() and callbacks never start a request re-entrantly.
    m_timer.start(int(std::min<qint64>(msUntilAllowed(), INT_MAX)));
}

void RequestQueue::startNext()
{
    // Drop the jobs whose owner is gone: nobody wants the answer, so do not ask.
    while (!m_jobs.isEmpty() && m_jobs.first().hasContext && !m_jobs.first().context)
        m_jobs.removeFirst();
    if (m_current || m_jobs.isEmpty())
        return;
    // Even a precise timer may fire a little early; check the clock, not the timer.
    if (const qint64 wait = msUntilAllowed(); wait > 0) {
        m_timer.start(int(std::min<qint64>(wait, INT_MAX)));
        return;
    }
    if (m_ledger) {
        // Another process may have sent since: it claims the slot in the file or tells us how long.
        if (const qint64 wait = m_ledger->claim(qint64(m_spacingMs) + m_marginMs); wait > 0) {
            m_timer.start(int(std::min<qint64>(wait, INT_MAX)));
            return;
        }
    }
    Job job = m_jobs.takeFirst();
    ++job.attempt;
    m_lastStartNs = m_clock.nsecsElapsed();
    const HttpRequest request = job.request;
    m_current = std::move(job);
    m_inFlight = m_http.send(request, this, [this](const HttpResult &result) { onResult(result); });
}

void RequestQueue::onResult(const HttpResult &result)
{
    m_inFlight = {};
    if (!m_current)
        return;
    Job job = std::move(*m_current);
    m_current.reset();

    if (result.status == 429 && m_growthOn429 > 1.0)
        m_spacingMs = int(std::min<double>(m_spacingMs * m_growthOn429 + 1, INT_MAX / 2));
    // A 2xx whose transfer broke off is retried too (RetryPolicy::isRetryable): the server may well
    // send the whole body next time.
    if (result.isSuccess() || !RetryPolicy::isRetryable(result) || job.attempt >= m_policy.maxAttempts) {
        finish(std::move(job), result);
        return;
    }
    if (const auto after = m_policy.excessiveRetryAfter(result)) {
        // Waiting this long silently would look like a hang; say so instead.
        HttpResult r = result;
        r.errorString = QCoreApplication::translate("RequestQueue", "the server asks to wait %n second(s) before trying again",
                                                    nullptr, *after);
        finish(std::move(job), r);
        return;
    }
    const int delay = std::max(m_policy.delayMs(job.attempt, result), m_spacingMs);
    job.notBeforeNs = m_clock.nsecsElapsed() + qint64(delay) * kNsPerMs;
    emit retryScheduled(job.request.url, job.attempt + 1, m_policy.maxAttempts, delay, describe(result), job.ticket);
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
        m_http.cancel(m_inFlight); // ends in onResult() with cancelled set
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

QString RequestQueue::describe(const HttpResult &result)
{
    if (result.isCutOff())
        return QCoreApplication::translate("RequestQueue", "the answer was cut off");
    if (result.timedOut)
        return QCoreApplication::translate("RequestQueue", "no answer in time");
    if (result.status != 0)
        return QCoreApplication::translate("RequestQueue", "HTTP %1").arg(result.status);
    return result.errorString;
}
