// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runestimate.h"
#include "selection/selectionconfig.h"

#include <QString>
#include <QStringList>

class Database;
class PricingTable;

// What a run may still spend and what it would still send, before anything is paid for.
namespace RunBudget {

// Spent on LLM requests today, the local calendar day (what the user sees as "today"). A read error is
// +infinity: a budget check fails closed, never open.
double spentToday(Database &db);
// The papers among `ids` a selection with this criteria version and model would send: not those with an
// abstract score or dropped by the title pre-filter (SelectionRun's resume rule). A read error counts
// every paper: the estimate errs high, and the selection itself then stops before sending anything.
int stillToAnswer(Database &db, qint64 criteriaId, const QStringList &ids, const QString &model);

// `partial` (its budget fields) completed with what sending `ids` with `config` would cost; *line is the
// notice a person reads ("Estimate for N papers: ...").
RunEstimate estimate(Database &db, qint64 criteriaId, const QStringList &ids, const SelectionConfig &config,
    const PricingTable &prices, RunEstimate partial, QString *line);

} // namespace RunBudget
