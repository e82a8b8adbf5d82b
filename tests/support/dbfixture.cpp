// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbfixture.h"

#include "storage/database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace {
QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QSqlQuery run(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        qFatal("DbFixture: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q;
}
} // namespace

qint64 DbFixture::addPaper(Database &db, const QString &arxivId, const QString &title, const QStringList &authors,
                           const QDate &day, const QString &type, const QString &category, const QString &abstract)
{
    QSqlQuery existing = run(db, u"SELECT id FROM papers WHERE arxiv_id = ?"_s, {arxivId});
    qint64 paperId = 0;
    if (existing.next()) {
        paperId = existing.value(0).toLongLong();
    } else {
        paperId = run(db,
                      u"INSERT INTO papers (arxiv_id, title, abstract, authors_text, categories, primary_category, "
                      "first_seen) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                      {arxivId, title, abstract.isEmpty() ? u"Abstract of "_s + title : abstract,
                       authors.join(u", "_s), category, category, now()})
                      .lastInsertId()
                      .toLongLong();
        for (int i = 0; i < authors.size(); ++i) {
            QSqlQuery a = run(db, u"SELECT id FROM authors WHERE name = ? AND s2_id IS NULL"_s, {authors.at(i)});
            qint64 authorId = 0;
            if (a.next())
                authorId = a.value(0).toLongLong();
            else
                authorId = run(db, u"INSERT INTO authors (name) VALUES (?)"_s, {authors.at(i)}).lastInsertId().toLongLong();
            run(db, u"INSERT INTO paper_authors (paper_id, position, author_id) VALUES (?, ?, ?)"_s,
                {paperId, i, authorId});
        }
    }
    run(db, u"INSERT OR REPLACE INTO announcements (paper_id, day, category, type) VALUES (?, ?, ?, ?)"_s,
        {paperId, day.toString(Qt::ISODate), category, type});
    return paperId;
}

qint64 DbFixture::addCriteria(Database &db, const QString &topics)
{
    return run(db,
               u"INSERT INTO criteria_versions (created, topics, system_prompt, rubric, title_postfix, "
               "abstract_postfix, content_hash) VALUES (?, ?, 'system', 'rubric', 'tp', 'ap', ?)"_s,
               {now(), topics, QString(u"hash-"_s + topics)})
        .lastInsertId()
        .toLongLong();
}

qint64 DbFixture::addRun(Database &db, const QDate &day, qint64 criteriaId, const QString &model,
                         const QString &settingsJson)
{
    return run(db,
               u"INSERT INTO runs (day, started, status, settings_json, criteria_id, model) "
               "VALUES (?, ?, 'finished', ?, ?, ?)"_s,
               {day.toString(Qt::ISODate), now(), settingsJson, criteriaId, model})
        .lastInsertId()
        .toLongLong();
}

void DbFixture::addScore(Database &db, const QString &arxivId, qint64 criteriaId, const QString &model,
                         const QString &stage, const QString &status, int relevance, int novelty,
                         const QString &comment, const QString &reason, qint64 runId)
{
    const QVariant nullInt(QMetaType::fromType<int>());
    run(db,
        u"INSERT INTO scores (paper_id, paper_version, criteria_id, model, stage, status, relevance, novelty, "
        "comment, reason, run_id, created) SELECT id, version, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM papers "
        "WHERE arxiv_id = ?"_s,
        {criteriaId, model, stage, status, relevance > 0 ? QVariant(relevance) : nullInt,
         novelty > 0 ? QVariant(novelty) : nullInt, QString(comment.isNull() ? u""_s : comment),
         QString(reason.isNull() ? u""_s : reason),
         runId > 0 ? QVariant(runId) : QVariant(QMetaType::fromType<qint64>()), now(), arxivId});
}

void DbFixture::addRequest(Database &db, qint64 runId, const QString &model, qint64 prompt, qint64 cached,
                           qint64 completion, qint64 reasoning, double cost, const QString &stage)
{
    run(db,
        u"INSERT INTO llm_requests (run_id, stage, provider, model, started, prompt_tokens, cached_tokens, "
        "completion_tokens, reasoning_tokens, cost_usd, status) VALUES (?, ?, 'openai', ?, ?, ?, ?, ?, ?, ?, 'ok')"_s,
        {runId, stage, model, now(), prompt, cached, completion, reasoning, cost});
}

int DbFixture::count(Database &db, const QString &sql)
{
    QSqlQuery q = run(db, sql, {});
    return q.next() ? q.value(0).toInt() : -1;
}
