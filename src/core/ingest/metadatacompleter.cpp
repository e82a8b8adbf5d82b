// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadatacompleter.h"

#include "arxiv/arxivurls.h"
#include "arxiv/atomparser.h"
#include "arxivfailure.h"
#include "daystore.h"
#include "ingestconfig.h"
#include "net/requestqueue.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

MetadataCompleter::MetadataCompleter(Database &db, RequestQueue &queue, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_queue(queue)
{
}

void MetadataCompleter::start(const QUrl &apiBase, const QStringList &arxivIds, int batchSize, int timeoutMs,
                              int attempts)
{
    m_apiBase = apiBase;
    m_ids = arxivIds;
    m_timeoutMs = timeoutMs;
    m_attempts = attempts;
    m_batches.clear();
    for (qsizetype i = 0; i < arxivIds.size(); i += batchSize)
        m_batches << arxivIds.mid(i, batchSize);
    m_batch = 0;
    m_batchRetried = false;
    m_completed = m_answered = 0;
    m_apiErrors.clear();
    m_missing.clear();
    m_running = true;
    m_cancelled = false;
    emit progress(0, total());
    requestBatch();
}

void MetadataCompleter::cancel()
{
    m_cancelled = true; // nothing more is asked for, also when cancel() comes before the first request
    m_queue.cancelAll(this); // the answer callback reports the cancellation
}

void MetadataCompleter::requestBatch()
{
    if (m_cancelled) {
        done(QCoreApplication::translate("MetadataCompleter", "Cancelled."));
        return;
    }
    if (m_batch >= m_batches.size()) {
        done({});
        return;
    }
    HttpRequest request;
    request.url = ArxivUrls::apiIdList(m_apiBase, m_batches.at(m_batch));
    request.timeoutMs = m_timeoutMs;
    request.maxBytes = kArxivMaxBytes;
    m_queue.enqueue(request, this, [this](const HttpResult &r) { onAnswer(r); });
}

void MetadataCompleter::onAnswer(const HttpResult &result)
{
    if (!m_running)
        return;
    const QString what = QCoreApplication::translate("MetadataCompleter", "the arXiv API");
    // A 400 carries the API's error entries in an Atom body: read them rather than give up.
    if (!result.isSuccess() && !(result.status == 400 && !result.body.isEmpty())) {
        done(ArxivFailure::describe(what, result, m_attempts));
        return;
    }
    QString parseError;
    const ApiResponse response = AtomParser::parse(result.body, &parseError);
    if (!parseError.isEmpty()) {
        done(result.isSuccess() ? parseError : ArxivFailure::describe(what, result, m_attempts));
        return;
    }
    const QStringList batch = m_batches.at(m_batch);

    if (!response.errors.isEmpty()) {
        m_apiErrors << response.errors;
        // "incorrect id format for abc": leave the named ids out and ask again for the others.
        QStringList rest = batch;
        for (const QString &e : response.errors) {
            const QString bad = e.section(u' ', -1);
            rest.removeAll(bad);
        }
        if (!m_batchRetried && !rest.isEmpty() && rest.size() < batch.size()) {
            for (const QString &id : batch) {
                if (!rest.contains(id))
                    m_missing << id;
            }
            m_batches[m_batch] = rest;
            m_batchRetried = true;
            requestBatch();
            return;
        }
    } else if (response.papers.isEmpty() && !m_batchRetried) {
        // arXiv's API sometimes answers a valid query with an empty page: ask once more.
        m_batchRetried = true;
        requestBatch();
        return;
    }

    DayStore store(m_db);
    int completed = 0;
    if (!store.completeMetadata(response, &completed)) {
        done(QCoreApplication::translate("MetadataCompleter", "could not store the arXiv API's metadata: %1")
                 .arg(store.errorString()));
        return;
    }
    m_completed += completed;
    QSet<QString> returned;
    for (const Paper &p : response.papers)
        returned.insert(p.arxivId);
    for (const QString &id : batch) {
        if (!returned.contains(id) && !m_missing.contains(id))
            m_missing << id;
    }
    m_answered += int(batch.size());
    emit progress(std::min(m_answered, total()), total());
    ++m_batch;
    m_batchRetried = false;
    requestBatch();
}

void MetadataCompleter::done(const QString &error)
{
    m_running = false;
    if (error.isEmpty())
        emit progress(total(), total());
    emit finished(error);
}
