// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "daylisting.h"
#include "domain/runstage.h"
#include "ingestconfig.h"
#include "ingestsummary.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class CatchUpFetcher;
class Database;
class HttpClient;
class MetadataCompleter;
class RequestQueue;
struct HttpResult;

// Fetches one announcement day for the configured categories and stores it (docs/INGEST.md):
//  1. today's feed: one combined RSS request (/rss/cs.LG+cs.AI); the day is stored in one transaction
//     and feedStored() is emitted at once, so scoring can start on the feed's titles and abstracts;
//  2. metadata: the stored papers the API has not completed yet are asked for in id_list batches
//     (kept papers first); finished() follows when that is done or has failed.
// A past day (up to 14 days back) is caught up through the arXiv API instead (source "api"; the
// records are complete, so there is no second stage). Saturday and Sunday have no announcement.
// Every request goes through the shared, polite "arxiv" RequestQueue of the HttpClient.
// Emits finished() exactly once per start(), never from inside start() itself.
class DayIngest : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DayIngest)

public:
    DayIngest(Database &db, HttpClient &http, QObject *parent = nullptr);
    ~DayIngest() override;

    static constexpr int kMaxCatchUpDays = 14;

    // day invalid: today's feed.
    void start(const IngestConfig &config, const QDate &day);
    void cancel();
    bool isRunning() const { return m_running; }

    // Where "now" comes from (tests pin it); UTC.
    void setClock(std::function<QDateTime()> nowUtc) { m_now = std::move(nowUtc); }

signals:
    void progress(RunStage stage, int done, int total); // Feed, Metadata
    void notice(const QString &message);  // retries and fallbacks, one line each, for a log or stderr
    void feedStored(const IngestSummary &summary); // the feed's papers are in the DB: scoring may start now
    void finished(const IngestSummary &summary);   // metadata completion done too (or failed; summary.error)

private:
    void fetchFeed(const QDate &requestedDay);
    void onFeed(const QDate &requestedDay, const HttpResult &result);
    void catchUp(const QDate &day);
    void onCatchUpDone(const QString &error);
    void storeListing(const DayListing &listing);
    void completeMetadata(const QStringList &orderedIds);
    void onMetadataDone(const QString &error);
    void fail(RunFailureKind kind, const QString &message);
    void finishLater();
    void onRetry(const QUrl &url, int attempt, int maxAttempts, int delayMs, const QString &reason);
    int attempts() const;

    Database &m_db;
    HttpClient &m_http;
    IngestConfig m_config;
    QPointer<RequestQueue> m_queue;
    QStringList m_categories;
    QDate m_catchUpDay;
    bool m_catchUpReplacements = false;
    IngestSummary m_summary;
    QPointer<CatchUpFetcher> m_catchUp;
    QPointer<MetadataCompleter> m_metadata;
    std::function<QDateTime()> m_now;
    bool m_running = false;
    bool m_finishing = false;
    bool m_cancelled = false;
    quint64 m_generation = 0;
};
