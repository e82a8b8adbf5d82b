// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmrequestrepository.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {
// A null QString binds as SQL NULL, which the NOT NULL text columns refuse.
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}
} // namespace

LlmRequestRepository::LlmRequestRepository(Database &db)
    : m_db(db)
{
}

qint64 LlmRequestRepository::insert(const LlmRequestRecord &r, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(uR"(INSERT INTO llm_requests
        (run_id, stage, provider, model, started, latency_ms, paper_count, prompt_tokens, cached_tokens,
         completion_tokens, reasoning_tokens, cost_usd, status, http_status, error, service_tier)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
    q.addBindValue(r.runId > 0 ? QVariant(r.runId) : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(text(r.stage));
    q.addBindValue(text(r.provider));
    q.addBindValue(text(r.model));
    q.addBindValue((r.started.isValid() ? r.started : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(r.latencyMs);
    q.addBindValue(r.paperCount);
    q.addBindValue(r.usage.promptTokens);
    q.addBindValue(r.usage.cachedTokens);
    q.addBindValue(r.usage.completionTokens);
    q.addBindValue(r.usage.reasoningTokens);
    q.addBindValue(r.costUsd);
    q.addBindValue(text(r.status));
    q.addBindValue(r.httpStatus > 0 ? QVariant(r.httpStatus) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(text(r.error));
    q.addBindValue(r.serviceTier.isEmpty() ? u"standard"_s : r.serviceTier);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

QList<LlmRequestRecord> LlmRequestRepository::forRun(qint64 runId)
{
    QList<LlmRequestRecord> out;
    QSqlQuery q(m_db.connection());
    q.prepare(uR"(SELECT id, run_id, stage, provider, model, started, latency_ms, paper_count, prompt_tokens,
        cached_tokens, completion_tokens, reasoning_tokens, cost_usd, status, http_status, error, service_tier
        FROM llm_requests WHERE run_id = ? ORDER BY id)"_s);
    q.addBindValue(runId);
    if (!q.exec())
        return out;
    while (q.next()) {
        LlmRequestRecord r;
        r.id = q.value(0).toLongLong();
        r.runId = q.value(1).toLongLong();
        r.stage = q.value(2).toString();
        r.provider = q.value(3).toString();
        r.model = q.value(4).toString();
        r.started = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
        r.latencyMs = q.value(6).toLongLong();
        r.paperCount = q.value(7).toInt();
        r.usage.promptTokens = q.value(8).toLongLong();
        r.usage.cachedTokens = q.value(9).toLongLong();
        r.usage.completionTokens = q.value(10).toLongLong();
        r.usage.reasoningTokens = q.value(11).toLongLong();
        r.costUsd = q.value(12).toDouble();
        r.status = q.value(13).toString();
        r.httpStatus = q.value(14).toInt();
        r.error = q.value(15).toString();
        r.serviceTier = q.value(16).toString();
        out.append(r);
    }
    return out;
}

QList<LlmModelTotals> LlmRequestRepository::totalsForRun(qint64 runId)
{
    QList<LlmModelTotals> out;
    QSqlQuery q(m_db.connection());
    q.prepare(uR"(SELECT model, COUNT(*), SUM(prompt_tokens), SUM(cached_tokens), SUM(completion_tokens),
        SUM(reasoning_tokens), SUM(cost_usd), MIN(id) AS first, service_tier
        FROM llm_requests WHERE run_id = ? GROUP BY model, service_tier ORDER BY first)"_s);
    q.addBindValue(runId);
    if (!q.exec())
        return out;
    while (q.next()) {
        LlmModelTotals t;
        t.model = q.value(0).toString();
        t.requests = q.value(1).toInt();
        t.usage.promptTokens = q.value(2).toLongLong();
        t.usage.cachedTokens = q.value(3).toLongLong();
        t.usage.completionTokens = q.value(4).toLongLong();
        t.usage.reasoningTokens = q.value(5).toLongLong();
        t.costUsd = q.value(6).toDouble();
        t.serviceTier = q.value(8).toString();
        out.append(t);
    }
    return out;
}

double LlmRequestRepository::costBetween(const QDateTime &fromUtc, const QDateTime &toUtc, bool *ok)
{
    if (ok)
        *ok = false;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT COALESCE(SUM(cost_usd), 0) FROM llm_requests WHERE started >= ? AND started < ?"_s);
    q.addBindValue(fromUtc.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(toUtc.toUTC().toString(Qt::ISODateWithMs));
    if (!q.exec() || !q.next()) {
        qWarning("cannot read what was spent: %s", qPrintable(q.lastError().text()));
        return std::numeric_limits<double>::infinity();
    }
    if (ok)
        *ok = true;
    return q.value(0).toDouble();
}
