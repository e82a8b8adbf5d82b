// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "followedauthor.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// One author of a paper as the matcher sees it.
struct PaperAuthorRef
{
    QString name;
    QString s2Id; // empty when Semantic Scholar has not identified this author of this paper
};

struct AuthorMatch
{
    FollowedAuthor followed;
    QString paperAuthorName;
    bool byId = false; // matched by Semantic Scholar id (certain) rather than by name (may be a namesake)
};

// Decides whether a paper is by an author the user follows.
//  - A followed author with an id matches an author of the paper with the same id. When S2 has not
//    identified that author of the paper (new papers often are not in S2 yet), the normalised name
//    decides; when S2 has identified them as someone else (a namesake), it does not match.
//  - A followed author without an id matches by normalised name, so namesakes match too; an id found
//    by a unique name search (resolvedIds) also matches, which catches other spellings of the name.
class AuthorMatcher final
{
public:
    explicit AuthorMatcher(QList<FollowedAuthor> followed, QHash<QString, QString> resolvedIds = {});

    bool isEmpty() const { return m_followed.isEmpty(); }
    std::optional<AuthorMatch> match(const QList<PaperAuthorRef> &authors) const;

private:
    struct Entry
    {
        FollowedAuthor followed;
        QString normalisedName;
        QString resolvedId; // from a unique name search, for name-only lines
    };
    QList<Entry> m_followed;
};
