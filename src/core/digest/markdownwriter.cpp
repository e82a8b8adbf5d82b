// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownwriter.h"

#include "digest.h"
#include "domain/paper.h"
#include "text/controlchars.h"

#include <QCoreApplication>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {
// Feed text on one line (no headings or rules from a newline), without control characters, no raw
// HTML, and no Markdown of its own. The text never starts a line (it follows "1. [", "**Abstract:** "),
// so only inline syntax matters: the backslash and every character that opens or closes an inline
// construct (code, emphasis, links and images, entities, GFM strikethrough and table cells) are
// backslash-escaped, the backslash too, so "\]" becomes "\\\]" and no bracket is ever live.
QString inlineText(const QString &text)
{
    static const QStringView special = u"\\`*_[]&~|";
    const QString s = ControlChars::stripped(text).simplified();
    QString out;
    out.reserve(s.size() + s.size() / 8);
    for (const QChar c : s) {
        if (c == u'<') {
            out += u"&lt;"_s; // no autolink, no raw HTML
            continue;
        }
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString linkText(const QString &text)
{
    return inlineText(text);
}

// The abs page of something that really is an arXiv id; empty otherwise, so no feed text becomes a
// link target.
QString absUrl(const QString &arxivId)
{
    QString id;
    if (!Paper::splitVersionedId(arxivId, &id, nullptr))
        return {};
    return u"https://arxiv.org/abs/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id, "/.-"));
}

QString blockquote(const QString &text)
{
    QStringList out;
    const QStringList lines = text.split(u'\n');
    for (QString line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        line = ControlChars::stripped(line);
        line.replace(u'<', u"&lt;"_s);
        out << u"> "_s + line;
    }
    return out.join(u'\n');
}
} // namespace

QString MarkdownWriter::formatCost(double usd)
{
    QString s = QString::number(std::round(usd * 100.0) / 100.0, 'f', 2);
    if (s.endsWith(u'0'))
        s.chop(1);
    return s;
}

QString MarkdownWriter::usageTable(const QString &model, qint64 promptTokens, qint64 completionTokens,
                                   const QString &promptCost, const QString &completionCost, const QString &totalCost)
{
    const QList<QStringList> rows = {
        {u"*["_s + model + u"]*"_s, u"Prompt"_s, u"Completion"_s, u"Total"_s},
        {u"**Token**"_s, QString::number(promptTokens), QString::number(completionTokens),
         QString::number(promptTokens + completionTokens)},
        {u"**Cost**"_s, promptCost, completionCost, totalCost},
    };
    // tabulate(tablefmt="github"): a column is as wide as its widest cell, and at least header + 2.
    QList<qsizetype> widths(4, 0);
    for (int c = 0; c < 4; ++c) {
        widths[c] = rows[0][c].size() + 2;
        for (const QStringList &row : rows)
            widths[c] = std::max(widths[c], row[c].size());
    }
    auto line = [&](const QStringList &row) {
        QString s = u"|"_s;
        for (int c = 0; c < 4; ++c)
            s += u' ' + row[c].leftJustified(widths[c], u' ') + u" |"_s;
        return s;
    };
    QString sep = u"|"_s;
    for (int c = 0; c < 4; ++c)
        sep += u':' + QString(widths[c], u'-') + u":|"_s;
    return line(rows[0]) + u'\n' + sep + u'\n' + line(rows[1]) + u'\n' + line(rows[2]);
}

QString MarkdownWriter::write(const Digest &d)
{
    QStringList parts;
    parts << u"# Personalized Daily ArXiv Papers "_s + d.day.toString(Qt::ISODate);

    for (const DigestModelUsage &u : d.usage) {
        const QString na = u"n/a"_s;
        parts << usageTable(u.model, u.promptTokens, u.completionTokens,
                            u.priceKnown ? u'$' + formatCost(u.promptCostUsd) : na,
                            u.priceKnown ? u'$' + formatCost(u.completionCostUsd) : na,
                            u.priceKnown ? u'$' + formatCost(u.totalCostUsd()) : na);
        if (!u.priceKnown)
            parts << MarkdownWriter::tr("No price is known for %1; add it to the pricing table to see costs.").arg(inlineText(u.model));
    }

    parts << u"Total arXiv papers: %1"_s.arg(d.totalArxiv);
    parts << u"Total scanned papers: %1"_s.arg(d.totalScanned);
    parts << u"Total relevant papers: %1"_s.arg(d.totalRelevant);
    parts << u"*"_s
                 + MarkdownWriter::tr("Counts are de-duplicated: a paper listed in several categories counts once (the reference "
                      "tool counts it once per category).")
                 + u'*';
    if (d.budgetReached)
        parts << u"**"_s + MarkdownWriter::tr("The daily budget was reached: papers not scored yet are not in this digest.")
                     + u"**"_s;
    else if (!d.runMessage.isEmpty() && (d.runStatus == u"failed" || d.runStatus == u"cancelled"))
        parts << u"**"_s + MarkdownWriter::tr("This run did not finish: %1").arg(inlineText(d.runMessage)) + u"**"_s;
    if (!d.unscored.isEmpty())
        parts << MarkdownWriter::tr("Unscored papers: %1 (the model gave no usable answer for them; listed at the end).")
                     .arg(d.unscored.size());

    parts << u"**Table of contents with paper titles:**"_s;
    QStringList toc;
    QStringList blocks;
    for (qsizetype i = 0; i < d.papers.size(); ++i) {
        const DigestPaper &p = d.papers.at(i);
        const QString n = QString::number(i + 1);
        const QString authors = inlineText(p.authors.join(u", "_s));
        toc << n + u". ["_s + linkText(p.title) + u"](#user-content-link"_s + n + u")\n**Authors:** "_s + authors;

        const QString url = absUrl(p.arxivId);
        QString b = u"## "_s + n + u". "_s
                    + (url.isEmpty() ? linkText(p.title) : u"["_s + linkText(p.title) + u"]("_s + url + u')')
                    + u" <a id=\"link"_s + n + u"\"></a>\n\n"_s;
        b += u"**ArXiv ID:** "_s + inlineText(p.arxivId) + u"\n\n"_s;
        b += u"**Authors:** "_s + authors + u"\n\n"_s;
        b += u"**Abstract:** "_s + inlineText(p.abstract);
        if (!p.comment.isEmpty())
            b += u"\n\n**Comment:** "_s + inlineText(p.comment);
        if (p.relevance && p.novelty)
            b += u"\n\n**Relevance:** %1\n**Novelty:** %2"_s.arg(*p.relevance).arg(*p.novelty);
        blocks << b;
    }
    parts << (toc.isEmpty() ? u"*"_s + MarkdownWriter::tr("No paper passed the cutoffs.") + u'*' : toc.join(u"\n\n"_s));
    parts << u"---"_s;
    if (!blocks.isEmpty()) {
        parts << blocks.join(u"\n\n---\n\n"_s);
        parts << u"---"_s;
    }
    if (!d.unscored.isEmpty()) {
        QStringList lines;
        for (const DigestUnscored &u : d.unscored) {
            const QString url = absUrl(u.arxivId);
            const QString id = url.isEmpty() ? inlineText(u.arxivId) : u"["_s + inlineText(u.arxivId) + u"]("_s + url + u')';
            lines << u"- %1 %2: %3"_s.arg(id, linkText(u.title), inlineText(u.reason));
        }
        parts << u"# Unscored Papers"_s << lines.join(u'\n') << u"---"_s;
    }
    parts << u"# Paper Selection Prompt"_s;
    parts << u"## System Prompt"_s << blockquote(d.systemPrompt);
    parts << u"## User Prompt"_s << blockquote(d.userPrompt);
    return parts.join(u"\n\n"_s) + u'\n';
}
