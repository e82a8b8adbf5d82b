// SPDX-License-Identifier: GPL-3.0-or-later
#include "latexmath.h"

#include "latexsymbols.h"

using namespace Qt::Literals::StringLiterals;
using namespace LatexSymbols;

namespace {

bool needsParentheses(const QString &piece)
{
    if (piece.size() <= 1)
        return false;
    for (QChar c : piece) {
        if (c.isSpace() || c == u'+' || c == u'-' || c == u'/' || c == u'−' || c == u'·' || c == u'×'
            || c == u'=' || c == u',')
            return true;
    }
    return false;
}

QString parenthesized(const QString &piece)
{
    return needsParentheses(piece) ? u"("_s + piece + u")"_s : piece;
}

// A small recursive-descent reader of one math expression. Each group is read by a reader one level
// deeper; past kMaxDepth the whole expression is given up (tooDeep), and every reader stops.
class MathReader
{
public:
    MathReader(QStringView source, int depth, bool &tooDeep)
        : m_s(source)
        , m_depth(depth)
        , m_tooDeep(tooDeep)
    {
        if (m_depth > LatexMath::kMaxDepth)
            m_tooDeep = true;
    }

    QString readAll()
    {
        QString out;
        while (!atEnd() && !m_tooDeep)
            out += readAtom();
        return out;
    }

private:
    bool atEnd() const { return m_i >= m_s.size(); }

    void skipSpaces()
    {
        while (!atEnd() && m_s.at(m_i).isSpace())
            ++m_i;
    }

    QString nested(QStringView source) { return MathReader(source, m_depth + 1, m_tooDeep).readAll(); }

    // The contents of a {...} group starting at m_i (which is '{'), raw.
    QStringView rawGroup()
    {
        int depth = 0;
        const qsizetype start = m_i + 1;
        for (; m_i < m_s.size(); ++m_i) {
            const QChar c = m_s.at(m_i);
            if (c == u'\\') {
                ++m_i; // skip the escaped character
                continue;
            }
            if (c == u'{')
                ++depth;
            else if (c == u'}' && --depth == 0) {
                ++m_i;
                return m_s.mid(start, m_i - 1 - start);
            }
        }
        m_i = m_s.size();
        return m_s.mid(std::min(start, m_s.size())); // unbalanced: take the rest
    }

    // A command argument: a group, a command or one character; raw source text.
    QStringView rawArgument()
    {
        skipSpaces();
        if (atEnd())
            return {};
        const QChar c = m_s.at(m_i);
        if (c == u'{')
            return rawGroup();
        const qsizetype start = m_i;
        if (c == u'\\') {
            ++m_i;
            if (!atEnd() && m_s.at(m_i).isLetter()) {
                while (!atEnd() && m_s.at(m_i).isLetter())
                    ++m_i;
            } else if (!atEnd()) {
                ++m_i;
            }
            return m_s.mid(start, m_i - start);
        }
        ++m_i;
        return m_s.mid(start, 1);
    }

    QString convertedArgument() { return nested(rawArgument()); }

    QString readScript(bool super)
    {
        const QString arg = convertedArgument();
        const QString mapped = toScript(arg, super);
        if (!mapped.isNull())
            return mapped;
        const QString mark = super ? u"^"_s : u"_"_s;
        return mark + parenthesized(arg);
    }

    QString readCommand()
    {
        ++m_i; // the backslash
        if (atEnd())
            return u"\\"_s;
        const qsizetype start = m_i;
        if (m_s.at(m_i).isLetter()) {
            while (!atEnd() && m_s.at(m_i).isLetter())
                ++m_i;
        } else {
            ++m_i;
        }
        const QString name = m_s.mid(start, m_i - start).toString();

        const auto &symbols = mathSymbols();
        if (const auto it = symbols.constFind(name); it != symbols.cend())
            return *it;
        if (isNamedOperator(name))
            return name == u"mod"_s || name == u"bmod"_s ? u" mod "_s : name;
        if (name == u"mathcal"_s || name == u"mathbb"_s) {
            QString out;
            for (QChar c : convertedArgument())
                out += scriptLetter(c, name == u"mathbb"_s);
            return out;
        }
        if (isPlainWrapper(name))
            return convertedArgument();
        if (name == u"sqrt"_s) {
            QString root = u"√"_s;
            skipSpaces();
            if (!atEnd() && m_s.at(m_i) == u'[') {
                const qsizetype close = m_s.indexOf(u']', m_i);
                const QString index = close < 0 ? QString() : m_s.mid(m_i + 1, close - m_i - 1).trimmed().toString();
                m_i = close < 0 ? m_s.size() : close + 1;
                root = index == u"3"_s ? u"∛"_s : index == u"4"_s ? u"∜"_s : toScript(index, true) + u"√"_s;
            }
            const QString arg = convertedArgument();
            return root + (arg.size() > 1 ? u"("_s + arg + u")"_s : arg);
        }
        if (name == u"frac"_s || name == u"dfrac"_s || name == u"tfrac"_s) {
            const QString num = convertedArgument();
            const QString den = convertedArgument();
            return parenthesized(num) + u"/"_s + parenthesized(den);
        }
        if (name == u"binom"_s) {
            const QString n = convertedArgument();
            const QString k = convertedArgument();
            return u"C("_s + n + u", "_s + k + u")"_s;
        }
        if (const QChar accent = combiningAccentFor(name); !accent.isNull()) {
            const QString arg = convertedArgument();
            return arg.isEmpty() ? QString(accent) : arg + accent;
        }
        if (name == u"not"_s) {
            const QString arg = convertedArgument();
            return arg + QChar(0x0338);
        }
        return u"\\"_s + name; // unknown: keep it as the authors wrote it
    }

    QString readAtom()
    {
        const QChar c = m_s.at(m_i);
        if (c == u'\\')
            return readCommand();
        if (c == u'{')
            return nested(rawGroup());
        if (c == u'}') {
            ++m_i; // stray closing brace
            return QString();
        }
        if (c == u'^' || c == u'_') {
            ++m_i;
            return readScript(c == u'^');
        }
        if (c == u'\'') {
            ++m_i;
            return u"′"_s;
        }
        if (c == u'~') {
            ++m_i;
            return QString(QChar(0x00A0)); // a tie: no-break space
        }
        ++m_i;
        return QString(c);
    }

    const QStringView m_s;
    const int m_depth;
    bool &m_tooDeep;
    qsizetype m_i = 0;
};

} // namespace

namespace LatexMath {

std::optional<QString> toUnicode(QStringView math)
{
    bool tooDeep = false;
    QString out = MathReader(math, 0, tooDeep).readAll();
    if (tooDeep)
        return std::nullopt;
    return out;
}

} // namespace LatexMath
