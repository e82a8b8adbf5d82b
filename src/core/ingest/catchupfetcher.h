// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "arxiv/arxivcalendar.h"
#include "domain/paper.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class RequestQueue;
struct HttpResult;

// Reads a past day's papers from the arXiv API for catch-up (docs/INGEST.md), one page at a time
// through the polite queue:
//  1. new submissions and cross-lists: the categories' papers first submitted inside the day's
//     submission window, through the API's submittedDate range filter (a day of cs.LG+cs.AI is one
//     or two pages however far back the day is);
//  2. replacements, only when asked for (includeReplacements): the API has no usable filter on the
//     date of the latest version (lastUpdatedDate ranges have been reported to match the first
//     submission instead), so the categories are walked newest first (sortBy=lastUpdatedDate) until
//     the entries are older than the window. That walk grows with the distance to the day.
// CatchUpClassifier then picks the day's listing from the records.
class CatchUpFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatchUpFetcher)

public:
    explicit CatchUpFetcher(RequestQueue &queue, QObject *parent = nullptr);

    void start(const QUrl &apiBase, const QStringList &categories, const ArxivCalendar::Window &window,
               bool includeReplacements, int pageSize, int timeoutMs, int attempts);
    void cancel();

    QList<Paper> papers() const { return m_papers; }

signals:
    void progress(int fetched, int total);
    void finished(const QString &error); // empty on success

private:
    enum class Phase { Submitted, Replacements };

    void startPhase(Phase phase);
    void requestPage();
    void onPage(const HttpResult &result);
    void phaseDone();
    void done(const QString &error);

    RequestQueue &m_queue;
    QUrl m_apiBase;
    QStringList m_categories;
    ArxivCalendar::Window m_window;
    Phase m_phase = Phase::Submitted;
    bool m_includeReplacements = false;
    int m_pageSize = 1000;
    int m_timeoutMs = 60000;
    int m_attempts = 1;
    int m_start = 0;
    int m_total = -1;
    int m_fetched = 0; // over both phases, for progress
    bool m_emptyRetried = false;
    bool m_running = false;
    bool m_cancelled = false;
    QList<Paper> m_papers;
};
