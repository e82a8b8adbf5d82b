// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

struct HttpResult;
struct LlmFailure;
struct RetryPolicy;

// What a selection run does with a batch whose request failed: send it again (now, later, at the
// standard tier), ask again in smaller batches, give its papers up with a reason, or stop the run.
// Pure: the run carries the decision out (and counts failed batches for its circuit breaker).
// A wrong key, model (404) or parameter (400), or a TLS failure, stops the run at once; an outage (no
// connection, 429, 5xx) is retried and then fails the batch as a run-level cause; a bad reply (content)
// only concerns the batch's papers.
struct FailureDecision
{
    enum class Action {
        Retry,              // the same request after delayMs
        RetryAtStandard,    // flex refused: at once at the standard tier, and every later request too
        RetryLaterAtStandard, // flex busy: after delayMs at the standard tier
        Split,              // ask again in smaller batches
        GiveUp,             // failed for good: the papers get `reason`
        Abandon,            // the run is stopping anyway: leave the papers as they are
        StopRun,            // every further request would fail the same way
    };
    Action action = Action::GiveUp;
    qint64 delayMs = 0;
    QString reason;       // GiveUp: why, for the papers' rows (empty: the papers get no row)
    bool runLevel = false; // GiveUp: the cause fails the run (the run's circuit breaker counts it)
    QString runError;      // GiveUp, runLevel: what the run's error says (empty: the failure's message)
};

struct FailedBatch
{
    bool title = false;
    int papers = 0;
    int round = 0;       // 0: first ask
    int attempt = 0;     // HTTP attempts so far
    bool flex = false;   // sent at the flex tier
    bool stopping = false; // the run sends nothing more
};

namespace FailurePolicy {
// The longest wait a provider's Retry-After (or Gemini's retryDelay) gets honoured for; beyond it the
// batch is given up with "the provider asks to wait N s" instead of sitting for hours without a word.
inline constexpr qint64 kMaxWaitMs = 120'000;

FailureDecision decide(const LlmFailure &failure, const HttpResult &result, const FailedBatch &batch,
                       const RetryPolicy &retry);
} // namespace FailurePolicy
