// SPDX-License-Identifier: GPL-3.0-or-later
#include "followedauthor.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

QList<FollowedAuthor> FollowedAuthor::parseLines(const QStringList &entries)
{
    static const QRegularExpression numericId(uR"(^\d{1,20}$)"_s);
    QList<FollowedAuthor> result;
    for (const QString &entry : entries) {
        for (QString line : entry.split(u'\n')) {
            if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
                line.truncate(hash);
            line = line.trimmed();
            if (line.isEmpty())
                continue;
            FollowedAuthor a;
            const qsizetype comma = line.lastIndexOf(u',');
            const QString tail = comma >= 0 ? line.mid(comma + 1).trimmed() : QString();
            if (comma > 0 && numericId.match(tail).hasMatch()) {
                a.name = line.left(comma).trimmed();
                a.s2Id = tail;
            } else {
                a.name = line;
            }
            if (a.name.isEmpty() && a.s2Id.isEmpty())
                continue;
            if (!result.contains(a))
                result.append(a);
        }
    }
    return result;
}
