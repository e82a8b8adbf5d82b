// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "announcementschedule.h"
#include "domain/paper.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class RequestQueue;
struct HttpResult;

// Reads a past day's papers from the arXiv API for catch-up: walks the requested categories newest
// first (sortBy=lastUpdatedDate), one page at a time through the polite queue, until the entries are
// older than the day's submission window. Keeps every record touched since the window opened;
// CatchUpClassifier then picks the day's listing from them. (The API's date-range filters are not
// used: lastUpdatedDate ranges have been reported to match the first submission, which would drop
// replacements.)
class CatchUpFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatchUpFetcher)

public:
    explicit CatchUpFetcher(RequestQueue &queue, QObject *parent = nullptr);

    void start(const QUrl &apiBase, const QStringList &categories, const AnnouncementSchedule::Window &window,
               int pageSize, int timeoutMs, int attempts);
    void cancel();

    QList<Paper> papers() const { return m_papers; }

signals:
    void progress(int fetched, int total);
    void finished(const QString &error); // empty on success

private:
    void requestPage();
    void onPage(const HttpResult &result);
    void done(const QString &error);

    RequestQueue &m_queue;
    QUrl m_apiBase;
    QStringList m_categories;
    AnnouncementSchedule::Window m_window;
    int m_pageSize = 1000;
    int m_timeoutMs = 60000;
    int m_attempts = 1;
    int m_start = 0;
    int m_total = -1;
    bool m_emptyRetried = false;
    bool m_running = false;
    QList<Paper> m_papers;
};
