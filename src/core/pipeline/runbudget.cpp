// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbudget.h"

#include "selection/costestimator.h"
#include "storage/llmrequestrepository.h"
#include "storage/scorerepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QTimeZone>

namespace RunBudget {

double spentToday(Database &db)
{
    const QDateTime midnight(QDate::currentDate(), QTime(0, 0), QTimeZone::systemTimeZone());
    return LlmRequestRepository(db).costBetween(midnight.toUTC(), midnight.addDays(1).toUTC());
}

int stillToAnswer(Database &db, qint64 criteriaId, const QStringList &ids, const QString &model)
{
    ScoreRepository scores(db);
    const QHash<QString, Score> abstracts
        = scores.existing(criteriaId, model, ScoreStage::Abstract, ids).value_or(QHash<QString, Score>());
    const QHash<QString, Score> titles
        = scores.existing(criteriaId, model, ScoreStage::TitleFilter, ids).value_or(QHash<QString, Score>());
    int n = 0;
    for (const QString &id : ids) {
        const auto a = abstracts.constFind(id);
        if (a != abstracts.cend() && a->status == ScoreStatus::Scored)
            continue;
        const auto t = titles.constFind(id);
        if (t != titles.cend() && t->status == ScoreStatus::Dropped)
            continue;
        ++n;
    }
    return n;
}

RunEstimate estimate(Database &db, qint64 criteriaId, const QStringList &ids, const SelectionConfig &config,
    const PricingTable &prices, RunEstimate partial, QString *line)
{
    const int toSend = stillToAnswer(db, criteriaId, ids, config.model);
    const CostEstimate cost = CostEstimator::estimate(toSend, config, prices);
    partial.papers = toSend;
    partial.requests = toSend > 0 ? cost.requests() : 0;
    partial.usd = toSend > 0 ? cost.usd : 0;
    partial.priceKnown = cost.priceKnown;
    *line = (partial.priceKnown
                    ? QCoreApplication::translate("DailyRun", "Estimate for %1 papers: %2 LLM requests, about %3 tokens, about $%4 (papers answered "
                         "earlier are not sent again).")
                          .arg(toSend)
                          .arg(partial.requests)
                          .arg(toSend > 0 ? cost.usage.totalTokens() : 0)
                          .arg(partial.usd, 0, 'f', 3)
                    : QCoreApplication::translate("DailyRun", "Estimate for %1 papers: %2 LLM requests, about %3 tokens (no price known for %4).")
                          .arg(toSend)
                          .arg(partial.requests)
                          .arg(toSend > 0 ? cost.usage.totalTokens() : 0)
                          .arg(config.model));
    return partial;
}

} // namespace RunBudget
