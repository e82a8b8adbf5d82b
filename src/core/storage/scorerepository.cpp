// SPDX-License-Identifier: GPL-3.0-or-later
#include "scorerepository.h"

#include "database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace {
// SQLite's default limit on bound parameters is 999 on old builds; stay well under it.
constexpr qsizetype kChunk = 400;

// A null QString binds as SQL NULL, which the NOT NULL text columns refuse.
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

QVariant nullIfZero(qint64 v)
{
    return v > 0 ? QVariant(v) : QVariant(QMetaType::fromType<qlonglong>());
}
} // namespace

ScoreRepository::ScoreRepository(Database &db)
    : m_db(db)
{
}

QString ScoreRepository::stageToString(ScoreStage stage)
{
    switch (stage) {
    case ScoreStage::AuthorMatch:
        return u"author"_s;
    case ScoreStage::HIndex:
        return u"hindex"_s;
    case ScoreStage::TitleFilter:
        return u"title"_s;
    case ScoreStage::Abstract:
        return u"abstract"_s;
    }
    return u"abstract"_s;
}

std::optional<ScoreStage> ScoreRepository::stageFromString(QStringView text)
{
    if (text == u"author")
        return ScoreStage::AuthorMatch;
    if (text == u"hindex")
        return ScoreStage::HIndex;
    if (text == u"title")
        return ScoreStage::TitleFilter;
    if (text == u"abstract")
        return ScoreStage::Abstract;
    return std::nullopt;
}

QString ScoreRepository::statusToString(ScoreStatus status)
{
    switch (status) {
    case ScoreStatus::Scored:
        return u"scored"_s;
    case ScoreStatus::Kept:
        return u"kept"_s;
    case ScoreStatus::Dropped:
        return u"dropped"_s;
    case ScoreStatus::Unscored:
        return u"unscored"_s;
    }
    return u"unscored"_s;
}

std::optional<ScoreStatus> ScoreRepository::statusFromString(QStringView text)
{
    if (text == u"scored")
        return ScoreStatus::Scored;
    if (text == u"kept")
        return ScoreStatus::Kept;
    if (text == u"dropped")
        return ScoreStatus::Dropped;
    if (text == u"unscored")
        return ScoreStatus::Unscored;
    return std::nullopt;
}

bool ScoreRepository::save(const QList<Score> &scores, qint64 runId, qint64 requestId, QString *error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(uR"(INSERT INTO scores
        (paper_id, paper_version, criteria_id, model, stage, status, relevance, novelty, comment, reason,
         run_id, request_id, created)
        VALUES ((SELECT id FROM papers WHERE arxiv_id = :arxiv), :version, :criteria, :model, :stage, :status,
                :relevance, :novelty, :comment, :reason, :run, :request, :created)
        ON CONFLICT (paper_id, paper_version, criteria_id, model, stage) DO UPDATE SET
            status = excluded.status, relevance = excluded.relevance, novelty = excluded.novelty,
            comment = excluded.comment, reason = excluded.reason, run_id = excluded.run_id,
            request_id = excluded.request_id, created = excluded.created
        WHERE scores.status = 'unscored')"_s);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QVariant nullInt(QMetaType::fromType<int>());
    for (const Score &s : scores) {
        const bool hasScores = s.status == ScoreStatus::Scored;
        q.bindValue(u":arxiv"_s, s.arxivId);
        q.bindValue(u":version"_s, s.paperVersion);
        q.bindValue(u":criteria"_s, s.criteriaId);
        q.bindValue(u":model"_s, text(s.model));
        q.bindValue(u":stage"_s, stageToString(s.stage));
        q.bindValue(u":status"_s, statusToString(s.status));
        q.bindValue(u":relevance"_s, hasScores ? QVariant(s.relevance) : nullInt);
        q.bindValue(u":novelty"_s, hasScores ? QVariant(s.novelty) : nullInt);
        q.bindValue(u":comment"_s, text(s.comment));
        q.bindValue(u":reason"_s, text(s.reason));
        q.bindValue(u":run"_s, nullIfZero(runId));
        q.bindValue(u":request"_s, nullIfZero(requestId));
        q.bindValue(u":created"_s, now);
        if (!q.exec()) {
            if (error)
                *error = QCoreApplication::translate("ScoreRepository", "Cannot store the score of %1: %2")
                             .arg(s.arxivId, q.lastError().text());
            return false;
        }
    }
    return true;
}

QList<Score> ScoreRepository::query(qint64 criteriaId, const QString &model, const std::optional<ScoreStage> &stage,
                                    const QStringList &arxivIds, bool *ok)
{
    if (ok)
        *ok = true;
    QList<Score> out;
    QSqlDatabase db = m_db.connection();
    for (qsizetype start = 0; start < arxivIds.size(); start += kChunk) {
        const QStringList chunk = arxivIds.mid(start, kChunk);
        QStringList marks;
        marks.fill(u"?"_s, chunk.size());
        QSqlQuery q(db);
        q.prepare(uR"(SELECT p.arxiv_id, s.paper_version, s.stage, s.status, s.relevance, s.novelty, s.comment, s.reason
            FROM scores s JOIN papers p ON p.id = s.paper_id AND p.version = s.paper_version
            WHERE s.criteria_id = ? AND s.model = ? )"_s
                  + (stage ? u"AND s.stage = ? "_s : QString()) + u"AND p.arxiv_id IN ("_s + marks.join(u',') + u')');
        q.addBindValue(criteriaId);
        q.addBindValue(model);
        if (stage)
            q.addBindValue(stageToString(*stage));
        for (const QString &id : chunk)
            q.addBindValue(id);
        if (!q.exec()) {
            m_error = q.lastError().text();
            qWarning("score look-up failed: %s", qPrintable(m_error));
            if (ok)
                *ok = false;
            return {};
        }
        while (q.next()) {
            Score s;
            s.arxivId = q.value(0).toString();
            s.paperVersion = q.value(1).toInt();
            s.criteriaId = criteriaId;
            s.model = model;
            s.stage = stageFromString(q.value(2).toString()).value_or(ScoreStage::Abstract);
            s.status = statusFromString(q.value(3).toString()).value_or(ScoreStatus::Unscored);
            s.relevance = q.value(4).toInt();
            s.novelty = q.value(5).toInt();
            s.comment = q.value(6).toString();
            s.reason = q.value(7).toString();
            out.append(s);
        }
        if (q.lastError().isValid()) { // a page that fails to read part-way through the rows
            m_error = q.lastError().text();
            if (ok)
                *ok = false;
            return {};
        }
    }
    return out;
}

std::optional<QHash<QString, Score>> ScoreRepository::existing(qint64 criteriaId, const QString &model,
                                                               ScoreStage stage, const QStringList &arxivIds)
{
    bool ok = false;
    const QList<Score> rows = query(criteriaId, model, stage, arxivIds, &ok);
    if (!ok)
        return std::nullopt;
    QHash<QString, Score> out;
    for (const Score &s : rows)
        out.insert(s.arxivId, s);
    return out;
}

QList<Score> ScoreRepository::forPapers(qint64 criteriaId, const QString &model, const QStringList &arxivIds, bool *ok)
{
    return query(criteriaId, model, std::nullopt, arxivIds, ok);
}
