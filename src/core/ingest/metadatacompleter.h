// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>

class Database;
class RequestQueue;
struct HttpResult;

// Completes stored papers through the arXiv API: id_list requests of up to batchSize ids, one after
// the other through the polite queue, each answer stored in its own transaction the moment it
// arrives. Error entries (malformed ids) are reported, the rest of their batch is asked again
// without them. Ids the API does not return stay incomplete (metadata_complete = 0) for next time.
class MetadataCompleter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataCompleter)

public:
    MetadataCompleter(Database &db, RequestQueue &queue, QObject *parent = nullptr);

    void start(const QUrl &apiBase, const QStringList &arxivIds, int batchSize, int timeoutMs, int attempts);
    void cancel();

    int completed() const { return m_completed; }
    int total() const { return int(m_ids.size()); }
    QStringList apiErrors() const { return m_apiErrors; } // the API's own error entries
    QStringList missing() const { return m_missing; }     // asked for, not returned

signals:
    void progress(int done, int total);
    // error: empty when every batch was answered; else why the rest was given up (one line).
    void finished(const QString &error);

private:
    void requestBatch();
    void onAnswer(const HttpResult &result);
    void done(const QString &error);

    Database &m_db;
    RequestQueue &m_queue;
    QUrl m_apiBase;
    QStringList m_ids;
    QList<QStringList> m_batches;
    qsizetype m_batch = 0;
    bool m_batchRetried = false; // an empty or error answer gets one more try per batch
    int m_timeoutMs = 60000;
    int m_attempts = 1;
    int m_completed = 0;
    int m_answered = 0;
    QStringList m_apiErrors;
    QStringList m_missing;
    bool m_running = false;
    bool m_cancelled = false;
};
