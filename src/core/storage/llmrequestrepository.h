// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/llmusage.h"

#include <QDateTime>
#include <QList>
#include <QString>

class Database;

// One LLM request as it is accounted for (llm_requests row).
struct LlmRequestRecord
{
    qint64 id = 0;
    qint64 runId = 0;        // 0: not part of a run (stored as NULL)
    QString stage;           // title | abstract
    QString provider;
    QString model;
    QDateTime started;       // UTC
    qint64 latencyMs = 0;
    int paperCount = 0;
    LlmUsage usage;
    double costUsd = 0;
    QString serviceTier = QStringLiteral("standard"); // standard | flex: the rates it was billed at
    QString status;          // ok | http_error | timeout | parse_error | cancelled
    int httpStatus = 0;      // 0: no HTTP answer (stored as NULL)
    QString error;
};

struct LlmModelTotals
{
    QString model;
    QString serviceTier;     // one row per model and tier
    int requests = 0;
    LlmUsage usage;
    double costUsd = 0;
};

// llm_requests: every request PaperSieve made, with its tokens and cost, written together with the
// scores of its reply, so what was paid for is always accounted for.
class LlmRequestRepository final
{
public:
    explicit LlmRequestRepository(Database &db);

    // Returns the new row id, or 0 with *error set.
    qint64 insert(const LlmRequestRecord &record, QString *error = nullptr);
    QList<LlmRequestRecord> forRun(qint64 runId);
    // Per model and service tier, in first-use order: the digest's "| [model] | Prompt | Completion |
    // Total |" table prices each tier at its own rates.
    QList<LlmModelTotals> totalsForRun(qint64 runId);
    // Spent on requests started in [fromUtc, toUtc): what a per-day budget has left. When the database
    // cannot be read, *ok is false and the result is +infinity, so a budget check that ignores *ok
    // still fails closed (nothing is sent) instead of reading 0 as "nothing spent".
    double costBetween(const QDateTime &fromUtc, const QDateTime &toUtc, bool *ok = nullptr);

private:
    Database &m_db;
};
