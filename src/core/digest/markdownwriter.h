// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

struct Digest;

// The digest as Markdown in the reference tool's layout (docs/PIPELINE.md "Digest layout"): the title line,
// the token/cost table per model, the three totals, the table of contents with GitHub anchors, one block
// per paper, and the prompt as sent. Feed text is flattened to one line and '<' is written as &lt;, so
// a title or abstract can neither add Markdown structure nor raw HTML.
class MarkdownWriter final
{
    Q_DECLARE_TR_FUNCTIONS(MarkdownWriter)

public:
    static QString write(const Digest &digest);

    // Python's str(round(x, 2)) as the reference prints costs: 1.07, 0.3, 1.0.
    static QString formatCost(double usd);
    // One model's `| *[model]* | Prompt | Completion | Total |` table, padded like tabulate's github format.
    static QString usageTable(const QString &model, qint64 promptTokens, qint64 completionTokens,
                              const QString &promptCost, const QString &completionCost, const QString &totalCost);
};
