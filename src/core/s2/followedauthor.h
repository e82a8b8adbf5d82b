// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One line of the followed-authors setting: "Name" or "Name, S2ID" ('#' starts a comment).
struct FollowedAuthor
{
    QString name;
    QString s2Id; // Semantic Scholar author id the user gave; empty: match by name

    friend bool operator==(const FollowedAuthor &, const FollowedAuthor &) = default;

    // Each entry may hold several lines (the settings editor stores one text block).
    static QList<FollowedAuthor> parseLines(const QStringList &lines);
};
