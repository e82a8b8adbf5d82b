// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// One paper's scores as the model gave them (already validated).
struct ParsedScore
{
    QString arxivId;
    int relevance = 0;
    int novelty = 0;
    QString comment;

    friend bool operator==(const ParsedScore &, const ParsedScore &) = default;
};

struct AbstractReply
{
    QList<ParsedScore> scores;          // valid scores for batch papers, in reply order
    QStringList missing;                // batch papers without a valid score, in batch order
    QHash<QString, QString> whyMissing; // id -> reason, for those the reply did mention
    QStringList problems;               // everything rejected, for the log ("unknown id 2510.99999")
    bool foundJson = false;             // false: prose or nothing usable at all
};

struct TitleReply
{
    bool ok = false;     // a list was found (it may be empty: drop nothing)
    QStringList drop;    // batch ids to drop, in batch order
    QStringList problems;
};

// Reads LLM replies leniently: JSON lines, one JSON array, {"papers": [...]}, code fences, prose around
// the JSON, "},"-joined lines, unquoted keys, single quotes, trailing commas, numbers as strings
// ("8", "8/10"), keys in any case (ARXIVID, arxiv_id, id). Then it is strict about meaning: ids must
// be in the batch, scores whole numbers 1-10, and a paper scored twice is scored not at all. Comments
// lose their control characters but tab and newline.
class ScoreParser final
{
    Q_DECLARE_TR_FUNCTIONS(ScoreParser)

public:
    static AbstractReply parseAbstractReply(const QString &text, const QStringList &batchIds);
    // The title pre-filter's list of papers to drop: numbers (1-based batch positions) or arXiv ids.
    static TitleReply parseTitleReply(const QString &text, const QStringList &batchIds);

    // A reply is read up to this many characters (a batch's answer is a few KB); the rest is ignored.
    static constexpr qsizetype kMaxReplyLength = 1 << 20;

    // Every JSON object found in the text, flattening arrays and {"key": [objects]} wrappers. One pass
    // finds the candidates, so unbalanced or deeply nested braces cost linear time.
    static QList<QJsonObject> extractObjects(const QString &text);
    // "arXiv:2510.03438v2", "https://arxiv.org/abs/2510.03438" -> "2510.03438"
    static QString normalizeId(const QString &text);
};
