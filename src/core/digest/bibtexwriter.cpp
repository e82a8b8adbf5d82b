// SPDX-License-Identifier: GPL-3.0-or-later
#include "bibtexwriter.h"

#include "digest.h"
#include "text/controlchars.h"
#include "text/namekey.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// BibTeX's own count: it ends a field at the '}' that balances its '{', and a backslash does not hide a
// brace from it ("\}" counts). Counting "\{" and "\}" as literal let a title close its field (L6).
bool bracesBalanced(QStringView s)
{
    int depth = 0;
    for (const QChar c : s) {
        if (c == u'{')
            ++depth;
        else if (c == u'}' && --depth < 0)
            return false;
    }
    return depth == 0;
}

// Escapes text outside math. keepBraces: the braces are balanced, so they are kept as the TeX grouping
// (or \{ \}) they are. Otherwise every brace, escaped or not, becomes a command that prints it and holds
// only a balanced "{}".
QString escapeText(const QString &s, bool keepBraces)
{
    static const QString accents = u"`'^\"~=.uvHcdbrtk"_s;
    QString out;
    out.reserve(s.size() + 8);
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'\\') {
            const QChar next = i + 1 < s.size() ? s.at(i + 1) : QChar();
            if (!keepBraces && (next == u'{' || next == u'}')) {
                out += next == u'{' ? u"\\textbraceleft{}"_s : u"\\textbraceright{}"_s;
                ++i;
            } else if (next.isLetter() || (!next.isNull() && accents.contains(next))) {
                // A TeX command or accent: keep it with its argument character.
                out += c;
                out += next;
                ++i;
            } else if (!next.isNull() && QStringView(u"&%#_{}$\\ ").contains(next)) {
                out += c; // already escaped
                out += next;
                ++i;
            } else {
                out += u"\\textbackslash{}"_s;
            }
            continue;
        }
        switch (c.unicode()) {
        case u'&':
        case u'%':
        case u'#':
        case u'_':
            out += u'\\';
            out += c;
            break;
        case u'~':
            out += u"\\textasciitilde{}"_s;
            break;
        case u'^':
            out += u"\\textasciicircum{}"_s;
            break;
        case u'{':
            out += keepBraces ? u"{"_s : u"\\textbraceleft{}"_s;
            break;
        case u'}':
            out += keepBraces ? u"}"_s : u"\\textbraceright{}"_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Math whose braces do not balance: each brace as the math command that prints it.
QString neutralisedMath(const QString &math)
{
    QString out;
    for (qsizetype i = 0; i < math.size(); ++i) {
        QChar c = math.at(i);
        if (c == u'\\' && i + 1 < math.size() && (math.at(i + 1) == u'{' || math.at(i + 1) == u'}'))
            c = math.at(++i); // \{ prints what \lbrace prints
        if (c == u'{')
            out += u"\\lbrace{}"_s;
        else if (c == u'}')
            out += u"\\rbrace{}"_s;
        else
            out += c;
    }
    return out;
}

// Whether word is one {...} group from its first character to its last.
bool isOneGroup(QStringView word)
{
    if (!word.startsWith(u'{') || !word.endsWith(u'}'))
        return false;
    int depth = 0;
    for (qsizetype i = 0; i < word.size(); ++i) {
        depth += word.at(i) == u'{' ? 1 : word.at(i) == u'}' ? -1 : 0;
        if (depth == 0)
            return i == word.size() - 1;
    }
    return false;
}
} // namespace

QString BibtexWriter::protectCapitals(const QString &escaped)
{
    // Words end at spaces outside braces and outside $math$; the braces a word gets are balanced, and it
    // is split only where BibTeX's brace depth is 0, so the field stays balanced.
    QString out;
    out.reserve(escaped.size() + 16);
    qsizetype wordStart = 0;
    int depth = 0;
    bool inMath = false;
    auto flush = [&](qsizetype end) {
        const QStringView word = QStringView(escaped).mid(wordStart, end - wordStart);
        const bool capital = std::any_of(word.begin(), word.end(), [](QChar c) { return c.isUpper(); });
        if (capital && !isOneGroup(word))
            out += u'{' + word + u'}';
        else
            out += word;
    };
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        const QChar c = escaped.at(i);
        if (c == u'{')
            ++depth;
        else if (c == u'}')
            --depth;
        else if (c == u'$' && (i == 0 || escaped.at(i - 1) != u'\\'))
            inMath = !inMath;
        else if (c == u' ' && depth == 0 && !inMath) {
            flush(i);
            out += c;
            wordStart = i + 1;
        }
    }
    flush(escaped.size());
    return out;
}

QString BibtexWriter::escape(const QString &text)
{
    const QString s = ControlChars::stripped(text).simplified();
    const bool keepBraces = bracesBalanced(s);
    // Split into text and $...$ math; math is kept verbatim (it is TeX already), text is escaped.
    // An unmatched '$' is a literal dollar.
    QString out;
    qsizetype i = 0;
    while (i < s.size()) {
        qsizetype open = -1;
        for (qsizetype j = i; j < s.size(); ++j) {
            if (s.at(j) == u'$' && (j == 0 || s.at(j - 1) != u'\\')) {
                open = j;
                break;
            }
        }
        if (open < 0) {
            out += escapeText(s.mid(i), keepBraces);
            break;
        }
        qsizetype close = -1;
        for (qsizetype j = open + 1; j < s.size(); ++j) {
            if (s.at(j) == u'$' && s.at(j - 1) != u'\\') {
                close = j;
                break;
            }
        }
        out += escapeText(s.mid(i, open - i), keepBraces);
        if (close < 0) {
            out += u"\\$"_s + escapeText(s.mid(open + 1), keepBraces);
            break;
        }
        const QString math = s.mid(open, close - open + 1);
        out += !keepBraces && !bracesBalanced(math) ? neutralisedMath(math) : math;
        i = close + 1;
    }
    return out;
}

QString BibtexWriter::baseKey(const DigestPaper &p)
{
    auto ascii = [](const QString &s) {
        QString out;
        for (const QChar c : NameKey::of(s))
            if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
                out += c;
        return out;
    };
    QString family;
    if (!p.authors.isEmpty()) {
        const QStringList parts = NameKey::of(p.authors.first()).split(u' ', Qt::SkipEmptyParts);
        if (!parts.isEmpty())
            family = ascii(parts.last());
    }
    if (family.isEmpty())
        family = u"arxiv"_s;
    QString year;
    if (p.published.isValid())
        year = QString::number(p.published.date().year());
    else if (static const QRegularExpression newId(uR"(^(\d{2})(\d{2})\.\d{4,5}$)"_s); newId.match(p.arxivId).hasMatch())
        year = u"20"_s + p.arxivId.left(2);
    static const QRegularExpression stopWords(uR"(^(a|an|the|on|of|in|for|to|and|with|via|from|towards?)$)"_s);
    QString word;
    for (const QString &w : NameKey::of(p.title).split(u' ', Qt::SkipEmptyParts)) {
        const QString a = ascii(w);
        if (!a.isEmpty() && !stopWords.match(a).hasMatch()) {
            word = a;
            break;
        }
    }
    return family + year + word;
}

QString BibtexWriter::entry(const DigestPaper &p, const QString &key)
{
    QStringList fields;
    auto field = [&fields](const QString &name, const QString &value) {
        if (!value.isEmpty())
            fields << u"  "_s + name + u" = {"_s + value + u'}';
    };
    field(u"title"_s, protectCapitals(escape(p.title)));
    QStringList authors;
    for (const QString &a : p.authors)
        authors << escape(a);
    field(u"author"_s, authors.join(u" and "_s));
    QString year;
    if (p.published.isValid())
        year = QString::number(p.published.date().year());
    else if (static const QRegularExpression newId(uR"(^(\d{2})\d{2}\.\d{4,5}$)"_s); newId.match(p.arxivId).hasMatch())
        year = u"20"_s + p.arxivId.left(2);
    field(u"year"_s, year);
    const QString id = escape(p.arxivId); // an id is no TeX, but a hostile feed's may hold braces
    field(u"eprint"_s, id);
    field(u"archivePrefix"_s, u"arXiv"_s);
    field(u"primaryClass"_s, p.categories.isEmpty() ? QString() : escape(p.categories.first()));
    field(u"url"_s, u"https://arxiv.org/abs/"_s + id);
    // biblatex reads doi verbatim (a DOI may hold _ or %), so only braces, which would end the field, go.
    QString doi = p.doi.simplified();
    doi.remove(u'{').remove(u'}').remove(u'\\');
    field(u"doi"_s, doi);
    field(u"note"_s, escape(p.journalRef));
    return u"@misc{"_s + key + u",\n"_s + fields.join(u",\n"_s) + u"\n}\n"_s;
}

QString BibtexWriter::write(const Digest &d)
{
    QString out = u"% PaperSieve digest %1: %2 papers\n\n"_s.arg(d.day.toString(Qt::ISODate)).arg(d.papers.size());
    QSet<QString> used;
    for (const DigestPaper &p : d.papers) {
        const QString base = baseKey(p);
        QString key = base;
        for (char suffix = 'a'; used.contains(key) && suffix <= 'z'; ++suffix)
            key = base + QLatin1Char(suffix);
        if (used.contains(key))
            key = base + u'_' + p.arxivId;
        used.insert(key);
        out += entry(p, key) + u'\n';
    }
    return out;
}
