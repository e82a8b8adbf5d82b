// SPDX-License-Identifier: GPL-3.0-or-later
#include "digest/bibtexwriter.h"
#include "digest/digest.h"
#include "digest/htmlwriter.h"
#include "digest/jsonwriter.h"
#include "digest/markdownwriter.h"
#include "seedfixture.h"
#include "testdata.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// CommonMark's backslash escapes of ASCII punctuation undone, and the writer's "&lt;".
QString unescapeMarkdown(const QString &markdown)
{
    static const QRegularExpression escaped(uR"(\\([!-/:-@\[-`{-~]))"_s);
    QString s = markdown;
    s.replace(escaped, u"\\1"_s);
    return s.replace(u"&lt;"_s, u"<"_s);
}

// What GitHub shows for our Markdown, reduced to the text the reference digest was copied as:
// links become their text, anchors and emphasis vanish, escapes are undone.
QString renderLikeGitHub(const QString &markdown)
{
    static const QRegularExpression link(uR"(\[((?:\\.|[^\]\\])*)\]\([^)]*\))"_s);
    static const QRegularExpression anchor(uR"(\s*<a id="link\d+"></a>)"_s);
    QString s = markdown;
    s.replace(anchor, QString());
    s.replace(link, u"\\1"_s);
    s.replace(u"**"_s, QString());
    s = unescapeMarkdown(s);
    QStringList lines;
    for (QString line : s.split(u'\n')) {
        if (line.startsWith(u"## "_s))
            line = line.mid(3);
        else if (line.startsWith(u"# "_s))
            line = line.mid(2);
        lines << line;
    }
    return lines.join(u'\n');
}

// The destination of every inline link "[text](destination)" CommonMark would see: a ']' that no
// backslash escapes, directly followed by '('. Autolinks would need a '<', which feed text never has.
QStringList linkDestinations(const QString &markdown)
{
    QStringList out;
    for (qsizetype i = 0; i + 1 < markdown.size(); ++i) {
        if (markdown.at(i) == u'\\') {
            ++i;
            continue;
        }
        if (markdown.at(i) == u']' && markdown.at(i + 1) == u'(') {
            const qsizetype end = markdown.indexOf(u')', i + 2);
            out << markdown.mid(i + 2, end < 0 ? -1 : end - i - 2);
        }
    }
    return out;
}

// Field names of each entry, read as BibTeX reads them: @type{key, name = {value}, ...}, where the
// value ends at the '}' balancing its '{' and a backslash hides no brace.
QList<QStringList> bibtexFields(const QString &bib)
{
    QList<QStringList> entries;
    qsizetype i = 0;
    auto skipSpace = [&] {
        while (i < bib.size() && bib.at(i).isSpace())
            ++i;
    };
    while ((i = bib.indexOf(u'@', i)) >= 0) {
        i = bib.indexOf(u'{', i);
        if (i < 0)
            break;
        i = bib.indexOf(u',', i) + 1; // after the key
        QStringList names;
        for (;;) {
            skipSpace();
            if (i >= bib.size() || bib.at(i) == u'}') {
                ++i;
                break;
            }
            const qsizetype nameStart = i;
            while (i < bib.size() && (bib.at(i).isLetterOrNumber() || bib.at(i) == u'_'))
                ++i;
            names << bib.mid(nameStart, i - nameStart);
            skipSpace();
            if (i >= bib.size() || bib.at(i) != u'=')
                return {}; // not BibTeX any more
            ++i;
            skipSpace();
            if (i >= bib.size() || bib.at(i) != u'{')
                return {};
            int depth = 0;
            for (; i < bib.size(); ++i) {
                depth += bib.at(i) == u'{' ? 1 : bib.at(i) == u'}' ? -1 : 0;
                if (depth == 0)
                    break;
            }
            ++i;
            skipSpace();
            if (i < bib.size() && bib.at(i) == u',')
                ++i;
        }
        entries << names;
    }
    return entries;
}

QStringList matching(const QString &text, const QRegularExpression &re)
{
    QStringList out;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        out << it.next().captured(1);
    return out;
}
} // namespace

class TestDigestWriters : public QObject
{
    Q_OBJECT

private slots:
    void markdownHeaderLikeReference();
    void markdownTocAndAnchors();
    void markdownPaperBlocksMatchReference();
    void markdownPromptAtTheEnd();
    void markdownAuthorMatchAndUnscored();
    void markdownFeedTextCannotAddStructure();
    void markdownFeedTextCannotAddLinks();
    void costFormat_data();
    void costFormat();
    void htmlEscapesFeedText();
    void htmlIsSelfContained();
    void bibtexEscapes_data();
    void bibtexEscapes();
    void bibtexEntriesAndUniqueKeys();
    void bibtexFeedTextCannotAddFields();
    void bibtexProtectsCapitals_data();
    void bibtexProtectsCapitals();
    void writersDropControlCharacters();
    void jsonRoundTrip();
    void jsonRejectsOtherDocuments();
};

void TestDigestWriters::markdownHeaderLikeReference()
{
    const Digest d = SeedFixture::load();
    const QString md = MarkdownWriter::write(d);
    const QStringList blocks = md.split(u"\n\n"_s);
    QCOMPARE(blocks.at(0), u"# Personalized Daily ArXiv Papers 2025-10-07"_s);
    // tabulate's github layout, as the reference markdown source has it.
    const QStringList table = blocks.at(1).split(u'\n');
    QCOMPARE(table.size(), 4);
    QVERIFY(table.at(0).startsWith(u"| *[gpt-5]* "_s));
    QVERIFY(table.at(1).startsWith(u"|:-"_s));
    const QStringList token = table.at(2).split(u'|', Qt::SkipEmptyParts);
    QCOMPARE(token.at(0).trimmed(), u"**Token**"_s);
    QCOMPARE(token.at(1).trimmed(), u"109658"_s);
    QCOMPARE(token.at(2).trimmed(), u"106795"_s);
    QCOMPARE(token.at(3).trimmed(), u"216453"_s);
    const QStringList cost = table.at(3).split(u'|', Qt::SkipEmptyParts);
    QCOMPARE(cost.at(1).trimmed(), u"$0.14"_s);
    QCOMPARE(cost.at(2).trimmed(), u"$1.07"_s);
    QCOMPARE(cost.at(3).trimmed(), u"$1.21"_s);
    for (const QString &row : table) // columns line up
        QCOMPARE(row.size(), table.at(0).size());
    QCOMPARE(blocks.at(2), u"Total arXiv papers: 1350"_s);
    QCOMPARE(blocks.at(3), u"Total scanned papers: 866"_s);
    QCOMPARE(blocks.at(4), u"Total relevant papers: 70"_s);

    // The reference as rendered: the same header lines in the same order.
    const QString seed = QString::fromUtf8(TestData::read(u"digest/seed-digest.txt"_s));
    const QStringList seedLines = seed.split(u'\n');
    QCOMPARE(seedLines.at(0), u"Personalized Daily ArXiv Papers 2025-10-07"_s);
    QVERIFY(seedLines.contains(u"Total arXiv papers: 1350"_s));
    QVERIFY(seedLines.contains(u"| Cost | $0.14 | $1.07 | $1.21 |"_s));
    const QString rendered = renderLikeGitHub(md);
    QVERIFY(rendered.indexOf(u"Total arXiv papers"_s) < rendered.indexOf(u"Total scanned papers"_s));
    QVERIFY(rendered.indexOf(u"Total relevant papers"_s) < rendered.indexOf(u"Table of contents with paper titles:"_s));
}

void TestDigestWriters::markdownTocAndAnchors()
{
    const Digest d = SeedFixture::load();
    const QString md = MarkdownWriter::write(d);
    static const QRegularExpression tocLine(uR"(^(\d+)\. \[(.*)\]\(#user-content-link(\d+)\)$)"_s,
                                            QRegularExpression::MultilineOption);
    auto it = tocLine.globalMatch(md);
    int n = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        ++n;
        QCOMPARE(m.captured(1).toInt(), n);
        QCOMPARE(m.captured(3).toInt(), n);
        QCOMPARE(unescapeMarkdown(m.captured(2)), d.papers.at(n - 1).title);
        // Each anchor the table of contents points at exists exactly once.
        QCOMPARE(md.count(u"<a id=\"link%1\"></a>"_s.arg(n)), 1);
    }
    QCOMPARE(n, 70);
    // "**Authors:**" follows each entry on its own line, as in the reference.
    QVERIFY(md.contains(u"1. [Boomerang Distillation Enables Zero-Shot Model Size Interpolation](#user-content-link1)\n"
                        "**Authors:** Sara Kangaslahti, Nihal V. Nayak"_s));
}

void TestDigestWriters::markdownPaperBlocksMatchReference()
{
    const Digest d = SeedFixture::load();
    const QString rendered = renderLikeGitHub(MarkdownWriter::write(d));
    const QString seed = QString::fromUtf8(TestData::read(u"digest/seed-digest.txt"_s));

    // The same papers in the same order, with the same scores line ("Relevance: R Novelty: N" once the
    // single newline is rendered as a space).
    static const QRegularExpression idLine(uR"(^ArXiv ID: (\S+)$)"_s, QRegularExpression::MultilineOption);
    QCOMPARE(matching(rendered, idLine), matching(seed, idLine));
    static const QRegularExpression scores(uR"(^Relevance: (\d+)\nNovelty: (\d+)$)"_s, QRegularExpression::MultilineOption);
    QStringList ours;
    for (auto it = scores.globalMatch(rendered); it.hasNext();) {
        const auto m = it.next();
        ours << m.captured(1) + u' ' + m.captured(2);
    }
    static const QRegularExpression seedScores(uR"(^Relevance: (\d+ )Novelty: (\d+)$)"_s, QRegularExpression::MultilineOption);
    QStringList theirs;
    for (auto it = seedScores.globalMatch(seed); it.hasNext();) {
        const auto m = it.next();
        theirs << m.captured(1) + m.captured(2);
    }
    QCOMPARE(ours.size(), 70);
    QCOMPARE(ours, theirs);

    // A whole block, as GitHub shows it, equals the reference's lines for that paper.
    const qsizetype start = seed.indexOf(u"70. MACE:"_s);
    QVERIFY(start > 0);
    const QString seedBlock = seed.mid(start, seed.indexOf(u"\nPaper Selection Prompt"_s) - start);
    const qsizetype ourStart = rendered.lastIndexOf(u"70. MACE:"_s); // the block, not the contents entry
    QString ourBlock = rendered.mid(ourStart, rendered.indexOf(u"\n\n---"_s, ourStart) - ourStart);
    ourBlock.replace(u"\n\n"_s, u"\n"_s).replace(u"\nNovelty:"_s, u" Novelty:"_s);
    ourBlock.replace(u"](https://arxiv.org/abs/2510.03283)"_s, QString());
    QCOMPARE(ourBlock, seedBlock);
}

void TestDigestWriters::markdownPromptAtTheEnd()
{
    Digest d = SeedFixture::load();
    d.userPrompt = u"## Relevant Topics\nMoE\n\n## Papers\n\n[PAPER LIST HERE]"_s;
    const QString md = MarkdownWriter::write(d);
    const qsizetype prompt = md.indexOf(u"\n# Paper Selection Prompt\n"_s);
    QVERIFY(prompt > md.indexOf(u"<a id=\"link70\">"_s));
    QVERIFY(md.indexOf(u"\n## System Prompt\n\n> You are a helpful paper reading assistant"_s) > prompt);
    QVERIFY(md.contains(u"## User Prompt\n\n> ## Relevant Topics\n> MoE\n> \n> ## Papers\n> \n> [PAPER LIST HERE]\n"_s));
    QVERIFY(md.endsWith(u"> [PAPER LIST HERE]\n"_s));
    // The papers end with a rule before the prompt, as in the reference.
    QVERIFY(md.mid(0, prompt).trimmed().endsWith(u"---"_s));
}

void TestDigestWriters::markdownAuthorMatchAndUnscored()
{
    Digest d;
    d.day = QDate(2026, 9, 24);
    DigestPaper p;
    p.arxivId = u"2609.00001"_s;
    p.title = u"By someone I follow"_s;
    p.authors = {u"Ada Lovelace"_s};
    p.comment = u"Author match"_s;
    p.authorMatch = true;
    d.papers << p;
    d.unscored << DigestUnscored{u"2609.00002"_s, u"Lost paper"_s, u"no usable answer"_s};
    d.totalRelevant = 1;
    d.budgetReached = true;
    const QString md = MarkdownWriter::write(d);
    QVERIFY(md.contains(u"**Comment:** Author match"_s));
    QVERIFY(!md.contains(u"**Relevance:**"_s)); // no scores for an author match without scores
    QVERIFY(md.contains(u"daily budget was reached"_s));
    QVERIFY(md.contains(u"# Unscored Papers\n\n- [2609.00002](https://arxiv.org/abs/2609.00002) Lost paper: no usable answer"_s));
}

void TestDigestWriters::markdownFeedTextCannotAddStructure()
{
    Digest d;
    d.day = QDate(2026, 9, 24);
    DigestPaper p;
    p.arxivId = u"2609.00003"_s;
    p.title = u"Evil](https://evil.example) <img src=x onerror=alert(1)>"_s;
    p.authors = {u"A\n# Not a heading"_s};
    p.abstract = u"line one\n\n---\n## fake block"_s;
    d.papers << p;
    const QString md = MarkdownWriter::write(d);
    QVERIFY(!md.contains(u"<img"_s));
    QVERIFY(md.contains(u"&lt;img src=x"_s));
    QVERIFY(!md.contains(u"\n# Not a heading"_s));
    QVERIFY(!md.contains(u"\n## fake block"_s));
    QVERIFY(md.contains(u"Evil\\](https://evil.example)"_s)); // the bracket cannot close the link text
}

void TestDigestWriters::markdownFeedTextCannotAddLinks()
{
    Digest d;
    d.day = QDate(2026, 9, 24);
    DigestPaper p;
    p.arxivId = u"2609.00003"_s;
    p.title = uR"(Evil\](javascript:alert(1)))"_s; // "\]" used to become "\\]": a backslash, then a live ']'
    p.authors = {uR"(A\](https://e.example/a) [x](https://e.example/b))"_s};
    p.abstract = uR"(x\[y\](https://e.example) and ![img](https://e.example/i.png) <https://e.example/auto>)"_s;
    p.comment = uR"(*em* `code` ~~strike~~ a|b &amp; \)"_s;
    p.relevance = 9;
    p.novelty = 9;
    d.papers << p;
    DigestPaper badId = p;
    badId.arxivId = u"2609.00004) [x](javascript:alert(2)"_s; // an id no feed should have, kept as text
    d.papers << badId;
    d.unscored << DigestUnscored{u"x](javascript:alert(3)"_s, uR"(t\](javascript:alert(4)))"_s, u"[r](https://e.example)"_s};
    const QString md = MarkdownWriter::write(d);
    const QStringList destinations = linkDestinations(md);
    QVERIFY(!destinations.isEmpty());
    for (const QString &dest : destinations)
        QVERIFY2(dest.startsWith(u"https://arxiv.org/abs/"_s) || dest.startsWith(u"#user-content-link"_s), qPrintable(dest));
    QVERIFY(destinations.contains(u"https://arxiv.org/abs/2609.00003"_s));
    QVERIFY(!md.contains(u"<https"_s)); // no autolink either
    // What a reader sees is the text as it came.
    QVERIFY(unescapeMarkdown(md).contains(p.title));
    QVERIFY(unescapeMarkdown(md).contains(p.abstract));
    QVERIFY(unescapeMarkdown(md).contains(p.comment));
}

void TestDigestWriters::costFormat_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<QString>("text");
    QTest::newRow("two decimals") << 1.0712 << u"1.07"_s;
    QTest::newRow("python drops a trailing zero") << 0.3 << u"0.3"_s;
    QTest::newRow("whole") << 1.0 << u"1.0"_s;
    QTest::newRow("rounds") << 0.1371 << u"0.14"_s;
    QTest::newRow("zero") << 0.0 << u"0.0"_s;
}

void TestDigestWriters::costFormat()
{
    QFETCH(double, usd);
    QFETCH(QString, text);
    QCOMPARE(MarkdownWriter::formatCost(usd), text);
}

void TestDigestWriters::htmlEscapesFeedText()
{
    Digest d;
    d.day = QDate(2026, 9, 24);
    DigestPaper p;
    p.arxivId = u"2609.00004"_s;
    p.title = u"Attack <img src=x onerror=alert(1)> & \"quotes\""_s;
    p.authors = {u"<script>alert(2)</script>"_s};
    p.abstract = u"</section><h1>owned</h1>"_s;
    p.comment = u"<b>bold</b>"_s;
    p.relevance = 9;
    p.novelty = 8;
    d.papers << p;
    d.unscored << DigestUnscored{u"javascript:alert(3)"_s, u"<i>x</i>"_s, u"r"_s};
    d.userPrompt = u"<papers>"_s;
    const QString html = HtmlWriter::write(d);
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(html.contains(u"Attack &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"_s));
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"<h1>owned"_s));
    QVERIFY(!html.contains(u"<b>bold"_s));
    QVERIFY(!html.contains(u"<i>x"_s));
    QVERIFY(!html.contains(u"href=\"javascript"_s)); // not an arXiv id: no link at all
    QVERIFY(html.contains(u"<a href=\"https://arxiv.org/abs/2609.00004\">"_s));
    QVERIFY(html.contains(u"&lt;papers&gt;"_s));
}

void TestDigestWriters::htmlIsSelfContained()
{
    const QString html = HtmlWriter::write(SeedFixture::load());
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"src=\"http"_s));
    QCOMPARE(html.count(u"<section class=\"paper\""_s), 70);
    QVERIFY(html.contains(u"<td>$0.14</td><td>$1.07</td><td>$1.21</td>"_s));
    QVERIFY(html.contains(u"<li><a href=\"#link70\">"_s));
    QVERIFY(html.contains(u"id=\"link70\""_s));
}

void TestDigestWriters::bibtexEscapes_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("tex accent kept") << uR"(Clara I. S\'anchez)"_s << uR"(Clara I. S\'anchez)"_s;
    QTest::newRow("math kept") << uR"(Arithmetic-Mean $\mu$P)"_s << uR"(Arithmetic-Mean $\mu$P)"_s;
    QTest::newRow("specials") << u"A & B 50% #1 x_y"_s << uR"(A \& B 50\% \#1 x\_y)"_s;
    QTest::newRow("balanced braces kept") << u"{BERT} models"_s << u"{BERT} models"_s;
    QTest::newRow("unbalanced brace neutralised") << u"close } early"_s << uR"(close \textbraceright{} early)"_s;
    QTest::newRow("escaped braces count") << uR"(a \} b)"_s << uR"(a \textbraceright{} b)"_s;
    QTest::newRow("balanced escaped braces kept") << uR"(set \{x\})"_s << uR"(set \{x\})"_s;
    QTest::newRow("unbalanced math") << uR"(x $\{a$ y)"_s << uR"(x $\lbrace{}a$ y)"_s;
    QTest::newRow("control characters") << u"a\u001b]0;b\u0007c\u009b"_s << u"a]0;bc"_s;
    QTest::newRow("lone backslash") << uR"(a \ b)"_s << uR"(a \ b)"_s;
    QTest::newRow("trailing backslash") << uR"(end\)"_s << uR"(end\textbackslash{})"_s;
    QTest::newRow("tilde and caret") << u"~x^2"_s << uR"(\textasciitilde{}x\textasciicircum{}2)"_s;
    QTest::newRow("unmatched dollar") << u"costs $5"_s << uR"(costs \$5)"_s;
    QTest::newRow("math with sub") << u"$\\mathcal{O}(\\sqrt{N})$ memory"_s << u"$\\mathcal{O}(\\sqrt{N})$ memory"_s;
}

void TestDigestWriters::bibtexEscapes()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(BibtexWriter::escape(in), out);
}

void TestDigestWriters::bibtexEntriesAndUniqueKeys()
{
    const Digest seed = SeedFixture::load();
    const QString bib = BibtexWriter::write(seed);
    QCOMPARE(bib.count(u"@misc{"_s), 70);
    QVERIFY(bib.contains(u"@misc{kangaslahti2025boomerang,\n  title = {{Boomerang} {Distillation}"_s));
    QVERIFY(bib.contains(u"  eprint = {2510.05064},\n  archivePrefix = {arXiv},\n  primaryClass = {cs.LG}"_s));
    // Every key is unique and every entry has balanced braces.
    static const QRegularExpression key(uR"(@misc\{([^,]+),)"_s);
    QStringList keys = matching(bib, key);
    QCOMPARE(keys.size(), 70);
    keys.removeDuplicates();
    QCOMPARE(keys.size(), 70);
    for (const QString &entry : bib.split(u"@misc"_s).mid(1)) {
        int depth = 0;
        for (qsizetype i = 0; i < entry.size(); ++i) {
            if (entry.at(i) == u'\\') {
                ++i;
                continue;
            }
            depth += entry.at(i) == u'{' ? 1 : entry.at(i) == u'}' ? -1 : 0;
            QVERIFY2(depth >= 0, qPrintable(entry));
        }
        QCOMPARE(depth, 0);
    }

    // Same first author, year and word: suffixes.
    Digest d;
    DigestPaper p;
    p.arxivId = u"2510.00001"_s;
    p.title = u"Sparse things"_s;
    p.authors = {u"Jun Zhu"_s};
    d.papers << p << p;
    d.papers[1].arxivId = u"2510.00002"_s;
    const QString two = BibtexWriter::write(d);
    QVERIFY(two.contains(u"@misc{zhu2025sparse,"_s));
    QVERIFY(two.contains(u"@misc{zhu2025sparsea,"_s));
    // A DOI with braces cannot end the field.
    d.papers[0].doi = u"10.1/a}b{c"_s;
    QVERIFY(BibtexWriter::write(d).contains(u"doi = {10.1/abc}"_s));
}

void TestDigestWriters::bibtexFeedTextCannotAddFields()
{
    Digest d;
    DigestPaper p;
    p.arxivId = u"2609.00005"_s;
    p.title = uR"(Foo\}, url = {https://evil.example}, x = {\{})"_s;
    p.authors = {uR"(A\}, note = {evil)"_s, u"B} , x = {"_s};
    p.categories = {u"cs.LG}, y = {z"_s};
    p.journalRef = uR"(J. \{, z = {w})"_s;
    p.doi = u"10.1/x}, doi2 = {y"_s;
    p.published = QDateTime(QDate(2026, 9, 1), QTime(12, 0), QTimeZone::utc());
    d.papers << p;
    DigestPaper badId = p;
    badId.arxivId = u"2609.00006}, url = {https://evil.example"_s;
    d.papers << badId;
    const QString bib = BibtexWriter::write(d);
    const QList<QStringList> entries = bibtexFields(bib);
    QCOMPARE(entries.size(), 2);
    const QStringList expected = {u"title"_s, u"author"_s, u"year"_s, u"eprint"_s, u"archivePrefix"_s,
                                  u"primaryClass"_s, u"url"_s, u"doi"_s, u"note"_s};
    for (const QStringList &fields : entries)
        QCOMPARE(fields, expected);
    QVERIFY(!bib.contains(u"{https://evil.example}"_s));
}

void TestDigestWriters::bibtexProtectsCapitals_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("field");
    QTest::newRow("words with capitals") << u"BERT and GPT-4 for Zero-Shot tasks"_s
                                         << u"{BERT} and {GPT-4} for {Zero-Shot} tasks"_s;
    QTest::newRow("already grouped") << u"{LLMs} at scale"_s << u"{LLMs} at scale"_s;
    QTest::newRow("math with a capital") << u"in $O(n \\log N)$ time"_s << u"in {$O(n \\log N)$} time"_s;
    QTest::newRow("math without") << u"an $\\alpha$-entmax"_s << u"an $\\alpha$-entmax"_s;
    QTest::newRow("accent") << uR"(S\'anchez's method)"_s << uR"({S\'anchez's} method)"_s;
    QTest::newRow("neutralised brace") << u"A } b"_s << uR"({A} \textbraceright{} b)"_s;
}

void TestDigestWriters::bibtexProtectsCapitals()
{
    QFETCH(QString, title);
    QFETCH(QString, field);
    QCOMPARE(BibtexWriter::protectCapitals(BibtexWriter::escape(title)), field);
    DigestPaper p;
    p.arxivId = u"2609.00007"_s;
    p.title = title;
    QVERIFY(BibtexWriter::entry(p, u"k"_s).contains(u"  title = {"_s + field + u"},\n"_s));
}

void TestDigestWriters::writersDropControlCharacters()
{
    // "&amp;#27;]0;pwned&amp;#7;" in a feed, or "\u001b" in a model's comment: no escape sequence may
    // reach the digest printed to a terminal or a file.
    const QString hostile = u"\u001b]0;pwned\u0007\u001b[2J\u009b31m\u007f"_s;
    Digest d;
    d.day = QDate(2026, 9, 24);
    DigestPaper p;
    p.arxivId = u"2609.00008"_s;
    p.title = u"Title "_s + hostile;
    p.authors = {u"Ada "_s + hostile};
    p.abstract = u"Abstract "_s + hostile;
    p.comment = u"Comment "_s + hostile;
    p.journalRef = u"J "_s + hostile;
    p.relevance = 9;
    p.novelty = 9;
    d.papers << p;
    d.unscored << DigestUnscored{u"2609.00009"_s, hostile, hostile};
    d.runMessage = hostile;
    d.runStatus = u"failed"_s;
    d.systemPrompt = u"system\n"_s + hostile;
    d.userPrompt = u"user\tprompt\n"_s + hostile;
    auto verifyClean = [](const QString &out, const char *writer) {
        for (const QChar c : out) {
            const char16_t u = c.unicode();
            const bool control = (u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7F && u <= 0x9F);
            QVERIFY2(!control, qPrintable(u"%1: U+%2"_s.arg(QString::fromLatin1(writer)).arg(int(u), 4, 16, QChar(u'0'))));
        }
        QVERIFY2(out.contains(u"pwned"_s), writer); // the printable rest is kept
    };
    verifyClean(MarkdownWriter::write(d), "markdown");
    verifyClean(HtmlWriter::write(d), "html");
    verifyClean(BibtexWriter::write(d), "bibtex");
    QVERIFY(MarkdownWriter::write(d).contains(u"> user\tprompt"_s)); // tabs and newlines stay
}

void TestDigestWriters::jsonRoundTrip()
{
    Digest d = SeedFixture::load();
    d.runId = 7;
    d.runStatus = u"budget"_s;
    d.runMessage = u"Daily budget reached"_s;
    d.budgetReached = true;
    d.usage[0].cachedTokens = 5760;
    d.usage[0].reasoningTokens = 90000;
    d.usage[0].requests = 20;
    d.papers[0].authorMatch = true;
    d.papers[0].followedAuthor = u"Sara Kangaslahti"_s;
    d.papers[0].published = QDateTime(QDate(2025, 10, 6), QTime(17, 59, 3), QTimeZone::utc());
    d.papers[1].relevance.reset();
    d.papers[1].novelty.reset();
    d.unscored << DigestUnscored{u"2510.09999"_s, u"Ünïcode \"title\""_s, u"reply was not JSON"_s};
    d.userPrompt = u"topics\n\n[PAPER LIST HERE]"_s;
    QString error;
    const std::optional<Digest> back = JsonWriter::parse(JsonWriter::write(d), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->papers.size(), d.papers.size());
    QCOMPARE(back->papers[0], d.papers[0]);
    QCOMPARE(back->papers[1], d.papers[1]);
    QCOMPARE(back->usage, d.usage);
    QCOMPARE(back->unscored, d.unscored);
    QVERIFY(*back == d);
}

void TestDigestWriters::jsonRejectsOtherDocuments()
{
    QString error;
    QVERIFY(!JsonWriter::parse("{\"format\":\"something-else\"}", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!JsonWriter::parse("not json", &error));
    QVERIFY(!JsonWriter::parse("{\"format\":\"papersieve-digest\",\"version\":99}", &error));
    QVERIFY(error.contains(u"newer"_s));
}

QTEST_GUILESS_MAIN(TestDigestWriters)
#include "tst_digestwriters.moc"
