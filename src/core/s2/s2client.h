// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpclient.h"
#include "net/retrypolicy.h"
#include "s2author.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class RequestQueue;

// Semantic Scholar Graph API client: batch look-ups of authors and papers, and the rare author search.
// Requests go through the shared "s2" RequestQueue of the HttpClient: one at a time, at least
// spacingMs apart (a key gets 1 request/s; the keyless pool of 5000 requests per 5 minutes is shared
// by everyone), 429 and 5xx are retried after Retry-After (up to RetryPolicy::maxRetryAfterMs, else
// the batch fails saying how long S2 asked to wait) or a growing delay, with a notice each time, and
// each 429 widens the spacing by 10% (S2's own advice, since 429 can come below the published limit).
// The key goes in the x-api-key header only; answers above kMaxAnswerBytes are refused.
class S2Client final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(S2Client)

public:
    static constexpr int kAuthorBatchMax = 1000; // ids per POST /author/batch
    static constexpr int kPaperBatchMax = 500;   // ids per POST /paper/batch
    // 1000 authors or 500 papers with their author lists come to well under 1 MiB.
    static constexpr qint64 kMaxAnswerBytes = 8 * 1024 * 1024;

    S2Client(HttpClient &http, const QUrl &baseUrl, QObject *parent = nullptr);

    void setApiKey(const QString &key) { m_apiKey = key; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    // Spacing and retry policy belong to the shared lane: they apply to every S2Client of this HttpClient.
    void setSpacingMs(int ms);
    int spacingMs() const;
    void setRetryPolicy(const RetryPolicy &policy);
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
    int requestsSent() const { return m_sent; } // retries included

signals:
    // A request failed and will be tried again after a wait: say so, a silent wait looks like a hang.
    void notice(const QString &text);

private:
    QUrl endpoint(const QString &path, const QString &fields) const;
    HttpRequest makeRequest(const QUrl &url, const QByteArray &method, const QByteArray &body) const;
    void enqueue(const HttpRequest &request, std::function<void(const HttpResult &)> done);
    void onRetry(int attempt, int maxAttempts, int delayMs, const QString &reason, quint64 ticket);
    QString describe(const HttpResult &result) const;

    QPointer<RequestQueue> m_queue;
    QUrl m_base;
    QString m_apiKey;
    int m_timeoutMs = 30000;
    RetryPolicy m_retry;
    QSet<quint64> m_tickets; // ours among the lane's requests
    int m_sent = 0;
};
