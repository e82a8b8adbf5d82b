// SPDX-License-Identifier: GPL-3.0-or-later
#include "failurepolicy.h"

#include "llm/llmfailure.h"
#include "net/httpclient.h"
#include "net/retrypolicy.h"

#include <algorithm>
#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace {
// The provider's own wait if it named one, else RetryPolicy's backoff. In qint64: "Retry-After:
// 4294967296" is a number, not an overflow. RetryPolicy never sees the header, whose int arithmetic
// would overflow on such values.
qint64 delayFor(const LlmFailure &failure, const HttpResult &result, int attempt, const RetryPolicy &retry)
{
    if (failure.retryAfterMs)
        return *failure.retryAfterMs;
    HttpResult plain = result;
    plain.headers.remove("retry-after");
    return retry.delayMs(attempt, plain);
}

} // namespace

FailureDecision FailurePolicy::decide(
    const LlmFailure &failure, const HttpResult &result, const FailedBatch &batch, const RetryPolicy &retry)
{
    using Kind = LlmFailure::Kind;
    using Action = FailureDecision::Action;
    FailureDecision d;
    if (batch.flex && !batch.stopping && failure.kind == Kind::FlexRefused) {
        d.action = Action::RetryAtStandard;
        return d;
    }
    // A provider that asks for a longer wait than we honour: not waited for, in any tier.
    const qint64 wait = failure.retryAfterMs.value_or(0);
    if (!batch.stopping && wait > kMaxWaitMs && (failure.retryable || failure.kind == Kind::FlexBusy)) {
        d.action = Action::GiveUp;
        d.runLevel = true;
        d.reason
            = QCoreApplication::translate("FailurePolicy", "the provider asks to wait %1 s").arg((wait + 999) / 1000);
        d.runError = failure.message + u"; "_s + d.reason;
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
    // (The text keeps SelectionRun's translation context, where it was translated before the split.)
    if (!batch.title)
        d.reason
            = QCoreApplication::translate("SelectionRun", "no answer after %n attempt(s): %1", nullptr, batch.attempt)
                  .arg(failure.message);
    return d;
}
