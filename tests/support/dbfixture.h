// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

class Database;

// Rows the pipeline tests need, written with plain SQL on the v1 schema (ingest and scoring have
// their own repositories; these tests must not depend on how those evolve).
namespace DbFixture {
// A paper with its authors (one authors row per new name, shared by name like ingest does) and an
// announcement on `day`. Returns the paper row id.
qint64 addPaper(Database &db, const QString &arxivId, const QString &title, const QStringList &authors,
                const QDate &day, const QString &type = QStringLiteral("new"),
                const QString &category = QStringLiteral("cs.LG"), const QString &abstract = {});
qint64 addCriteria(Database &db, const QString &topics = QStringLiteral("topics"));
qint64 addRun(Database &db, const QDate &day, qint64 criteriaId, const QString &model,
              const QString &settingsJson = QStringLiteral("{}"));
// A scores row; relevance/novelty 0 mean NULL.
void addScore(Database &db, const QString &arxivId, qint64 criteriaId, const QString &model, const QString &stage,
              const QString &status, int relevance = 0, int novelty = 0, const QString &comment = {},
              const QString &reason = {}, qint64 runId = 0);
void addRequest(Database &db, qint64 runId, const QString &model, qint64 prompt, qint64 cached, qint64 completion,
                qint64 reasoning, double cost, const QString &stage = QStringLiteral("abstract"));
int count(Database &db, const QString &sql);
} // namespace DbFixture
