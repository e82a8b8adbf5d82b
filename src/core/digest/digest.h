// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What one model used for the day's digest, and what it cost.
struct DigestModelUsage
{
    QString model;
    int requests = 0;
    qint64 promptTokens = 0;     // includes cachedTokens
    qint64 cachedTokens = 0;
    qint64 completionTokens = 0; // includes reasoningTokens
    qint64 reasoningTokens = 0;
    double promptCostUsd = 0;
    double completionCostUsd = 0;
    bool priceKnown = true;

    qint64 totalTokens() const { return promptTokens + completionTokens; }
    double totalCostUsd() const { return promptCostUsd + completionCostUsd; }
    friend bool operator==(const DigestModelUsage &, const DigestModelUsage &) = default;
};

// One selected paper, in digest order.
struct DigestPaper
{
    QString arxivId;
    int version = 1;
    QString title;
    QStringList authors;
    QString abstract;
    QString comment;             // the model's comment, or "Author match"
    std::optional<int> relevance;
    std::optional<int> novelty;
    bool authorMatch = false;    // by a followed author: ranked first, no scores needed
    QString followedAuthor;      // which followed author matched
    QStringList categories;      // primary first
    QString doi;
    QString journalRef;
    QString arxivComment;        // the authors' own comment ("14 pages")
    QDateTime published;

    friend bool operator==(const DigestPaper &, const DigestPaper &) = default;
};

// A paper the model never scored usably: shown, never silently dropped.
struct DigestUnscored
{
    QString arxivId;
    QString title;
    QString reason;

    friend bool operator==(const DigestUnscored &, const DigestUnscored &) = default;
};

// Everything a digest shows for one day (and run), collected from the database by DigestBuilder and
// written by MarkdownWriter, HtmlWriter, JsonWriter or BibtexWriter. Plain data: no formatting here.
struct Digest
{
    QDate day;
    qint64 runId = 0;
    QString runStatus;           // finished | failed | cancelled | budget | running
    QString runMessage;
    QStringList categories;
    QList<DigestModelUsage> usage;
    int totalArxiv = 0;          // announced in the categories, all types, de-duplicated
    int totalScanned = 0;        // after the announce-type filter, de-duplicated
    int totalRelevant = 0;       // selected (followed-author matches included)
    int relevanceCutoff = 8;
    int noveltyCutoff = 7;
    bool budgetReached = false;
    QList<DigestPaper> papers;   // ranked
    QList<DigestUnscored> unscored;
    QString systemPrompt;        // exactly as sent
    QString userPrompt;          // exactly as sent, with [PAPER LIST HERE] in place of the papers

    friend bool operator==(const Digest &, const Digest &) = default;
};
