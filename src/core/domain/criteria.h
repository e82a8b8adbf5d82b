// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// What the researcher wants, as the texts the LLM is sent. The defaults are the reference tool's
// (resources/prompts/*.md); the user edits the topics and may edit the rest. A criteria version is
// identified by contentHash(): scores are only reused for the same hash (and model).
struct Criteria
{
    QString systemPrompt;
    QString topics;
    QString rubric;
    QString titlePostfix;    // instructions for the title pre-filter (a JSON list of numbers to drop)
    QString abstractPostfix; // instructions for abstract scoring (JSONL {ARXIVID, COMMENT, RELEVANCE, NOVELTY})

    static Criteria defaults();
    // Lower-case hex sha256 over all five texts, trimmed as they are sent (each length-prefixed, so
    // moving text between fields changes the hash).
    QByteArray contentHash() const;

    friend bool operator==(const Criteria &, const Criteria &) = default;
};
