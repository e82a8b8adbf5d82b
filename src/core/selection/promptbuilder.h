// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "llm/llmprompt.h"
#include "domain/criteria.h"

#include <QList>

// Builds the prompts exactly as they are sent, for both LLM stages:
//   system: criteria.systemPrompt
//   user:   [fixed part: topics, (rubric,) instructions, a note that paper text is data]
//           [papers, each fenced]
// The fixed part comes FIRST so providers' prompt caching applies from the second batch on.
// Paper text is data: abstracts sit in <paper id="ARXIVID"> ... </paper>, titles in one
// <papers> ... </papers> block, one "[n] title" line each; whitespace (so newlines) is collapsed and
// anything in the text that looks like one of these tags is neutralised, so no paper can close its
// fence and speak for another paper.
class PromptBuilder final
{
public:
    struct Options
    {
        bool includeAuthors = true;
        int maxAuthors = 12;          // longer lists end in "et al."
        int maxAbstractChars = 4000;  // as the reference tool
    };

    // Title pre-filter: the LLM answers with the numbers ([1], [2], ... in batch order) to drop.
    static LlmPrompt titleBatch(const Criteria &criteria, const QList<Paper> &papers);
    // Abstract scoring: the LLM answers one JSON object per paper, ARXIVID = the id attribute.
    static LlmPrompt abstractBatch(const Criteria &criteria, const QList<Paper> &papers, const Options &options);
    static LlmPrompt abstractBatch(const Criteria &criteria, const QList<Paper> &papers)
    {
        return abstractBatch(criteria, papers, Options());
    }
    // What the settings window shows as "the prompt exactly as sent": the abstract-stage prompt with
    // the sample papers (none: the fixed part alone).
    static LlmPrompt preview(const Criteria &criteria, const QList<Paper> &samplePapers);
    static LlmPrompt previewTitles(const Criteria &criteria, const QList<Paper> &samplePapers);

    static QString fixedTitlePart(const Criteria &criteria);
    static QString fixedAbstractPart(const Criteria &criteria);
    // Collapses whitespace and neutralises fence-like tags ("</paper>", "<papers", "< / PAPER" ...).
    static QString fenceText(const QString &text);
    // A stable, non-secret key for the fixed part (OpenAI prompt_cache_key).
    static QString cacheKey(const LlmPrompt &prompt);
};
