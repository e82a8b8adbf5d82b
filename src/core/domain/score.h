// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Which selection stage produced a score row.
enum class ScoreStage { AuthorMatch, HIndex, TitleFilter, Abstract };

// What the stage decided for the paper.
enum class ScoreStatus {
    Scored,   // abstract stage: relevance and novelty present
    Kept,     // a filter stage let it through
    Dropped,  // a filter stage dropped it (reason says why)
    Unscored, // the LLM never gave a usable answer (reason says why); shown, never silently lost
};

struct Score
{
    QString arxivId;
    int paperVersion = 1;
    qint64 criteriaId = 0;
    QString model;
    ScoreStage stage = ScoreStage::Abstract;
    ScoreStatus status = ScoreStatus::Scored;
    int relevance = 0; // 1..10 when Scored
    int novelty = 0;   // 1..10 when Scored
    QString comment;
    QString reason;
};
