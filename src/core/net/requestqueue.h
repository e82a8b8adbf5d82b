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
#include <optional>

// A polite, single-lane queue in front of HttpClient for services that ask for "one request at a
// time, at most one every N seconds" (arXiv's terms of use). Requests run strictly one after another;
// the next one starts no earlier than spacingMs after the previous one started, and never while one
// is still in flight. Failed attempts that RetryPolicy considers transient (429, 5xx, timeouts,
// dropped connections) are retried through the same lane, waiting for Retry-After when the server
// sends one, else backing off exponentially from the spacing. A 2xx answer whose body broke off
// (connection closed before Content-Length) counts as transient too. Every enqueued request ends in exactly
// one call of its callback (unless its context is destroyed first), also when cancelled.
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
    // Retries use this policy; its baseDelayMs is raised to the spacing so backoff is never
    // faster than the polite rate. A Retry-After longer than maxDelayMs is not waited for:
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
    // A transient failure will be retried after delayMs (attempt counts from 2 for the first retry).
    void retryScheduled(const QUrl &url, int attempt, int maxAttempts, int delayMs, const QString &reason);

private:
    struct Job
    {
        quint64 ticket = 0;
        HttpRequest request;
        QPointer<QObject> context;
        bool hasContext = false;
        Callback done;
        int attempt = 0; // attempts made so far
        qint64 notBeforeMs = 0; // on m_clock; retries wait here
    };

    void schedule();
    void startNext();
    void onResult(const HttpResult &result);
    void finish(Job job, const HttpResult &result);
    static HttpResult cancelledResult();
    static QString describe(const HttpResult &result);
    static bool isCutOff(const HttpResult &result); // 2xx, but the body broke off

    HttpClient &m_http;
    int m_spacingMs = 3000;
    RetryPolicy m_policy;
    QList<Job> m_jobs;                 // waiting, in order
    std::optional<Job> m_current;      // in flight
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    qint64 m_lastStartMs = -1;
    QTimer m_timer;
    quint64 m_nextTicket = 1;
};
