// SPDX-License-Identifier: GPL-3.0-or-later
#include "namekey.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace NameKey {

QString of(const QString &name)
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

} // namespace NameKey
