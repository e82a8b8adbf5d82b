// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrepository.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kSelect = uR"(SELECT id, day, started, finished, status, message, settings_json, criteria_id, model,
       announced, scanned, relevant FROM runs )"_s;

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseInstant(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t;
}

Run fromQuery(const QSqlQuery &q)
{
    Run r;
    r.id = q.value(0).toLongLong();
    r.day = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    r.started = parseInstant(q.value(2));
    r.finished = parseInstant(q.value(3));
    r.status = RunRepository::statusFromString(q.value(4).toString()).value_or(RunStatus::Failed);
    r.message = q.value(5).toString();
    r.settingsJson = q.value(6).toString();
    r.criteriaId = q.value(7).toLongLong();
    r.model = q.value(8).toString();
    r.announced = q.value(9).toInt();
    r.scanned = q.value(10).toInt();
    r.relevant = q.value(11).toInt();
    return r;
}

void setError(QString *error, const QSqlQuery &q)
{
    if (error)
        *error = q.lastError().text();
}
} // namespace

RunRepository::RunRepository(Database &db)
    : m_db(db)
{
}

QString RunRepository::statusToString(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return u"running"_s;
    case RunStatus::Finished:
        return u"finished"_s;
    case RunStatus::Failed:
        return u"failed"_s;
    case RunStatus::Cancelled:
        return u"cancelled"_s;
    case RunStatus::BudgetReached:
        return u"budget"_s;
    }
    return u"failed"_s;
}

std::optional<RunStatus> RunRepository::statusFromString(QStringView text)
{
    if (text == u"running")
        return RunStatus::Running;
    if (text == u"finished")
        return RunStatus::Finished;
    if (text == u"failed")
        return RunStatus::Failed;
    if (text == u"cancelled")
        return RunStatus::Cancelled;
    if (text == u"budget")
        return RunStatus::BudgetReached;
    return std::nullopt;
}

qint64 RunRepository::create(const QDate &day, const QString &settingsJson, qint64 criteriaId, const QString &model,
                             QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(uR"(INSERT INTO runs (day, started, status, settings_json, criteria_id, model)
                  VALUES (?, ?, 'running', ?, ?, ?))"_s);
    q.addBindValue(day.toString(Qt::ISODate));
    q.addBindValue(nowUtc());
    q.addBindValue(settingsJson.isEmpty() ? u"{}"_s : settingsJson);
    q.addBindValue(criteriaId > 0 ? QVariant(criteriaId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(model.isNull() ? u""_s : model);
    if (!q.exec()) {
        setError(error, q);
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool RunRepository::finish(qint64 id, RunStatus status, const QString &message, int announced, int scanned,
                           int relevant, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(uR"(UPDATE runs SET finished = ?, status = ?, message = ?, announced = ?, scanned = ?, relevant = ?
                  WHERE id = ?)"_s);
    q.addBindValue(nowUtc());
    q.addBindValue(statusToString(status));
    q.addBindValue(message.isNull() ? u""_s : message); // a null QString binds NULL: the column is NOT NULL
    q.addBindValue(announced);
    q.addBindValue(scanned);
    q.addBindValue(relevant);
    q.addBindValue(id);
    if (!q.exec()) {
        setError(error, q);
        return false;
    }
    if (q.numRowsAffected() != 1) {
        if (error)
            *error = QCoreApplication::translate("RunRepository", "There is no run %1.").arg(id);
        return false;
    }
    return true;
}

bool RunRepository::setDay(qint64 id, const QDate &day, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE runs SET day = ? WHERE id = ?"_s);
    q.addBindValue(day.toString(Qt::ISODate));
    q.addBindValue(id);
    if (!q.exec()) {
        setError(error, q);
        return false;
    }
    return q.numRowsAffected() == 1;
}

int RunRepository::markInterrupted()
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE runs SET status = 'failed', finished = ?, message = ? WHERE status = 'running'"_s);
    q.addBindValue(nowUtc());
    q.addBindValue(QCoreApplication::translate(
        "RunRepository", "Interrupted: the program ended before the run finished; the next run resumes it."));
    if (!q.exec())
        return 0;
    return q.numRowsAffected();
}

std::optional<Run> RunRepository::find(qint64 id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

std::optional<Run> RunRepository::latestForDay(const QDate &day)
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"WHERE day = ? ORDER BY id DESC LIMIT 1"_s);
    q.addBindValue(day.toString(Qt::ISODate));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromQuery(q);
}

QList<Run> RunRepository::recent(int limit)
{
    QList<Run> runs;
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + u"ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(limit);
    if (!q.exec())
        return runs;
    while (q.next())
        runs.append(fromQuery(q));
    return runs;
}
