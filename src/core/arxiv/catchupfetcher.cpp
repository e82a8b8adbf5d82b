// SPDX-License-Identifier: GPL-3.0-or-later
#include "catchupfetcher.h"

#include "arxivfailure.h"
#include "arxivurls.h"
#include "atomparser.h"
#include "net/requestqueue.h"

#include <QCoreApplication>

namespace {
// The API serves at most this many results of one query (start + max_results).
constexpr int kApiResultLimit = 30000;

QString tr(const char *text)
{
    return QCoreApplication::translate("CatchUpFetcher", text);
}
} // namespace

CatchUpFetcher::CatchUpFetcher(RequestQueue &queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
{
}

void CatchUpFetcher::start(const QUrl &apiBase, const QStringList &categories,
                           const AnnouncementSchedule::Window &window, int pageSize, int timeoutMs, int attempts)
{
    m_apiBase = apiBase;
    m_categories = categories;
    m_window = window;
    m_pageSize = pageSize;
    m_timeoutMs = timeoutMs;
    m_attempts = attempts;
    m_start = 0;
    m_total = -1;
    m_emptyRetried = false;
    m_papers.clear();
    m_running = true;
    requestPage();
}

void CatchUpFetcher::cancel()
{
    m_queue.cancelAll(this);
}

void CatchUpFetcher::requestPage()
{
    if (m_start >= kApiResultLimit) {
        done(tr("the day is too far back for the arXiv API to list (more than 30000 newer entries)"));
        return;
    }
    HttpRequest request;
    request.url = ArxivUrls::apiRecent(m_apiBase, m_categories, m_start, std::min(m_pageSize, kApiResultLimit - m_start));
    request.timeoutMs = m_timeoutMs;
    m_queue.enqueue(request, this, [this](const HttpResult &r) { onPage(r); });
}

void CatchUpFetcher::onPage(const HttpResult &result)
{
    if (!m_running)
        return;
    if (!result.isSuccess()) {
        done(ArxivFailure::describe(tr("the arXiv API"), result, m_attempts));
        return;
    }
    QString error;
    const ApiResponse page = AtomParser::parse(result.body, &error);
    if (!error.isEmpty()) {
        done(error);
        return;
    }
    if (!page.errors.isEmpty()) {
        done(tr("the arXiv API reported an error: %1").arg(page.errors.first()));
        return;
    }
    if (m_total < 0 || page.totalResults > m_total)
        m_total = page.totalResults;
    if (page.papers.isEmpty()) {
        if (m_total < 0 || m_start < m_total) {
            // arXiv's API now and then answers with an empty page that is not the end: ask once more.
            if (!m_emptyRetried) {
                m_emptyRetried = true;
                requestPage();
                return;
            }
            done(m_start == 0 ? tr("the arXiv API returned no papers for these categories (it sometimes does "
                                   "this for a while): try again later")
                              : tr("the arXiv API stopped returning papers after %1 entries: try again later")
                                    .arg(m_start));
            return;
        }
        done({});
        return;
    }
    m_emptyRetried = false;
    bool reachedOlder = false;
    for (const Paper &p : page.papers) {
        const QDateTime touched = p.updated.isValid() ? p.updated : p.published;
        if (touched.isValid() && touched < m_window.start)
            reachedOlder = true; // sorted newest first: everything after this is older too
        else
            m_papers.append(p);
    }
    m_start += int(page.papers.size());
    emit progress(m_start, m_total);
    if (reachedOlder || (m_total >= 0 && m_start >= m_total)) {
        done({});
        return;
    }
    requestPage();
}

void CatchUpFetcher::done(const QString &error)
{
    m_running = false;
    emit finished(error);
}
