// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpclient.h"
#include "retrypolicy.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>

class SpacingLedger;

// A polite, single-lane queue in front of HttpClient for services that ask for "one request at a
// time, at most one every N seconds" (arXiv's terms of use). Requests run strictly one after another;
// the next one starts no earlier than spacingMs + spacingMarginMs after the previous one started, and
// never while one is still in flight. With a SpacingLedger the same holds across processes sharing
// its file. Failed attempts that RetryPolicy considers transient (429, 5xx, timeouts, dropped
// connections, 2xx answers cut off mid-body) are retried through the same lane, waiting for
// Retry-After when the server sends one, else backing off exponentially from the spacing. Every
// enqueued request ends in exactly one call of its callback (unless its context is destroyed first),
// also when cancelled.
//
// Several clients of the same service share one queue: RequestQueue::shared() keeps one per
// HttpClient and service name, so two fetches started at once still take turns.
class RequestQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestQueue)

public:
    explicit RequestQueue(HttpClient &http, QObject *parent = nullptr);
    ~RequestQueue() override;

    // The queue for `service` on this client, made on first use (a child of the client).
    static RequestQueue *shared(HttpClient &http, const QString &service);

    void setSpacingMs(int ms) { m_spacingMs = std::max(0, ms); }
    int spacingMs() const { return m_spacingMs; }
    // Added to the spacing, so a server that measures the gap on its side still sees the full
    // spacing after latency jitter (one saw 2.9998 s for arXiv's 3 s without it).
    void setSpacingMarginMs(int ms) { m_marginMs = std::max(0, ms); }
    int spacingMarginMs() const { return m_marginMs; }
    // Each 429 multiplies the spacing by this factor for the rest of the queue's life (Semantic
    // Scholar's advice, since it sends 429 below its published limit); 1 keeps it.
    void setSpacingGrowthOn429(double factor) { m_growthOn429 = std::max(1.0, factor); }
    // Spacing across processes: before each request the ledger's file must show no request by any
    // process within spacing + margin. Optional; shared so several queues may use one.
    void setSpacingLedger(std::shared_ptr<SpacingLedger> ledger) { m_ledger = std::move(ledger); }

    // Retries use this policy; its baseDelayMs is raised to the spacing so backoff is never
    // faster than the polite rate. A Retry-After longer than maxRetryAfterMs is not waited for:
    // the request fails with a message saying how long the server asked to wait.
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    RetryPolicy retryPolicy() const { return m_policy; }

    using Callback = HttpClient::Callback;
    // Returns a ticket for cancel(). The callback gets the last attempt's result.
    quint64 enqueue(const HttpRequest &request, QObject *context, Callback done);

    // Cancels one request (queued, waiting for a retry, or in flight): its callback reports cancelled.
    void cancel(quint64 ticket);
    // Cancels every request enqueued with this context.
    void cancelAll(QObject *context);

    int pending() const { return int(m_jobs.size()) + (m_current ? 1 : 0); }

signals:
    // A transient failure of the request `ticket` will be retried after delayMs (attempt counts from
    // 2 for the first retry).
    void retryScheduled(const QUrl &url, int attempt, int maxAttempts, int delayMs, const QString &reason,
                        quint64 ticket);

private:
    struct Job
    {
        quint64 ticket = 0;
        HttpRequest request;
        QPointer<QObject> context;
        bool hasContext = false;
        Callback done;
        int attempt = 0;        // attempts made so far
        qint64 notBeforeNs = 0; // on m_clock; retries wait here
    };

    void schedule();
    void startNext();
    qint64 msUntilAllowed() const;
    void onResult(const HttpResult &result);
    void finish(Job job, const HttpResult &result);
    static HttpResult cancelledResult();
    static QString describe(const HttpResult &result);

    HttpClient &m_http;
    int m_spacingMs = 3000;
    int m_marginMs = 0;
    double m_growthOn429 = 1.0;
    std::shared_ptr<SpacingLedger> m_ledger;
    RetryPolicy m_policy;
    QList<Job> m_jobs;                 // waiting, in order
    std::optional<Job> m_current;      // in flight
    HttpClient::Ticket m_inFlight;
    QElapsedTimer m_clock;
    qint64 m_lastStartNs = -1;         // nanoseconds: whole milliseconds lose up to 1 ms of the gap
    QTimer m_timer;
    quint64 m_nextTicket = 1;
};
