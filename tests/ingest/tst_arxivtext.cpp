// SPDX-License-Identifier: GPL-3.0-or-later
// ArxivText::simplify is a faster QString::simplified(): it must give exactly the same text.
#include "arxiv/arxivtext.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestArxivText : public QObject
{
    Q_OBJECT

private slots:
    void simplifyIsSimplified_data();
    void simplifyIsSimplified();
    void simplifyOnRandomText();
    void cleanTextIsNotCopied();
};

void TestArxivText::simplifyIsSimplified_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("only spaces") << u"  \t\n "_s;
    QTest::newRow("clean") << u"A clean title: $O(n^2)$"_s;
    QTest::newRow("leading space") << u" Abstract text follows."_s;
    QTest::newRow("wrapped abstract")
        << u"We study the problem of learning\nfrom data that is wrapped at\nseventy-two columns, as the\nAPI sends it.\n"_s;
    QTest::newRow("runs") << u"a  b\t\tc \n d\r\ne\v\ff"_s;
    QTest::newRow("runs at block edges") << u"abcdefg  hijklmn\n\nopqrstu \tvwxyz12 \n3456789 "_s;
    QTest::newRow("non-ASCII spaces") << u"no\u00a0break\u2003em\u3000ideographic\u0085next \u00a0 mixed"_s;
    QTest::newRow("controls kept") << u"bell\u0007and\u001fus"_s;
    QTest::newRow("non-ASCII text") << u"Schr\u00f6dinger \u6df1\u5ea6\u5b66\u4e60 \U0001F600 na\u00efve  r\u00e9sum\u00e9"_s;
    QTest::newRow("long clean then a break") << QString(u"x"_s.repeated(40) + u"\n"_s + u"y"_s.repeated(40));
}

void TestArxivText::simplifyIsSimplified()
{
    QFETCH(QString, text);
    QCOMPARE(ArxivText::simplify(text), text.simplified());
}

void TestArxivText::simplifyOnRandomText()
{
    // Every mix of characters that matter, at every offset against the eight-character blocks.
    static const QString alphabet = u"ab  \t\n\r\v\u00a0\u2003\u0007\u00e9\u6df1-$"_s;
    QRandomGenerator rng(42);
    for (int i = 0; i < 20000; ++i) {
        QString s;
        const int length = int(rng.bounded(40));
        for (int k = 0; k < length; ++k)
            s += alphabet.at(rng.bounded(int(alphabet.size())));
        if (ArxivText::simplify(s) != s.simplified())
            QFAIL(qPrintable(u"differs for \"%1\""_s.arg(s)));
    }
}

void TestArxivText::cleanTextIsNotCopied()
{
    const QString clean = u"A title with single spaces only, long enough for two blocks."_s;
    QCOMPARE(ArxivText::simplify(clean).constData(), clean.constData());
}

QTEST_GUILESS_MAIN(TestArxivText)
#include "tst_arxivtext.moc"
