// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlwriter.h"

#include "digest.h"
#include "domain/paper.h"
#include "markdownwriter.h"
#include "text/controlchars.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {
QString esc(const QString &text)
{
    // toHtmlEscaped covers & < > "; attributes are always double-quoted, and ' is escaped too. Control
    // characters (but tab and newline) go: they are no HTML, and the page may be printed to a terminal.
    return ControlChars::stripped(text).toHtmlEscaped().replace(u'\'', u"&#39;"_s);
}

// The abs URL only for something that really is an arXiv id, so no feed text becomes a link target.
QString absUrl(const QString &arxivId)
{
    QString id;
    if (!Paper::splitVersionedId(arxivId, &id, nullptr))
        return {};
    return u"https://arxiv.org/abs/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id, "/.-"));
}

QString cost(const DigestModelUsage &u, double value)
{
    return u.priceKnown ? u'$' + MarkdownWriter::formatCost(value) : u"n/a"_s;
}

const char *kStyle = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 50rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table.usage { border-collapse: collapse; margin: 1rem 0; }
table.usage th, table.usage td { border: 1px solid #ccc; padding: .25rem .75rem; text-align: center; }
.totals p { margin: .2rem 0; } .note { color: #555; font-size: .9rem; }
.paper { border-top: 1px solid #ddd; padding-top: .5rem; }
.meta { color: #444; } .scores { font-weight: 600; } .author-match { color: #8a4b00; font-weight: 600; }
blockquote { border-left: 3px solid #ccc; margin: 0; padding: .25rem 1rem; white-space: pre-wrap;
             font-family: ui-monospace, monospace; font-size: .85rem; color: #333; }
@media (prefers-color-scheme: dark) { body { background: #1e1e1e; color: #ddd; } .meta, .note { color: #aaa; }
  blockquote { color: #ccc; } a { color: #7ab7ff; } }
)";
} // namespace

QString HtmlWriter::write(const Digest &d)
{
    QString h;
    const QString title = u"Personalized Daily ArXiv Papers "_s + d.day.toString(Qt::ISODate);
    h += u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"_s;
    h += u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"_s;
    // No scripts, no remote loads: the page is safe to open from a mail or a file.
    h += u"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"_s;
    h += u"<title>"_s + esc(title) + u"</title>\n<style>"_s + QString::fromUtf8(kStyle) + u"</style>\n</head>\n<body>\n"_s;
    h += u"<h1>"_s + esc(title) + u"</h1>\n"_s;

    for (const DigestModelUsage &u : d.usage) {
        h += u"<table class=\"usage\">\n<tr><th><em>["_s + esc(u.model)
             + u"]</em></th><th>Prompt</th><th>Completion</th><th>Total</th></tr>\n"_s;
        h += u"<tr><th>Token</th><td>%1</td><td>%2</td><td>%3</td></tr>\n"_s.arg(u.promptTokens)
                 .arg(u.completionTokens)
                 .arg(u.totalTokens());
        h += u"<tr><th>Cost</th><td>%1</td><td>%2</td><td>%3</td></tr>\n</table>\n"_s.arg(
            cost(u, u.promptCostUsd), cost(u, u.completionCostUsd), cost(u, u.totalCostUsd()));
    }

    h += u"<div class=\"totals\">\n"_s;
    h += u"<p>Total arXiv papers: %1</p>\n<p>Total scanned papers: %2</p>\n<p>Total relevant papers: %3</p>\n"_s
             .arg(d.totalArxiv)
             .arg(d.totalScanned)
             .arg(d.totalRelevant);
    h += u"<p class=\"note\">"_s
         + esc(HtmlWriter::tr("Counts are de-duplicated: a paper listed in several categories counts once (the reference "
                  "tool counts it once per category)."))
         + u"</p>\n"_s;
    if (d.budgetReached)
        h += u"<p><strong>"_s
             + esc(HtmlWriter::tr("The daily budget was reached: papers not scored yet are not in this digest.")) + u"</strong></p>\n"_s;
    else if (!d.runMessage.isEmpty() && (d.runStatus == u"failed" || d.runStatus == u"cancelled"))
        h += u"<p><strong>"_s + esc(HtmlWriter::tr("This run did not finish: %1").arg(d.runMessage)) + u"</strong></p>\n"_s;
    if (!d.unscored.isEmpty())
        h += u"<p>"_s + esc(HtmlWriter::tr("Unscored papers: %1 (the model gave no usable answer for them; listed at the end).")
                              .arg(d.unscored.size()))
             + u"</p>\n"_s;
    h += u"</div>\n"_s;

    h += u"<h2>Table of contents with paper titles</h2>\n"_s;
    if (d.papers.isEmpty()) {
        h += u"<p><em>"_s + esc(HtmlWriter::tr("No paper passed the cutoffs.")) + u"</em></p>\n"_s;
    } else {
        h += u"<ol>\n"_s;
        for (qsizetype i = 0; i < d.papers.size(); ++i) {
            const DigestPaper &p = d.papers.at(i);
            h += u"<li><a href=\"#link%1\">"_s.arg(i + 1) + esc(p.title) + u"</a><br><span class=\"meta\">"_s
                 + esc(p.authors.join(u", "_s)) + u"</span></li>\n"_s;
        }
        h += u"</ol>\n"_s;
    }

    for (qsizetype i = 0; i < d.papers.size(); ++i) {
        const DigestPaper &p = d.papers.at(i);
        const QString url = absUrl(p.arxivId);
        h += u"<section class=\"paper\" id=\"link%1\">\n<h2>%1. "_s.arg(i + 1);
        h += url.isEmpty() ? esc(p.title) : u"<a href=\""_s + esc(url) + u"\">"_s + esc(p.title) + u"</a>"_s;
        h += u"</h2>\n"_s;
        h += u"<p><strong>ArXiv ID:</strong> "_s + esc(p.arxivId) + u"</p>\n"_s;
        h += u"<p><strong>Authors:</strong> "_s + esc(p.authors.join(u", "_s)) + u"</p>\n"_s;
        h += u"<p><strong>Abstract:</strong> "_s + esc(p.abstract) + u"</p>\n"_s;
        if (!p.comment.isEmpty())
            h += u"<p"_s + (p.authorMatch ? u" class=\"author-match\""_s : QString()) + u"><strong>Comment:</strong> "_s
                 + esc(p.comment) + u"</p>\n"_s;
        if (p.relevance && p.novelty)
            h += u"<p class=\"scores\">Relevance: %1 · Novelty: %2</p>\n"_s.arg(*p.relevance).arg(*p.novelty);
        h += u"</section>\n"_s;
    }

    if (!d.unscored.isEmpty()) {
        h += u"<h2>Unscored papers</h2>\n<ul>\n"_s;
        for (const DigestUnscored &u : d.unscored) {
            const QString url = absUrl(u.arxivId);
            h += u"<li>"_s
                 + (url.isEmpty() ? esc(u.arxivId) : u"<a href=\""_s + esc(url) + u"\">"_s + esc(u.arxivId) + u"</a>"_s)
                 + u" "_s + esc(u.title) + u": "_s + esc(u.reason) + u"</li>\n"_s;
        }
        h += u"</ul>\n"_s;
    }

    h += u"<h1>Paper Selection Prompt</h1>\n<h2>System Prompt</h2>\n<blockquote>"_s + esc(d.systemPrompt)
         + u"</blockquote>\n<h2>User Prompt</h2>\n<blockquote>"_s + esc(d.userPrompt) + u"</blockquote>\n"_s;
    h += u"</body>\n</html>\n"_s;
    return h;
}
