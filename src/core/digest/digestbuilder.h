// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

class Database;
class PricingTable;

// Collects a run's Digest from the database (docs/PIPELINE.md "Digest"):
//  - the papers: those announced on the run's day in its categories with a kept announce type;
//    followed-author matches first, then every paper whose abstract score meets the run's cutoffs,
//    by relevance + novelty, then relevance, then arXiv id. Scores are read for the run's criteria
//    version and model, whichever run paid for them (a resumed run reuses earlier answers);
//  - the unscored: candidates that no stage dropped and no stage answered (an 'unscored' row, or no
//    row at all because the run stopped: budget, cancel, crash), with the reason;
//  - the usage table: per model, every LLM request of every run of that day, so a digest finished
//    by a rerun still shows what the whole day cost; costs from the pricing table;
//  - the counts from feed_days; the prompt exactly as sent with [PAPER LIST HERE] for the papers.
class DigestBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(DigestBuilder)

public:
    DigestBuilder(Database &db, const PricingTable &prices);

    static inline const QString kPaperListMarker = QStringLiteral("[PAPER LIST HERE]");

    std::optional<Digest> forRun(qint64 runId, QString *error = nullptr);
    // The newest run of that day.
    std::optional<Digest> latestForDay(const QDate &day, QString *error = nullptr);

    // The day's candidate papers (arXiv ids, sorted) for these categories and announce types.
    QStringList candidates(const QDate &day, const QStringList &categories, const QStringList &announceTypes);

private:
    QList<DigestModelUsage> usageForDay(const QDate &day);

    Database &m_db;
    const PricingTable &m_prices;
};
