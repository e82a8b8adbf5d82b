// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/score.h"

#include <QList>
#include <QString>
#include <QStringList>

// What one answered request decided, paper by paper: pure (no HTTP, no database), so the rules for
// partial, unusable and suspicious replies are tested on their own.
struct BatchOutcome
{
    // Answers to store, by arXiv id (stage, status, scores, comment, reason); the caller adds the
    // paper version, criteria and model.
    QList<Score> rows;
    QStringList again;               // ask once more, in smaller batches
    QStringList keptUnstored;        // title stage in doubt: go on to the abstract stage, stored nowhere
    QString status = QStringLiteral("ok"); // llm_requests.status: ok | parse_error
    QString problem;                 // for the request row's error column
};

namespace BatchOutcomes {
// A first title reply that drops every paper of a batch of at least this many is asked again in halves.
inline constexpr int kSuspectBatch = 10;
// round: 0 the first ask, 1 asked again (then nothing is asked a third time).
BatchOutcome fromTitleReply(const QStringList &ids, int round, const QString &text);
BatchOutcome fromAbstractReply(const QStringList &ids, int round, const QString &text, bool truncated);
} // namespace BatchOutcomes
