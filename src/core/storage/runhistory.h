// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class Database;

// Aggregated LLM usage of one run and model: the reference digest's token table.
struct LibraryRunUsage
{
    QString model;
    qint64 promptTokens = 0;
    qint64 cachedTokens = 0;
    qint64 completionTokens = 0;
    qint64 reasoningTokens = 0;
    double costUsd = 0;
    int requests = 0;
    int failedRequests = 0;
};

struct LibraryRun
{
    qint64 id = 0;
    QDate day;
    QDateTime started;
    QDateTime finished;
    QString status;         // running | finished | failed | cancelled | budget
    QString message;
    QString model;
    int announced = 0;
    int scanned = 0;
    int relevant = 0;
    QList<LibraryRunUsage> usage; // one entry per model
    double costUsd() const;
};

struct LibraryRequest
{
    qint64 id = 0;
    QString stage;
    QString provider;
    QString model;
    QDateTime started;
    int latencyMs = 0;
    int paperCount = 0;
    qint64 promptTokens = 0;
    qint64 cachedTokens = 0;
    qint64 completionTokens = 0;
    qint64 reasoningTokens = 0;
    double costUsd = 0;
    QString serviceTier;     // standard | flex
    QString status;
    int httpStatus = 0;
    QString error;
};

// The runs of the library and what they cost, for the run-costs view: runs with their token table per
// model, a run's LLM requests, the cost per day. Read only; runs on the calling thread's connection.
class RunHistory final
{
public:
    explicit RunHistory(Database &database);

    // Newest first; limit < 0: all.
    QList<LibraryRun> runs(int limit = -1);
    std::optional<LibraryRun> run(qint64 runId);
    QList<LibraryRequest> requestsForRun(qint64 runId);
    // Cost per announcement day over [from, to], days without cost included as 0.
    QList<QPair<QDate, double>> costPerDay(const QDate &from, const QDate &to);

    QString lastError() const { return m_lastError; }

private:
    Database &m_database;
    QString m_lastError;
};
