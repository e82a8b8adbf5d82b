// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrecord.h"

#include "digest/digestbuilder.h"

#include <QCoreApplication>

#include <algorithm>

namespace RunRecord {

std::pair<RunStatus, QString> statusOf(const RunSummary &s)
{
    if (!s.error.isEmpty())
        return {RunStatus::Failed, s.error};
    if (s.cancelled)
        return {RunStatus::Cancelled, QCoreApplication::translate("DailyRun", "Cancelled.")};
    if (s.budgetReached)
        return {RunStatus::BudgetReached,
                QCoreApplication::translate("DailyRun", "The daily budget was reached; papers not scored yet are left for later.")};
    if (s.noAnnouncement)
        return {RunStatus::Finished, QCoreApplication::translate("DailyRun", "No announcement on this day.")};
    return {RunStatus::Finished, QString()};
}

void fillFromDigest(Database &db, const PricingTable &prices, RunSummary &summary)
{
    DigestBuilder builder(db, prices);
    if (const std::optional<Digest> digest = builder.forRun(summary.runId)) {
        summary.relevant = digest->totalRelevant;
        summary.topTitle.clear();
        summary.topArxivId.clear();
        if (!digest->papers.isEmpty()) {
            summary.topTitle = digest->papers.first().title;
            summary.topArxivId = digest->papers.first().arxivId;
        }
    }
}

QString deadlineMessage(qint64 deadlineMs)
{
    if (deadlineMs >= 60000)
        return QCoreApplication::translate("DailyRun", "The run did not end within %1 min and was stopped (a server "
                                                       "stopped answering?).")
            .arg(std::max<qint64>(1, deadlineMs / 60000));
    return QCoreApplication::translate("DailyRun", "The run did not end within %1 s and was stopped (a server "
                                                   "stopped answering?).")
        .arg(double(deadlineMs) / 1000.0, 0, 'f', 1);
}

} // namespace RunRecord
