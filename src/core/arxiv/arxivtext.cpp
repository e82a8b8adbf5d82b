// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivtext.h"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {
#if defined(__SSE2__)
// Eight UTF-16 units at p, as byte masks (two bits a unit): printable ASCII other than the space, the
// space itself, and ASCII white space (what QChar::isSpace() says below 0x80: 0x09-0x0D, 0x20).
struct Lanes
{
    __m128i chars, white;
    int plain, blank, whiteMask;
};

inline Lanes lanes(const QChar *p)
{
    Lanes l;
    l.chars = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    // Signed compares: units >= 0x8000 are negative, so they are neither plain nor white here.
    const __m128i plain = _mm_and_si128(_mm_cmpgt_epi16(l.chars, _mm_set1_epi16(0x20)),
                                        _mm_cmplt_epi16(l.chars, _mm_set1_epi16(0x80)));
    const __m128i blank = _mm_cmpeq_epi16(l.chars, _mm_set1_epi16(0x20));
    l.white = _mm_or_si128(blank, _mm_and_si128(_mm_cmpgt_epi16(l.chars, _mm_set1_epi16(0x08)),
                                                _mm_cmplt_epi16(l.chars, _mm_set1_epi16(0x0E))));
    l.plain = _mm_movemask_epi8(plain);
    l.blank = _mm_movemask_epi8(blank);
    l.whiteMask = _mm_movemask_epi8(l.white);
    return l;
}
#endif
} // namespace

QString ArxivText::simplify(const QString &text)
{
    // Exactly text.simplified(), faster (QString::simplified() was most of a 1,350-item feed's parse
    // time; docs/BENCHMARKS.md): most fields arrive clean but for a space at either end (an abstract
    // follows "Abstract: ") and are returned as they are or as one slice; the rest is collapsed in one
    // pass, eight characters at a time where they are ASCII with single white-space characters.
    const QChar *c = text.constData();
    qsizetype begin = 0, end = text.size();
    while (begin < end && c[begin].isSpace())
        ++begin;
    while (end > begin && c[end - 1].isSpace())
        --end;

    // Clean up to i: no white space but single spaces.
    qsizetype i = begin;
    bool lastBlank = false;
#if defined(__SSE2__)
    while (end - i >= 8) {
        const Lanes l = lanes(c + i);
        if ((l.plain | l.blank) != 0xFFFF || (l.blank & (l.blank >> 2)) != 0 || (lastBlank && (l.blank & 1)))
            break;
        lastBlank = (l.blank & 0x8000) != 0;
        i += 8;
    }
#endif
    for (; i < end; ++i) {
        const char16_t u = c[i].unicode();
        if (u > u' ' && u < 0x80) {
            lastBlank = false;
        } else if (u == u' ' && !lastBlank) {
            lastBlank = true;
        } else if (u == u' ' || c[i].isSpace()) {
            break;
        } else {
            lastBlank = false;
        }
    }
    if (i == end)
        return begin == 0 && end == text.size() ? text : text.mid(begin, end - begin);

    QString out(end - begin, Qt::Uninitialized);
    QChar *o = out.data();
    std::copy(c + begin, c + i, o);
    o += i - begin;
    bool lastSpace = lastBlank; // the output ends with a space
    while (i < end) {
#if defined(__SSE2__)
        if (end - i >= 8) {
            const Lanes l = lanes(c + i);
            if ((l.plain | l.whiteMask) == 0xFFFF && (l.whiteMask & (l.whiteMask >> 2)) == 0
                && !(lastSpace && (l.whiteMask & 1))) {
                // Lone white-space characters become spaces.
                const __m128i spaced = _mm_or_si128(_mm_andnot_si128(l.white, l.chars),
                                                    _mm_and_si128(l.white, _mm_set1_epi16(0x20)));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o), spaced);
                o += 8;
                i += 8;
                lastSpace = (l.whiteMask & 0x8000) != 0;
                continue;
            }
        }
#endif
        const QChar ch = c[i++];
        const char16_t u = ch.unicode();
        if ((u > u' ' && u < 0x80) || !ch.isSpace()) {
            *o++ = ch;
            lastSpace = false;
        } else if (!lastSpace) {
            *o++ = u' '; // c[end - 1] is no space: text always follows
            lastSpace = true;
        }
    }
    out.truncate(o - out.constData());
    return out;
}

QString ArxivText::decodeEntities(const QString &text)
{
    if (!text.contains(u'&'))
        return text; // the common case: nothing to do, no copy
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c != u'&') {
            out += c;
            continue;
        }
        const qsizetype semi = text.indexOf(u';', i + 1);
        if (semi < 0 || semi - i > 10) {
            out += c;
            continue;
        }
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
    return out;
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
