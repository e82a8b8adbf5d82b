// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How a daily run ended, as the one value the exit code, the schedule and the notification read
// (docs/PIPELINE.md "Outcomes"). A run is exactly one of these; the cause of a failure is its
// RunFailureKind.
enum class RunOutcome {
    Done,            // every paper answered, at least one relevant
    NoAnnouncement,  // arXiv announced nothing that day (weekend, holiday): done, nothing to score
    NothingRelevant, // every paper answered, none met the cutoffs: done, not a failure
    PartlyScored,    // the daily budget stopped it, or some papers got no usable answer: done, digest says so
    Failed,          // the run could not do its job (arXiv, the provider, the database ...): retried later
    Cancelled,       // the user or a signal stopped it: not retried automatically
};
