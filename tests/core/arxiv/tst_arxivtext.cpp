// SPDX-License-Identifier: GPL-3.0-or-later
// ArxivText: the clean-up of feed text fields (white space, entities left from double escaping).
#include "arxiv/arxivtext.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestArxivText : public QObject
{
    Q_OBJECT

private slots:
    void simplify_data();
    void simplify();
    void decodeEntities_data();
    void decodeEntities();
    void decodeEntitiesDropsControlCharacters();
    void decodeEntitiesOnManyAmpersands();
};

void TestArxivText::simplify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only spaces") << u"  \t\n "_s << QString();
    QTest::newRow("clean") << u"A clean title: $O(n^2)$"_s << u"A clean title: $O(n^2)$"_s;
    QTest::newRow("leading space") << u" Abstract text follows."_s << u"Abstract text follows."_s;
    QTest::newRow("wrapped abstract") << u"We study\nwrapped lines,\nas the API sends them.\n"_s
                                      << u"We study wrapped lines, as the API sends them."_s;
    QTest::newRow("runs") << u"a  b\t\tc \n d\r\ne\v\ff"_s << u"a b c d e f"_s;
    QTest::newRow("non-ASCII spaces") << u"no\u00a0break\u2003em \u00a0 mixed"_s << u"no break em mixed"_s;
    QTest::newRow("non-ASCII text") << u"Schr\u00f6dinger  \u6df1\u5ea6 \U0001F600"_s
                                    << u"Schr\u00f6dinger \u6df1\u5ea6 \U0001F600"_s;
}

void TestArxivText::simplify()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(ArxivText::simplify(text), expected);
}

void TestArxivText::decodeEntities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << u"plain"_s << u"plain"_s;
    QTest::newRow("named") << u"&amp; &lt;b&gt; &quot;q&quot; &apos;a&apos; x&nbsp;y"_s
                           << u"& <b> \"q\" 'a' x\u00a0y"_s;
    QTest::newRow("numeric") << u"Schr&#246;dinger &#xE9;t&#XE9;"_s << u"Schr\u00f6dinger \u00e9t\u00e9"_s;
    QTest::newRow("astral") << u"&#x1F600;"_s << u"\U0001F600"_s;
    QTest::newRow("unknown kept") << u"&copy; &#xD800; &#0; &#x110000;"_s << u"&copy; &#xD800; &#0; &#x110000;"_s;
    QTest::newRow("no semicolon") << u"AT&T and R&D"_s << u"AT&T and R&D"_s;
    QTest::newRow("semicolon too far") << u"&#0000000000065;"_s << u"&#0000000000065;"_s;
    QTest::newRow("longest decoded") << u"&#x10FFFF; &#0000065;"_s << QString(QString::fromUcs4(U"\U0010FFFF", 1) + u" A"_s);
}

void TestArxivText::decodeEntities()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(ArxivText::decodeEntities(text), expected);
}

void TestArxivText::decodeEntitiesDropsControlCharacters()
{
    // A feed title "&amp;#27;]0;pwned&amp;#7;" is "&#27;]0;pwned&#7;" after XML decoding: it must not
    // become ESC ] 0 ; pwned BEL, which retitles a terminal the digest is printed on.
    QCOMPARE(ArxivText::decodeEntities(u"&#27;]0;pwned&#7;&#27;[2J"_s), u"]0;pwned[2J"_s);
    QCOMPARE(ArxivText::decodeEntities(u"&#x9B;31m&#127;&#x85;"_s), u"31m"_s); // C1 CSI, DEL, NEL
    // Raw control characters go too, with or without a reference in the text.
    QCOMPARE(ArxivText::decodeEntities(u"a\u001b[2Jb\u0007"_s), u"a[2Jb"_s);
    QCOMPARE(ArxivText::decodeEntities(u"&amp;\u001b\r"_s), u"&"_s);
    // Tab and newline are text (the API wraps abstracts).
    QCOMPARE(ArxivText::decodeEntities(u"line one\nline\ttwo &#10;&#9;"_s), u"line one\nline\ttwo \n\t"_s);
}

void TestArxivText::decodeEntitiesOnManyAmpersands()
{
    // Used to search to the end of the text for a ';' after every '&': minutes for 1 MB of '&'.
    const QString ampersands(1 << 20, u'&');
    QCOMPARE(ArxivText::decodeEntities(ampersands), ampersands);
    const QString tail = u"&"_s.repeated(1 << 19) + u"amp;"_s;
    QCOMPARE(ArxivText::decodeEntities(tail).size(), tail.size() - 4);
}

QTEST_GUILESS_MAIN(TestArxivText)
#include "tst_arxivtext.moc"
