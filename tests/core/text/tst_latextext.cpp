// SPDX-License-Identifier: GPL-3.0-or-later
// LatexText: arXiv's TeX in titles, authors and abstracts as readable Unicode, and its bounds on
// hostile input (a stored title is converted again on every repaint of its row).
#include "text/latextext.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestLatexText : public QObject
{
    Q_OBJECT

private slots:
    void toReadable_data();
    void toReadable();
    void mathToUnicode_data();
    void mathToUnicode();
    void plainTextIsReturnedAsIs();
    void tooLongIsShownAsWritten();
    void tooDeepIsShownAsWritten_data();
    void tooDeepIsShownAsWritten();
    void deepTextGroupsAreBounded();
    void unclosedDelimitersRepeated_data();
    void unclosedDelimitersRepeated();
    void randomInputDoesNotCrash();
};

void TestLatexText::toReadable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    // Text-mode accents, as arXiv author lists have them.
    QTest::newRow("acute") << uR"(Clara I. S\'anchez)"_s << u"Clara I. Sánchez"_s;
    QTest::newRow("umlaut") << uR"(Schr\"odinger)"_s << u"Schrödinger"_s;
    QTest::newRow("umlaut braced") << uR"(G\"{o}del)"_s << u"Gödel"_s;
    QTest::newRow("accent group") << uR"(Schr{\"o}dinger)"_s << u"Schrödinger"_s;
    QTest::newRow("cedilla") << uR"(Fran\c{c}ois)"_s << u"François"_s;
    QTest::newRow("double acute") << uR"(Erd\H{o}s)"_s << u"Erdős"_s;
    QTest::newRow("dotless i") << uR"(Mart\'{\i}n)"_s << u"Martín"_s;
    QTest::newRow("letter ss") << uR"(Stra\ss{}e)"_s << u"Straße"_s;
    QTest::newRow("escaped specials") << uR"(R\&D at 50\% \#1)"_s << u"R&D at 50% #1"_s;
    // Inline math.
    QTest::newRow("superscript") << u"PT$^2$-LLM"_s << u"PT²-LLM"_s;
    QTest::newRow("calligraphic and root") << uR"(in $\mathcal{O}(\sqrt{N})$ memory)"_s << u"in 𝒪(√N) memory"_s;
    QTest::newRow("greek") << uR"($\alpha$-entmax and $\Omega(n)$)"_s << u"α-entmax and Ω(n)"_s;
    QTest::newRow("paren math") << uR"(\(\beta\)-VAE)"_s << u"β-VAE"_s;
    QTest::newRow("display math") << u"$$x^2$$"_s << u"x²"_s;
    QTest::newRow("unmatched dollar") << u"costs $5"_s << u"costs $5"_s;
    QTest::newRow("unclosed paren math") << uR"(\(x)"_s << uR"(\(x)"_s;
    // Wrappers, quotes, dashes.
    QTest::newRow("textbf") << uR"(\textbf{Bold} and \emph{word})"_s << u"Bold and word"_s;
    QTest::newRow("tex quotes") << u"``quoted''"_s << u"“quoted”"_s;
    QTest::newRow("en dash between spaces") << u"fast -- and small"_s << u"fast – and small"_s;
    QTest::newRow("en dash in a range") << u"pages 1--10"_s << u"pages 1–10"_s;
    QTest::newRow("en dash between names") << u"Bose--Einstein"_s << u"Bose–Einstein"_s;
    QTest::newRow("option kept") << u"run it with --help"_s << u"run it with --help"_s;
    QTest::newRow("em dash") << u"fast---and small"_s << u"fast—and small"_s;
    QTest::newRow("tie") << u"Fig.~1 and Smith et al.~[3]"_s << u"Fig.\u00a01 and Smith et al.\u00a0[3]"_s;
    QTest::newRow("tilde for about") << u"a ~2x speedup"_s << u"a ~2x speedup"_s;
    QTest::newRow("url kept") << u"see https://e.example/~user/a--b$x$"_s << u"see https://e.example/~user/a--b$x$"_s;
    // Unknown commands stay as written.
    QTest::newRow("unknown command") << uR"(see \cite{x})"_s << uR"(see \cite{x})"_s;
}

void TestLatexText::toReadable()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(LatexText::toReadable(text), expected);
}

void TestLatexText::mathToUnicode_data()
{
    QTest::addColumn<QString>("math");
    QTest::addColumn<QString>("expected");
    QTest::newRow("greek") << uR"(\alpha^2 + \beta_i)"_s << u"α² + βᵢ"_s;
    QTest::newRow("capital greek") << uR"(\Gamma \Delta \Sigma)"_s << u"Γ Δ Σ"_s;
    QTest::newRow("sub group") << u"x_{i+1}"_s << u"xᵢ₊₁"_s;
    QTest::newRow("sup letters") << u"e^{ab}"_s << u"eᵃᵇ"_s;
    QTest::newRow("no superscript form") << u"x^{q}"_s << u"x^q"_s;
    QTest::newRow("no subscript form, parenthesised") << u"x_{b + c}"_s << u"x_(b + c)"_s;
    QTest::newRow("relations") << uR"(a \leq b \neq c \to d)"_s << u"a ≤ b ≠ c → d"_s;
    QTest::newRow("blackboard") << uR"(\mathbb{R}^n)"_s << u"ℝⁿ"_s;
    QTest::newRow("bold is plain") << uR"(\mathbf{x} \cdot \mathrm{d}y)"_s << u"x · dy"_s;
    QTest::newRow("operator names") << uR"(\log n + \max_i x_i)"_s << u"log n + maxᵢ xᵢ"_s;
    QTest::newRow("fraction") << uR"(\frac{a}{b+c})"_s << u"a/(b+c)"_s;
    QTest::newRow("cube root") << uR"(\sqrt[3]{x})"_s << u"∛x"_s;
    QTest::newRow("root of a sum") << uR"(\sqrt{a+b})"_s << u"√(a+b)"_s;
    QTest::newRow("accent composes") << uR"(\tilde{n})"_s << u"ñ"_s;
    QTest::newRow("prime") << u"f'"_s << u"f′"_s;
    QTest::newRow("tie") << u"a~b"_s << u"a\u00a0b"_s;
    QTest::newRow("unknown command kept") << uR"(\foo x)"_s << uR"(\foo x)"_s;
    QTest::newRow("thirty-two levels") << QString(u"{"_s.repeated(32) + u"x"_s + u"}"_s.repeated(32)) << u"x"_s;
}

void TestLatexText::mathToUnicode()
{
    QFETCH(QString, math);
    QFETCH(QString, expected);
    QCOMPARE(LatexText::mathToUnicode(math), expected);
}

void TestLatexText::plainTextIsReturnedAsIs()
{
    const QString plain = u"Sparse Mixture of Experts at Scale"_s;
    QCOMPARE(LatexText::toReadable(plain).constData(), plain.constData()); // no copy for the common case
}

void TestLatexText::tooLongIsShownAsWritten()
{
    // The title from the security review: 100,000 nested groups used to overflow the stack.
    const QString title = u"$"_s + u"{"_s.repeated(100000) + u"x"_s + u"}"_s.repeated(100000) + u"$"_s;
    QCOMPARE(LatexText::toReadable(title), title);
    QCOMPARE(LatexText::mathToUnicode(title.mid(1, title.size() - 2)), title.mid(1, title.size() - 2));
    const QString longAbstract = uR"(\alpha )"_s.repeated(LatexText::kMaxLength / 7 + 1);
    QVERIFY(longAbstract.size() > LatexText::kMaxLength);
    QCOMPARE(LatexText::toReadable(longAbstract), longAbstract);
}

void TestLatexText::tooDeepIsShownAsWritten_data()
{
    QTest::addColumn<QString>("formula");
    QTest::newRow("braces") << QString(u"{"_s.repeated(40) + u"x"_s + u"}"_s.repeated(40));
    QTest::newRow("superscripts") << QString(u"x^{"_s.repeated(40) + u"y"_s + u"}"_s.repeated(40));
    QTest::newRow("roots") << QString(uR"(\sqrt{)"_s.repeated(40) + u"2"_s + u"}"_s.repeated(40));
    QTest::newRow("fractions") << QString(uR"(\frac{)"_s.repeated(40) + u"1"_s + u"}{2}"_s.repeated(40));
    QTest::newRow("unclosed") << u"{"_s.repeated(5000);
}

void TestLatexText::tooDeepIsShownAsWritten()
{
    QFETCH(QString, formula);
    // The formula as written; the text around it is still converted.
    QCOMPARE(LatexText::mathToUnicode(formula), formula);
    QCOMPARE(LatexText::toReadable(uR"(\alpha: $)"_s + formula + u"$ end"_s), u"\\alpha: $"_s + formula + u"$ end"_s);
    QCOMPARE(LatexText::toReadable(u"$\\alpha$: $"_s + formula + u"$ end"_s), u"α: $"_s + formula + u"$ end"_s);
}

void TestLatexText::deepTextGroupsAreBounded()
{
    // Text-mode groups that are read again (\emph{..}, {\"o}) nest at most 32 deep as well.
    const QString emph = uR"(\emph{)"_s.repeated(5000) + u"x"_s + u"}"_s.repeated(5000);
    QVERIFY(LatexText::toReadable(emph).contains(u'x'));
    const QString groups = uR"({\'{)"_s.repeated(4000) + u"e"_s + u"}}"_s.repeated(4000);
    QVERIFY(LatexText::toReadable(groups).contains(u'e'));
}

void TestLatexText::unclosedDelimitersRepeated_data()
{
    // Each of these used to search to the end of the text again for every occurrence.
    QTest::addColumn<QString>("unit");
    QTest::newRow("\\(") << uR"(\()"_s;
    QTest::newRow("\\[") << uR"(\[)"_s;
    QTest::newRow("\\emph{") << uR"(\emph{)"_s;
    QTest::newRow("{\\") << uR"({\)"_s;
    QTest::newRow("\\'{") << uR"(\'{)"_s;
    QTest::newRow("$$") << u"$$x"_s;
    QTest::newRow("\\sqrt[") << uR"($\sqrt[)"_s;
}

void TestLatexText::unclosedDelimitersRepeated()
{
    QFETCH(QString, unit);
    const QString text = unit.repeated(LatexText::kMaxLength / unit.size());
    QVERIFY(text.size() <= LatexText::kMaxLength);
    QVERIFY(!LatexText::toReadable(text).isEmpty());
}

void TestLatexText::randomInputDoesNotCrash()
{
    // Fuzz: every mix of the characters the readers treat specially.
    static const QString alphabet = uR"(\\{}{}$$^_'"`~-[]()ab cHo)"_s;
    QRandomGenerator rng(7);
    for (int i = 0; i < 20000; ++i) {
        QString s;
        const int length = int(rng.bounded(48));
        for (int k = 0; k < length; ++k)
            s += alphabet.at(rng.bounded(int(alphabet.size())));
        // No crash, no hang; what comes out is plain text of about the input's size.
        QVERIFY2(LatexText::toReadable(s).size() <= 2 * s.size() + 2, qPrintable(s));
        QVERIFY2(LatexText::mathToUnicode(s).size() <= 4 * s.size() + 2, qPrintable(s));
    }
}

QTEST_GUILESS_MAIN(TestLatexText)
#include "tst_latextext.moc"
