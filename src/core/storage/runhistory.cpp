// SPDX-License-Identifier: GPL-3.0-or-later
#include "runhistory.h"

#include "database.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {
QDateTime parseInstant(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t;
}
} // namespace

RunHistory::RunHistory(Database &database)
    : m_database(database)
{
}

double LibraryRun::costUsd() const
{
    double sum = 0;
    for (const LibraryRunUsage &u : usage)
        sum += u.costUsd;
    return sum;
}

QList<LibraryRun> RunHistory::runs(int limit)
{
    QList<LibraryRun> out;
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, day, started, finished, status, message, model, announced, scanned, relevant"
              " FROM runs ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(limit);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        LibraryRun r;
        r.id = q.value(0).toLongLong();
        r.day = QDate::fromString(q.value(1).toString(), Qt::ISODate);
        r.started = parseInstant(q.value(2));
        r.finished = parseInstant(q.value(3));
        r.status = q.value(4).toString();
        r.message = q.value(5).toString();
        r.model = q.value(6).toString();
        r.announced = q.value(7).toInt();
        r.scanned = q.value(8).toInt();
        r.relevant = q.value(9).toInt();
        index.insert(r.id, out.size());
        out.append(std::move(r));
    }
    if (out.isEmpty())
        return out;

    QSqlQuery u(db);
    u.setForwardOnly(true);
    if (u.exec(u"SELECT run_id, model, SUM(prompt_tokens), SUM(cached_tokens), SUM(completion_tokens),"
               " SUM(reasoning_tokens), SUM(cost_usd), COUNT(*), SUM(status != 'ok')"
               " FROM llm_requests WHERE run_id IS NOT NULL GROUP BY run_id, model ORDER BY run_id, model"_s)) {
        while (u.next()) {
            const auto it = index.constFind(u.value(0).toLongLong());
            if (it == index.cend())
                continue;
            LibraryRunUsage usage;
            usage.model = u.value(1).toString();
            usage.promptTokens = u.value(2).toLongLong();
            usage.cachedTokens = u.value(3).toLongLong();
            usage.completionTokens = u.value(4).toLongLong();
            usage.reasoningTokens = u.value(5).toLongLong();
            usage.costUsd = u.value(6).toDouble();
            usage.requests = u.value(7).toInt();
            usage.failedRequests = u.value(8).toInt();
            out[*it].usage.append(usage);
        }
    }
    m_lastError.clear();
    return out;
}

std::optional<LibraryRun> RunHistory::run(qint64 runId)
{
    // Few runs exist (one or two a day), so reading them all stays cheap and keeps one code path.
    for (const LibraryRun &r : runs()) {
        if (r.id == runId)
            return r;
    }
    return std::nullopt;
}

QList<LibraryRequest> RunHistory::requestsForRun(qint64 runId)
{
    QList<LibraryRequest> out;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, stage, provider, model, started, latency_ms, paper_count, prompt_tokens, cached_tokens,"
              " completion_tokens, reasoning_tokens, cost_usd, status, http_status, error, service_tier"
              " FROM llm_requests WHERE run_id = ? ORDER BY id"_s);
    q.addBindValue(runId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        LibraryRequest r;
        r.id = q.value(0).toLongLong();
        r.stage = q.value(1).toString();
        r.provider = q.value(2).toString();
        r.model = q.value(3).toString();
        r.started = parseInstant(q.value(4));
        r.latencyMs = q.value(5).toInt();
        r.paperCount = q.value(6).toInt();
        r.promptTokens = q.value(7).toLongLong();
        r.cachedTokens = q.value(8).toLongLong();
        r.completionTokens = q.value(9).toLongLong();
        r.reasoningTokens = q.value(10).toLongLong();
        r.costUsd = q.value(11).toDouble();
        r.status = q.value(12).toString();
        r.httpStatus = q.value(13).toInt();
        r.error = q.value(14).toString();
        r.serviceTier = q.value(15).toString();
        out.append(std::move(r));
    }
    return out;
}

QList<QPair<QDate, double>> RunHistory::costPerDay(const QDate &from, const QDate &to)
{
    QMap<QDate, double> cost;
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT r.day, SUM(q.cost_usd) FROM llm_requests q JOIN runs r ON r.id = q.run_id"
              " WHERE r.day BETWEEN ? AND ? GROUP BY r.day"_s);
    q.addBindValue(from.toString(Qt::ISODate));
    q.addBindValue(to.toString(Qt::ISODate));
    if (q.exec()) {
        while (q.next())
            cost.insert(QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toDouble());
    } else {
        m_lastError = q.lastError().text();
    }
    QList<QPair<QDate, double>> out;
    for (QDate d = from; d <= to; d = d.addDays(1))
        out.append({d, cost.value(d, 0.0)});
    return out;
}
