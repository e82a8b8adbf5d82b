// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/score.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

// The scores table: what each selection stage decided for each paper, per criteria version and model.
// Rows are written the moment a reply arrives (call save() inside the Transaction that also stores
// the request's llm_requests row). A real answer (scored, kept, dropped) is never overwritten; an
// 'unscored' row is replaced when a later run gets an answer.
class ScoreRepository final
{
public:
    explicit ScoreRepository(Database &db);

    // Papers are found by arXiv id; a paper that is not in the database is an error.
    bool save(const QList<Score> &scores, qint64 runId, qint64 requestId, QString *error = nullptr);
    // Rows for these papers AT THEIR CURRENT VERSION with this criteria, model and stage, by arXiv id.
    // nullopt when the database could not be read (errorString()): pay-once decides from this what is
    // NOT sent, so a failed read must never look like "no earlier answers".
    std::optional<QHash<QString, Score>> existing(qint64 criteriaId, const QString &model, ScoreStage stage,
                                                  const QStringList &arxivIds);
    // All stages, newest version of each paper, for the digest and the window; *ok false on a read error.
    QList<Score> forPapers(qint64 criteriaId, const QString &model, const QStringList &arxivIds, bool *ok = nullptr);
    QString errorString() const { return m_error; }

    static QString stageToString(ScoreStage stage);
    static std::optional<ScoreStage> stageFromString(QStringView text);
    static QString statusToString(ScoreStatus status);
    static std::optional<ScoreStatus> statusFromString(QStringView text);

private:
    QList<Score> query(qint64 criteriaId, const QString &model, const std::optional<ScoreStage> &stage,
                       const QStringList &arxivIds, bool *ok);

    Database &m_db;
    QString m_error;
};
