// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivtext.h"

#include "text/controlchars.h"

using namespace Qt::Literals::StringLiterals;

namespace {
// How far after a '&' its ';' may be: names of up to 9 characters ("#x10FFFF" and a leading zero).
constexpr qsizetype kMaxReferenceLength = 10;
} // namespace

QString ArxivText::simplify(const QString &text)
{
    // QString::simplified() itself: a hand-vectorised copy saved about 3 ms a day and was a second code
    // path to keep exact (docs/BENCHMARKS.md); not worth it.
    return text.simplified();
}

QString ArxivText::decodeEntities(const QString &text)
{
    if (!text.contains(u'&'))
        return ControlChars::stripped(text); // the common case: nothing to decode, and no copy
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != u'&') {
            out += c;
            continue;
        }
        // No reference we decode is longer: looking no further for the ';' keeps a text of many '&'
        // and no ';' at one pass, not one pass to the end per '&'.
        const qsizetype semiOffset = QStringView(text).mid(i + 1, kMaxReferenceLength).indexOf(u';');
        if (semiOffset < 0) {
            out += c;
            continue;
        }
        const qsizetype semi = i + 1 + semiOffset;
        const QStringView name = QStringView(text).mid(i + 1, semi - i - 1);
        char32_t decoded = 0;
        if (name == u"amp")
            decoded = u'&';
        else if (name == u"lt")
            decoded = u'<';
        else if (name == u"gt")
            decoded = u'>';
        else if (name == u"quot")
            decoded = u'"';
        else if (name == u"apos")
            decoded = u'\'';
        else if (name == u"nbsp")
            decoded = 0xA0;
        else if (name.size() >= 2 && name.at(0) == u'#') {
            bool ok = false;
            const uint value = (name.at(1) == u'x' || name.at(1) == u'X') ? name.mid(2).toUInt(&ok, 16)
                                                                           : name.mid(1).toUInt(&ok, 10);
            // Only real characters: no NUL, no surrogates, nothing past Unicode.
            if (ok && value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF))
                decoded = value;
        }
        if (decoded == 0) {
            out += c;
            continue;
        }
        out += QString::fromUcs4(&decoded, 1);
        i = semi;
    }
    // Decoded or not, no control character reaches a label, a digest or a terminal (ESC, BEL).
    return ControlChars::stripped(out);
}

QStringList ArxivText::splitAuthors(const QString &text)
{
    QStringList names;
    const QString t = simplify(text);
    if (t.isEmpty())
        return names;
    const QStringList parts = t.split(u',');
    for (QString part : parts) {
        part = part.trimmed();
        // "A, B, and C" and "B and C": the last element may hold two names joined by "and".
        if (part.startsWith(u"and "_s))
            part = part.mid(4).trimmed();
        qsizetype from = 0;
        for (;;) {
            const qsizetype at = part.indexOf(u" and "_s, from);
            if (at < 0)
                break;
            const QString left = part.left(at).trimmed();
            if (!left.isEmpty())
                names << left;
            part = part.mid(at + 5).trimmed();
            from = 0;
        }
        if (!part.isEmpty())
            names << part;
    }
    return names;
}
