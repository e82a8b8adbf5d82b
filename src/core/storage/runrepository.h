// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/run.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

class Database;

// The runs table: one row per daily run (fetch + select + digest), with the settings it used
// (never secrets), its criteria version, model, counts and how it ended.
class RunRepository final
{
public:
    explicit RunRepository(Database &db);

    // Inserts a row with status 'running'; returns its id, or 0 with *error set.
    qint64 create(const QDate &day, const QString &settingsJson, qint64 criteriaId, const QString &model,
                  QString *error = nullptr);
    // Sets the final status, message and counts, and the finish time.
    bool finish(qint64 id, RunStatus status, const QString &message, int announced, int scanned, int relevant,
                QString *error = nullptr);
    // The announcement day is known only once the feed is read ("the newest announcement").
    bool setDay(qint64 id, const QDate &day, QString *error = nullptr);
    // Rows left 'running' by a process that was killed become 'failed' with a message saying so.
    // Call only while holding the run lock (no live run can be 'running' then). Returns how many.
    int markInterrupted();

    std::optional<Run> find(qint64 id);
    std::optional<Run> latestForDay(const QDate &day);
    QList<Run> recent(int limit);

    static QString statusToString(RunStatus status);
    static std::optional<RunStatus> statusFromString(QStringView text);

private:
    Database &m_db;
};
