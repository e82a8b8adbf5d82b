// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

struct HIndexDecision
{
    bool keep = true;
    QString reason;                 // one line for the scores table and the UI
    std::optional<int> highest;     // the highest known h-index among the authors
    int unknownAuthors = 0;         // authors without a known h-index
};

// The optional h-index stage: drop a paper only when EVERY author has a KNOWN h-index below the
// cutoff. An author Semantic Scholar does not know (new papers, new researchers, name not linked)
// is not evidence of a low h-index, so any unknown author keeps the paper: the stage only removes
// what it can justify, and the LLM stages judge the rest.
namespace HIndexFilter {
HIndexDecision decide(const QList<std::optional<int>> &authorHIndexes, int cutoff);
}
