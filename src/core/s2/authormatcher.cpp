// SPDX-License-Identifier: GPL-3.0-or-later
#include "authormatcher.h"

#include "text/namekey.h"

AuthorMatcher::AuthorMatcher(QList<FollowedAuthor> followed, QHash<QString, QString> resolvedIds)
{
    for (FollowedAuthor &f : followed) {
        Entry e;
        e.normalisedName = NameKey::of(f.name);
        if (f.s2Id.isEmpty())
            e.resolvedId = resolvedIds.value(f.name);
        e.followed = std::move(f);
        m_followed.append(std::move(e));
    }
}

std::optional<AuthorMatch> AuthorMatcher::match(const QList<PaperAuthorRef> &authors) const
{
    // Matches by id are certain, so look for them first.
    for (const Entry &e : m_followed) {
        const QString id = e.followed.s2Id.isEmpty() ? e.resolvedId : e.followed.s2Id;
        if (id.isEmpty())
            continue;
        for (const PaperAuthorRef &a : authors) {
            if (a.s2Id == id)
                return AuthorMatch{e.followed, a.name, true};
        }
    }
    for (const Entry &e : m_followed) {
        if (e.normalisedName.isEmpty())
            continue;
        for (const PaperAuthorRef &a : authors) {
            if (NameKey::of(a.name) != e.normalisedName)
                continue;
            // The user named a specific person and S2 says this is someone else: a namesake.
            if (!e.followed.s2Id.isEmpty() && !a.s2Id.isEmpty() && a.s2Id != e.followed.s2Id)
                continue;
            return AuthorMatch{e.followed, a.name, false};
        }
    }
    return std::nullopt;
}
