// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

// A Semantic Scholar author as the Graph API returns it (only the fields PaperSieve asks for).
struct S2Author
{
    QString authorId;          // may be empty: S2 lists some paper authors without a profile
    QString name;
    std::optional<int> hIndex; // absent when not requested or not known
    int paperCount = -1;
};

// A Semantic Scholar paper with its author list (from /paper/batch).
struct S2Paper
{
    QString paperId;
    QString arxivId; // externalIds.ArXiv, without version
    QList<S2Author> authors;
};
