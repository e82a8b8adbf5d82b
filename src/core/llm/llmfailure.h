// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runfailure.h"
#include "llmprovider.h"
#include "llmresponse.h"

#include <QByteArray>
#include <QString>

#include <optional>

struct HttpResult;

// What a failed LLM call means, read from the HTTP result and the provider's error body: whether the
// same request may work later, whether every further request would fail the same way (a run-level
// cause), and how long the provider asks us to wait. The provider-specific words live here, next to
// LlmErrorText, and are tested with recorded bodies (tests/support/testdata/llm).
struct LlmFailure
{
    enum class Kind {
        KeyRejected,    // 401 / 403, Gemini's 400 API_KEY_INVALID
        PromptTooLarge, // 413, or a 400 about the context window in the provider's words
        FlexRefused,    // 400 "Unsupported service_tier: flex": this model or account has no flex tier
        FlexBusy,       // a flex request got 429 (no capacity) or no answer in time
        NotFound,       // 404: the model or the path does not exist
        BadParameter,   // another 4xx: the request itself is wrong (a parameter, a value)
        Unreachable,    // no HTTP answer: refused, DNS, TLS, dropped, timed out
        Transient,      // 429 / 5xx: the provider is busy or broken right now
        Content,        // 2xx, but no usable answer (not the provider's JSON, a refusal, no text)
    };

    Kind kind = Kind::Content;
    bool retryable = false;              // the same request may succeed if sent again
    std::optional<qint64> retryAfterMs;  // the provider's own wait (Retry-After, Gemini RetryInfo)
    int httpStatus = 0;                  // the provider's status (0: no HTTP answer)
    QString status;                      // llm_requests.status: timeout | http_error | parse_error
    QString message;                     // one line for people, no secrets

    // Every further request would fail the same way: the run stops at once.
    bool stopsAtOnce() const;
    // The run as a whole failed when this cause is final (after the retries).
    bool isRunLevel() const;
    // The RunFailureKind the run ends with when this is its cause.
    RunFailureKind runFailure() const;
};

namespace LlmFailures {
// call: the options the request was sent with (tier and timeout are part of the meaning).
LlmFailure classify(const QString &providerName, const HttpResult &result, const LlmResponse &response,
                    const LlmCallOptions &call);
// Gemini says when to come back in the error body (google.rpc.RetryInfo "retryDelay": "7s"), not in a
// Retry-After header. Milliseconds, saturated at 10^15 (never overflows).
std::optional<qint64> retryDelayFromBody(const QByteArray &body);
// The Retry-After header in milliseconds (seconds or an HTTP date), saturated like retryDelayFromBody.
std::optional<qint64> retryAfterMs(const HttpResult &result);
} // namespace LlmFailures
