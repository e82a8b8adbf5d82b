// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"
#include "net/retrypolicy.h"
#include "s2author.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <functional>
#include <optional>

// Semantic Scholar Graph API client: batch look-ups of authors and papers, and the rare author search.
// Requests go one at a time, at least spacingMs apart (a key gets 1 request/s; the keyless pool of
// 5000 requests per 5 minutes is shared by everyone), 429 and 5xx are retried after Retry-After or a
// growing delay, and each 429 widens the spacing by 10% for the rest of the client's life (S2's own
// advice, since 429 can come below the published limit). The key goes in the x-api-key header only.
class S2Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(S2Client)

public:
    static constexpr int kAuthorBatchMax = 1000; // ids per POST /author/batch
    static constexpr int kPaperBatchMax = 500;   // ids per POST /paper/batch

    S2Client(HttpClient &http, const QUrl &baseUrl, QObject *parent = nullptr);

    void setApiKey(const QString &key) { m_apiKey = key; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    void setSpacingMs(int ms) { m_spacingMs = std::max(0, ms); }
    int spacingMs() const { return m_spacingMs; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Entries line up with ids; nullopt where S2 does not know the id or the batch failed.
    // error is empty when every batch was answered.
    using AuthorsCallback = std::function<void(const QList<std::optional<S2Author>> &, const QString &error)>;
    using PapersCallback = std::function<void(const QList<std::optional<S2Paper>> &, const QString &error)>;
    using SearchCallback = std::function<void(const QList<S2Author> &, const QString &error)>;

    // fields name,hIndex; split into batches of kAuthorBatchMax.
    void fetchAuthors(const QStringList &authorIds, QObject *context, AuthorsCallback done);
    // by arXiv id (sent as "ARXIV:<id>"), fields externalIds,authors; batches of kPaperBatchMax.
    void fetchPapersByArxivId(const QStringList &arxivIds, QObject *context, PapersCallback done);
    // One name search (fields name,hIndex,paperCount; up to 10 candidates).
    void searchAuthor(const QString &name, QObject *context, SearchCallback done);

    // Drops queued requests and aborts the one in flight; their callbacks report "cancelled".
    void cancel();
    int requestsSent() const { return m_sent; }

private:
    struct Job
    {
        HttpRequest request;
        std::function<void(const HttpResult &)> done;
        int attempt = 1;
    };

    QUrl endpoint(const QString &path, const QString &fields) const;
    HttpRequest makeRequest(const QUrl &url, const QByteArray &method, const QByteArray &body) const;
    void enqueue(Job job, bool front = false);
    void pump();
    void onResult(Job job, const HttpResult &result);

    HttpClient &m_http;
    QUrl m_base;
    QString m_apiKey;
    int m_spacingMs = 1000;
    int m_timeoutMs = 30000;
    RetryPolicy m_retry;
    std::deque<Job> m_queue;
    bool m_busy = false;
    bool m_waiting = false;
    QElapsedTimer m_sinceLast;
    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
    int m_sent = 0;
    quint64 m_generation = 0; // bumped by cancel(): stale callbacks are ignored
};
