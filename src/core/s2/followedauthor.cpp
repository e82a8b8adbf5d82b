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

QString FollowedAuthor::normaliseName(const QString &name)
{
    // TeX accents as arXiv feeds carry them: \'e, \"{o}, \c{c}, {\o} ...
    // The closing brace may follow spaces, but spaces after a bare accented letter end the word.
    static const QRegularExpression texAccent(uR"(\\[`'^"~=.uvHcdbrtk]\s*\{?\s*([A-Za-z])(?:\s*\})?)"_s);
    static const QRegularExpression texLetter(uR"(\\(o|O|l|L|ss|ae|AE|oe|OE|aa|AA|i|j)\b)"_s);
    QString s = name;
    s.replace(texAccent, u"\\1"_s);
    s.replace(texLetter, u"\\1"_s);
    s = s.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(s.size());
    bool space = false;
    for (const QChar c : std::as_const(s)) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_SpacingCombining
            || c.category() == QChar::Mark_Enclosing)
            continue;
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += u' ';
            space = false;
            out += c.toLower();
        } else {
            space = true;
        }
    }
    // Letters without a decomposition that people type without the stroke.
    out.replace(u'ø', u'o').replace(u'ł', u'l').replace(u'ß', u"ss"_s).replace(u'æ', u"ae"_s).replace(u'œ', u"oe"_s);
    return out;
}
