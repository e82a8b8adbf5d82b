// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runsummary.h"

#include "domain/run.h"

#include <QString>

#include <utility>

class Database;
class PricingTable;

// What a finished run writes down and tells: its runs-row status and message, and the digest's own
// count and top paper in the summary (so the notification and the digest never disagree).
namespace RunRecord {

std::pair<RunStatus, QString> statusOf(const RunSummary &summary);
void fillFromDigest(Database &db, const PricingTable &prices, RunSummary &summary);
// Why a run that outlived its deadline was stopped.
QString deadlineMessage(qint64 deadlineMs);

} // namespace RunRecord
