// SPDX-License-Identifier: GPL-3.0-or-later
#include "latextext.h"

#include "latexmath.h"
#include "latexsymbols.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace LatexSymbols;

namespace {

// indexOf for a reader that only moves forward: a search that found nothing, or found a position still
// ahead, answers every later search without reading the text again. So "\emph{" or "\(" repeated without
// a closing "}" or "\)" costs one pass, not one pass to the end per occurrence.
class ForwardSearch
{
public:
    ForwardSearch(QStringView text, QStringView needle)
        : m_text(text)
        , m_needle(needle)
    {
    }

    qsizetype from(qsizetype pos)
    {
        if (pos < m_from || (m_found >= 0 && m_found < pos)) {
            m_from = pos;
            m_found = m_text.indexOf(m_needle, pos);
        }
        return m_found;
    }

private:
    QStringView m_text;
    QStringView m_needle;
    qsizetype m_from = std::numeric_limits<qsizetype>::max(); // nothing searched yet
    qsizetype m_found = -1;
};

// Index of the '$' closing an inline formula that starts at from, or -1.
qsizetype findClosingDollar(QStringView s, qsizetype from, bool display)
{
    for (qsizetype i = from; i < s.size(); ++i) {
        if (s.at(i) == u'\\') {
            ++i;
            continue;
        }
        if (s.at(i) == u'$') {
            if (!display)
                return i;
            if (i + 1 < s.size() && s.at(i + 1) == u'$')
                return i;
        }
    }
    return -1;
}

QString mathOrAsWritten(QStringView math, QStringView asWritten)
{
    const std::optional<QString> unicode = LatexMath::toUnicode(math);
    return unicode ? unicode->trimmed() : asWritten.toString();
}

// Text mode: accents, letters, dashes, ties and quotes (URLs kept as written), with $...$, \(...\) and \[...\] handed to LatexMath.
// Groups it reads again ({\"o}, \emph{..}) nest at most LatexMath::kMaxDepth deep; a deeper one is
// kept as written.
class TextReader
{
public:
    TextReader(QStringView s, int depth)
        : m_s(s)
        , m_depth(depth)
        , m_closeBrace(s, u"}")
        , m_openBrace(s, u"{")
        , m_closeParen(s, u"\\)")
        , m_closeBracket(s, u"\\]")
    {
    }

    QString read()
    {
        if (m_depth > LatexMath::kMaxDepth)
            return m_s.toString();
        QString out;
        out.reserve(m_s.size());
        while (m_i < m_s.size())
            readOne(out);
        return out;
    }

private:
    QString nested(QStringView inner) const { return TextReader(inner, m_depth + 1).read(); }

    bool at(qsizetype i, QStringView what) const { return m_s.mid(i).startsWith(what); }

    // Reads {x} or one character after a text accent; returns the accented letter(s).
    QString applyTextAccent(QChar accent)
    {
        QString base;
        if (m_i < m_s.size() && m_s.at(m_i) == u'{') {
            const qsizetype close = m_closeBrace.from(m_i);
            base = (close < 0 ? m_s.mid(m_i + 1) : m_s.mid(m_i + 1, close - m_i - 1)).toString();
            m_i = close < 0 ? m_s.size() : close + 1;
        } else {
            while (m_i < m_s.size() && m_s.at(m_i) == u' ')
                ++m_i;
            if (m_i < m_s.size())
                base = m_s.at(m_i++);
        }
        if (base == u"\\i"_s || base == u"i"_s)
            base = u"i"_s; // \'{\i} is an i with an accent, not a dotless one
        else if (base == u"\\j"_s)
            base = u"j"_s;
        return base + accent;
    }

    // $...$ or $$...$$ at m_i; false for an unmatched dollar.
    bool readDollarMath(QString &out)
    {
        const bool display = at(m_i, u"$$");
        const qsizetype start = m_i + (display ? 2 : 1);
        const qsizetype close = findClosingDollar(m_s, start, display);
        if (close < 0)
            return false;
        const qsizetype end = close + (display ? 2 : 1);
        out += mathOrAsWritten(m_s.mid(start, close - start), m_s.mid(m_i, end - m_i));
        m_i = end;
        return true;
    }

    // A backslash at m_i: \( \[ math, an accent, a letter, a wrapper; false when none of those.
    bool readCommand(QString &out)
    {
        const QChar next = m_s.at(m_i + 1);
        if (next == u'(' || next == u'[') {
            const qsizetype close = (next == u'(' ? m_closeParen : m_closeBracket).from(m_i + 2);
            if (close >= 0) {
                out += mathOrAsWritten(m_s.mid(m_i + 2, close - m_i - 2), m_s.mid(m_i, close + 2 - m_i));
                m_i = close + 2;
                return true;
            }
        }
        if (const QChar accent = textAccentFor(next); !accent.isNull() && !next.isLetter()) {
            m_i += 2;
            out += applyTextAccent(accent);
            return true;
        }
        if (!next.isLetter()) {
            const auto it = textLetters().constFind(QString(next));
            if (it == textLetters().cend())
                return false;
            out += *it;
            m_i += 2;
            return true;
        }
        qsizetype end = m_i + 1;
        while (end < m_s.size() && m_s.at(end).isLetter())
            ++end;
        const QString name = m_s.mid(m_i + 1, end - m_i - 1).toString();
        const bool groupFollows = end < m_s.size() && m_s.at(end) == u'{';
        if (name.size() == 1 && !textAccentFor(next).isNull() && groupFollows) {
            m_i = end;
            out += applyTextAccent(textAccentFor(next));
            return true;
        }
        if (const auto it = textLetters().constFind(name); it != textLetters().cend()) {
            out += *it;
            m_i = end;
            if (at(m_i, u"{}"))
                m_i += 2; // \ss{} and friends
            return true;
        }
        if (isPlainWrapper(name) && groupFollows) {
            const qsizetype close = m_closeBrace.from(end);
            if (close >= 0) {
                out += nested(m_s.mid(end + 1, close - end - 1));
                m_i = close + 1;
                return true;
            }
        }
        return false;
    }

    // {\"o} and {\ss}: braces that only group an accent command.
    bool readAccentGroup(QString &out)
    {
        const qsizetype close = m_closeBrace.from(m_i);
        if (close < 0)
            return false;
        const qsizetype innerOpen = m_openBrace.from(m_i + 1);
        if (innerOpen >= 0 && innerOpen < close)
            return false;
        out += nested(m_s.mid(m_i + 1, close - m_i - 1));
        m_i = close + 1;
        return true;
    }

    void readOne(QString &out)
    {
        const QChar c = m_s.at(m_i);
        if (c == u'$') {
            if (readDollarMath(out))
                return;
            out += m_s.mid(m_i); // an unmatched dollar is just a dollar
            m_i = m_s.size();
            return;
        }
        if (c == u'\\' && m_i + 1 < m_s.size() && readCommand(out))
            return;
        if (c == u'{' && m_i + 1 < m_s.size() && m_s.at(m_i + 1) == u'\\' && readAccentGroup(out))
            return;
        if (at(m_i, u"``")) {
            out += u'“';
            m_i += 2;
            return;
        }
        if (at(m_i, u"''")) {
            out += u'”';
            m_i += 2;
            return;
        }
        if (at(m_i, u"http://") || at(m_i, u"https://")) {
            readUrl(out);
            return;
        }
        if (at(m_i, u"---")) {
            out += u'—';
            m_i += 3;
            return;
        }
        // "1--10", "Bose--Einstein" and " -- " are en dashes; "--help" and a trailing "x--" are not.
        if (at(m_i, u"--") && spaceBefore(m_i) == spaceAfter(m_i + 2)) {
            out += u'–';
            m_i += 2;
            return;
        }
        // A tie between two words ("Fig.~1") is a no-break space; "~2x" (about twice) stays a tilde.
        if (c == u'~' && !spaceBefore(m_i) && !spaceAfter(m_i + 1)) {
            out += QChar(0x00A0);
            ++m_i;
            return;
        }
        out += c;
        ++m_i;
    }

    bool spaceBefore(qsizetype i) const { return i == 0 || m_s.at(i - 1).isSpace(); }
    bool spaceAfter(qsizetype i) const { return i >= m_s.size() || m_s.at(i).isSpace(); }

    // A URL as written, to the next white space: its "~user" and "--" are not TeX.
    void readUrl(QString &out)
    {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && !m_s.at(m_i).isSpace())
            ++m_i;
        out += m_s.mid(start, m_i - start);
    }

    const QStringView m_s;
    const int m_depth;
    qsizetype m_i = 0;
    ForwardSearch m_closeBrace;
    ForwardSearch m_openBrace;
    ForwardSearch m_closeParen;
    ForwardSearch m_closeBracket;
};

} // namespace

namespace LatexText {

QString mathToUnicode(const QString &math)
{
    if (math.size() > kMaxLength)
        return math;
    const std::optional<QString> unicode = LatexMath::toUnicode(math);
    return unicode ? unicode->trimmed().normalized(QString::NormalizationForm_C) : math;
}

QString toReadable(const QString &text)
{
    if (text.size() > kMaxLength)
        return text;
    if (!text.contains(u'\\') && !text.contains(u'$') && !text.contains(u"--"_s) && !text.contains(u"``"_s)
        && !text.contains(u"''"_s) && !text.contains(u'~'))
        return text; // the common case, kept cheap for large tables
    return TextReader(text, 0).read().normalized(QString::NormalizationForm_C);
}

} // namespace LatexText
