// SPDX-License-Identifier: GPL-3.0-or-later
// HtmlText: the only way feed and LLM text reaches rich text (the detail pane, tooltips).
#include "text/htmltext.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestHtmlText : public QObject
{
    Q_OBJECT

private slots:
    void escape_data();
    void escape();
    void escapeWithLinks_data();
    void escapeWithLinks();
    void readableConvertsLatexThenEscapes();
    void literalRichText();
};

void TestHtmlText::escape_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Sparse experts"_s << u"Sparse experts"_s;
    QTest::newRow("markup") << u"<img src=x onerror=alert(1)>"_s << u"&lt;img src=x onerror=alert(1)&gt;"_s;
    QTest::newRow("ampersand first") << u"&lt; & &amp;"_s << u"&amp;lt; &amp; &amp;amp;"_s;
    QTest::newRow("quotes") << u"\"double\" 'single'"_s << u"&quot;double&quot; &#39;single&#39;"_s;
    QTest::newRow("newlines kept") << u"a\nb"_s << u"a\nb"_s;
}

void TestHtmlText::escape()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(HtmlText::escape(text), expected);
}

void TestHtmlText::escapeWithLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("https")
        << u"Code: https://github.com/a/b."_s
        << u"Code: <a href=\"https://github.com/a/b\">https://github.com/a/b</a>."_s;
    QTest::newRow("http, query escaped")
        << u"(see http://e.example/x?a=1&b=<2>)"_s
        << u"(see <a href=\"http://e.example/x?a=1&amp;b=\">http://e.example/x?a=1&amp;b=</a>&lt;2&gt;)"_s;
    QTest::newRow("quote ends the target")
        << u"https://e.example/\"onmouseover=\"alert(1)"_s
        << u"<a href=\"https://e.example/\">https://e.example/</a>&quot;onmouseover=&quot;alert(1)"_s;
    QTest::newRow("javascript is text") << u"javascript:alert(1)"_s << u"javascript:alert(1)"_s;
    QTest::newRow("other schemes are text") << u"ftp://e.example/x file:///etc/passwd"_s
                                           << u"ftp://e.example/x file:///etc/passwd"_s;
    QTest::newRow("scheme alone") << u"https://"_s << u"https://"_s;
    QTest::newRow("two links")
        << u"http://a.example and https://b.example"_s
        << u"<a href=\"http://a.example\">http://a.example</a> and <a href=\"https://b.example\">https://b.example</a>"_s;
}

void TestHtmlText::escapeWithLinks()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(HtmlText::escapeWithLinks(text), expected);
}

void TestHtmlText::readableConvertsLatexThenEscapes()
{
    QCOMPARE(HtmlText::readable(uR"($\alpha < \beta$ <b>bold</b>)"_s), u"α &lt; β &lt;b&gt;bold&lt;/b&gt;"_s);
}

void TestHtmlText::literalRichText()
{
    // QToolTip guesses: "<font size=7>" or "&lt;" on the first line would make plain text rich. As <qt>
    // rich text with everything escaped, what shows is the text itself.
    const QString hostile = u"The <s>token</s> <font size=7 color=red>X</font> <img src=x> &lt;"_s;
    QCOMPARE(HtmlText::literalRichText(hostile),
             u"<qt>The &lt;s&gt;token&lt;/s&gt; &lt;font size=7 color=red&gt;X&lt;/font&gt; &lt;img src=x&gt; &amp;lt;</qt>"_s);
    QCOMPARE(HtmlText::literalRichText(u"Ada\n(a followed author)"_s), u"<qt>Ada<br>(a followed author)</qt>"_s);
}

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
