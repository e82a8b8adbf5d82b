// SPDX-License-Identifier: GPL-3.0-or-later
#include "catchupfetcher.h"

#include "arxiv/arxivurls.h"
#include "arxiv/atomparser.h"
#include "arxivfailure.h"
#include "ingestconfig.h"
#include "net/requestqueue.h"

#include <QCoreApplication>

namespace {
// The API serves at most this many results of one query (start + max_results).
constexpr int kApiResultLimit = 30000;

} // namespace

CatchUpFetcher::CatchUpFetcher(RequestQueue &queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
{
}

void CatchUpFetcher::start(const QUrl &apiBase, const QStringList &categories,
                           const ArxivCalendar::Window &window, bool includeReplacements, int pageSize,
                           int timeoutMs, int attempts)
{
    m_apiBase = apiBase;
    m_categories = categories;
    m_window = window;
    m_includeReplacements = includeReplacements;
    m_pageSize = std::max(1, pageSize);
    m_timeoutMs = timeoutMs;
    m_attempts = attempts;
    m_fetched = 0;
    m_papers.clear();
    m_running = true;
    m_cancelled = false;
    startPhase(Phase::Submitted);
}

void CatchUpFetcher::cancel()
{
    m_cancelled = true; // nothing more is asked for, also when cancel() comes before the first request
    m_queue.cancelAll(this);
}

void CatchUpFetcher::startPhase(Phase phase)
{
    m_phase = phase;
    m_start = 0;
    m_total = -1;
    m_emptyRetried = false;
    requestPage();
}

void CatchUpFetcher::requestPage()
{
    if (m_cancelled) {
        done(QCoreApplication::translate("CatchUpFetcher", "Cancelled."));
        return;
    }
    if (m_start >= kApiResultLimit) {
        done(CatchUpFetcher::tr("the day is too far back for the arXiv API to list (more than 30000 newer entries)"));
        return;
    }
    const int max = std::min(m_pageSize, kApiResultLimit - m_start);
    HttpRequest request;
    request.url = m_phase == Phase::Submitted
        ? ArxivUrls::apiSubmittedBetween(m_apiBase, m_categories, m_window.start, m_window.end, m_start, max)
        : ArxivUrls::apiRecent(m_apiBase, m_categories, m_start, max);
    request.timeoutMs = m_timeoutMs;
    request.maxBytes = kArxivMaxBytes;
    m_queue.enqueue(request, this, [this](const HttpResult &r) { onPage(r); });
}

void CatchUpFetcher::onPage(const HttpResult &result)
{
    if (!m_running)
        return;
    if (!result.isSuccess()) {
        done(ArxivFailure::describe(CatchUpFetcher::tr("the arXiv API"), result, m_attempts));
        return;
    }
    QString error;
    const ApiResponse page = AtomParser::parse(result.body, &error);
    if (!error.isEmpty()) {
        done(error);
        return;
    }
    if (!page.errors.isEmpty()) {
        done(CatchUpFetcher::tr("the arXiv API reported an error: %1").arg(page.errors.first()));
        return;
    }
    if (m_total < 0 || page.totalResults > m_total)
        m_total = page.totalResults;
    if (page.papers.isEmpty()) {
        // arXiv's API now and then answers a valid query with an empty page (even totalResults 0)
        // that is not the end: ask once more before believing it.
        if (!m_emptyRetried && (m_total != 0 || m_start == 0)) {
            m_emptyRetried = true;
            requestPage();
            return;
        }
        if (m_total > 0 && m_start < m_total) {
            done(CatchUpFetcher::tr("the arXiv API stopped returning papers after %1 of %2 entries: try again later")
                     .arg(m_start)
                     .arg(m_total));
            return;
        }
        phaseDone();
        return;
    }
    m_emptyRetried = false;
    bool reachedOlder = false;
    for (const Paper &p : page.papers) {
        if (m_phase == Phase::Replacements) {
            const QDateTime touched = p.updated.isValid() ? p.updated : p.published;
            if (touched.isValid() && touched < m_window.start) {
                reachedOlder = true; // sorted newest first: everything after this is older too
                continue;
            }
        }
        m_papers.append(p);
    }
    m_start += int(page.papers.size());
    m_fetched += int(page.papers.size());
    emit progress(m_fetched, m_fetched + std::max(0, m_total - m_start));
    if (reachedOlder || (m_total >= 0 && m_start >= m_total)) {
        phaseDone();
        return;
    }
    requestPage();
}

void CatchUpFetcher::phaseDone()
{
    if (m_phase == Phase::Submitted && m_includeReplacements) {
        startPhase(Phase::Replacements);
        return;
    }
    done({});
}

void CatchUpFetcher::done(const QString &error)
{
    m_running = false;
    emit finished(error);
}
