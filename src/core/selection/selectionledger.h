// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/criteria.h"
#include "domain/paper.h"
#include "domain/score.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;
struct LlmRequestRecord;

// Everything a selection run reads from and writes to the database, so "pay once" lives in one class:
// the look-up of earlier answers that decides what is NOT sent, and the one transaction per reply that
// stores what was paid for together with the answer. A read that fails is reported, never taken for
// "nothing answered yet" (that would send and pay for every paper again).
class SelectionLedger final
{
public:
    explicit SelectionLedger(Database &db);

    // The criteria version's id (stored the first time it is used), 0 with *error set.
    qint64 criteriaVersion(const Criteria &criteria, QString *error);
    // The stored papers among ids, in order, without repeats; *missing counts ids not in the database.
    // nullopt (with *error) when none could be read because of a database error.
    std::optional<QList<Paper>> papers(const QStringList &ids, int *missing, QString *error);

    struct Earlier
    {
        QHash<QString, Score> abstracts; // by arXiv id, at the paper's current version
        QHash<QString, Score> titles;    // empty unless asked for
    };
    // Answers stored for this criteria version and model.
    std::optional<Earlier> earlier(qint64 criteriaId, const QString &model, const QStringList &ids, bool titles,
                                   QString *error);

    // The request's llm_requests row and its scores, in one transaction.
    bool record(const LlmRequestRecord &request, const QList<Score> &scores, QString *error);
    // Rows that belong to no request (papers the budget left unsent).
    bool storeUnsent(const QList<Score> &scores, qint64 runId, QString *error);

private:
    Database &m_db;
};
