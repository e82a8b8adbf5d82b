// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

// What a run is about to spend, told before the first LLM request (DailyRun::estimateReady): the
// command line refuses an estimate over what is left of the daily budget unless --yes is given; the
// window may ask first (DailyRun::OverBudget::Ask).
struct RunEstimate
{
    int papers = 0;           // papers that still need an answer (answered ones are not sent again)
    int requests = 0;
    double usd = 0;
    bool priceKnown = false;  // false: the model has no price; usd is 0 and no budget check is possible
    double budgetUsd = 0;     // the daily budget; 0: none
    double budgetLeftUsd = 0; // what today's earlier requests left of it (meaningful when budgetUsd > 0)

    bool exceedsBudget() const { return budgetUsd > 0 && priceKnown && usd > budgetLeftUsd; }
};
Q_DECLARE_METATYPE(RunEstimate)
