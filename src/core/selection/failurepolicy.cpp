// SPDX-License-Identifier: GPL-3.0-or-later
#include "failurepolicy.h"

#include "llm/llmfailure.h"
#include "net/httpclient.h"
#include "net/retrypolicy.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace {
qint64 delayFor(const LlmFailure &failure, const HttpResult &result, int attempt, const RetryPolicy &retry)
{
    if (!result.retryAfterSeconds()) {
        if (const auto body = LlmFailures::retryDelayFromBody(result.body))
            return std::min<qint64>(*body, INT_MAX);
    }
    Q_UNUSED(failure)
    return retry.delayMs(attempt, result);
}
} // namespace

FailureDecision FailurePolicy::decide(const LlmFailure &failure, const HttpResult &result, const FailedBatch &batch,
                                      const RetryPolicy &retry)
{
    using Kind = LlmFailure::Kind;
    using Action = FailureDecision::Action;
    FailureDecision d;
    if (batch.flex && !batch.stopping && failure.kind == Kind::FlexRefused) {
        d.action = Action::RetryAtStandard;
        return d;
    }
    if (batch.flex && !batch.stopping && failure.kind == Kind::FlexBusy) {
        d.action = Action::RetryLaterAtStandard; // a 429's Retry-After still applies
        d.delayMs = delayFor(failure, result, batch.attempt, retry);
        return d;
    }
    if (failure.stopsAtOnce()) {
        d.action = Action::StopRun;
        return d;
    }
    if (batch.stopping) {
        d.action = Action::Abandon;
        return d;
    }
    if (failure.retryable && batch.attempt < retry.maxAttempts) {
        d.action = Action::Retry;
        d.delayMs = delayFor(failure, result, batch.attempt, retry);
        return d;
    }
    // Smaller batches: once for a refusal (one paper may have set it off), down to single papers for a
    // prompt that does not fit.
    const bool refused = failure.kind == Kind::Content && !failure.retryable;
    if (batch.papers > 1 && ((refused && batch.round == 0) || failure.kind == Kind::PromptTooLarge)) {
        d.action = Action::Split;
        return d;
    }
    d.action = Action::GiveUp;
    d.runLevel = failure.isRunLevel();
    // A title batch gets no row: a 'kept' stored from a failure would skip the pre-filter on every
    // later run. Its papers go on to the abstract stage only when the provider answered (content).
    if (!batch.title)
        d.reason = QCoreApplication::translate("FailurePolicy", "no answer after %n attempt(s): %1", nullptr, batch.attempt)
                       .arg(failure.message);
    return d;
}
