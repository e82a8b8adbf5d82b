// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/llmusage.h"

#include <QString>

// A provider's answer, parsed from the HTTP status and body.
struct LlmResponse
{
    enum class Kind {
        Ok,         // text (may still be unusable: the scoring parser decides)
        HttpError,  // the provider answered with an error status
        BadBody,    // 2xx, but the body is not the provider's JSON (proxy page, cut-off body)
        Refused,    // 2xx, but no text: refusal, safety block, or empty content
    };

    Kind kind = Kind::Ok;
    int httpStatus = 0;
    QString text;             // the model's text (reasoning/thinking parts left out)
    QString model;            // the model the provider says answered (may carry a date suffix)
    QString finishReason;     // provider's own word: stop, length, end_turn, max_tokens, STOP, MAX_TOKENS ...
    bool truncated = false;   // the answer stopped at the output-token limit
    LlmUsage usage;           // normalised: promptTokens includes cached, completion includes reasoning
    bool usageReported = false;
    QString serviceTier;      // the tier the provider says processed (and bills) it; empty if it did not say
    QString error;            // one line for people, no secrets; empty when kind == Ok

    bool isOk() const { return kind == Kind::Ok; }
};
