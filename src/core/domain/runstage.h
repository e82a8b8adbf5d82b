// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

// The stages a daily run reports progress for, in the order they start. The text a person reads is
// made where it is shown (the window, the tray, `papersieve run`), in the user's language.
enum class RunStage {
    Feed,      // the day's feed (or the catch-up listing) from arXiv
    Metadata,  // completing the stored papers through the arXiv API
    Authors,   // followed authors and the h-index cutoff (Semantic Scholar)
    PreFilter, // the LLM's title pre-filter
    Scoring,   // the LLM's abstract scoring
};
Q_DECLARE_METATYPE(RunStage)
