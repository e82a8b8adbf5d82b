// SPDX-License-Identifier: GPL-3.0-or-later
#include "testdata.h"

#include "arxiv/atomparser.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestAtomParser : public QObject
{
    Q_OBJECT

private slots:
    void fullMetadata2026Layout();
    void olderLayoutWithPerElementNamespaces();
    void oldStyleIdAndJournalRef();
    void searchPage();
    void errorEntryIsAnErrorNotAPaper();
    void unknownIdIsAnEmptyAnswer();
    void wrappedAbstractIsOneParagraph();
    void malformedAndTruncated();
};

void TestAtomParser::fullMetadata2026Layout()
{
    QString error = u"unset"_s;
    const ApiResponse r = AtomParser::parse(TestData::read(u"arxiv/api_1605.08386.xml"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(r.totalResults, 1);
    QCOMPARE(r.itemsPerPage, 100);
    QCOMPARE(r.papers.size(), 1);
    const Paper &p = r.papers.first();
    QCOMPARE(p.arxivId, u"1605.08386"_s);
    QCOMPARE(p.version, 1);
    QCOMPARE(p.title, u"Heat-bath random walks with Markov bases"_s);
    QVERIFY(p.abstract.startsWith(u"Graphs on lattice points are studied"_s));
    QCOMPARE(p.primaryCategory, u"math.CO"_s);
    QCOMPARE(p.categories, (QStringList{u"math.CO"_s, u"math.ST"_s}));
    QCOMPARE(p.comment, u"20 pages, 3 figures"_s);
    QCOMPARE(p.authors.size(), 2);
    QCOMPARE(p.authors.at(1).name, u"Tobias Windisch"_s);
    QCOMPARE(p.published, QDateTime(QDate(2016, 5, 26), QTime(17, 59, 46), QTimeZone::utc()));
    QCOMPARE(p.updated, p.published);
    QVERIFY(p.metadataComplete);
    QCOMPARE(p.absUrl(), QUrl(u"https://arxiv.org/abs/1605.08386"_s));
    QCOMPARE(p.pdfUrl(), QUrl(u"https://arxiv.org/pdf/1605.08386"_s));
    QCOMPARE(p.htmlUrl(), QUrl(u"https://arxiv.org/html/1605.08386"_s));

    // Two ids asked, one (0808.05394: no such paper) not returned; 34 authors in order.
    const ApiResponse two = AtomParser::parse(TestData::read(u"arxiv/api_two_ids.xml"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(two.papers.size(), 1);
    QCOMPARE(two.papers.first().authors.size(), 34);
    QCOMPARE(two.papers.first().authors.first().name, u"Kees A. Schouhamer Immink"_s);
    QCOMPARE(two.papers.first().authors.last().name, u"Hirosuke Yamamoto"_s);
    QCOMPARE(two.papers.first().primaryCategory, u"cs.IT"_s);
}

void TestAtomParser::olderLayoutWithPerElementNamespaces()
{
    QString error;
    const ApiResponse r = AtomParser::parse(TestData::read(u"arxiv/api_old_1111.2011v2.xml"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(r.totalResults, 1);
    QCOMPARE(r.papers.size(), 1);
    const Paper &p = r.papers.first();
    QCOMPARE(p.arxivId, u"1111.2011"_s);
    QCOMPARE(p.version, 2);
    QCOMPARE(p.title, u"Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit"_s);
    QCOMPARE(p.doi, u"10.1103/PhysRevB.85.115117"_s);
    QCOMPARE(p.journalRef, u"Phys. Rev. B 85, 115117 (2012)"_s);
    QCOMPARE(p.comment, u"8 pages, 3 figures. Published version"_s);
    QCOMPARE(p.primaryCategory, u"cond-mat.str-el"_s);
    QCOMPARE(p.categories.first(), u"cond-mat.str-el"_s);
    QCOMPARE(p.published, QDateTime(QDate(2011, 11, 8), QTime(18, 48, 36), QTimeZone::utc()));
    QCOMPARE(p.updated, QDateTime(QDate(2012, 4, 2), QTime(12, 38, 54), QTimeZone::utc()));
}

void TestAtomParser::oldStyleIdAndJournalRef()
{
    QString error;
    const ApiResponse r = AtomParser::parse(TestData::read(u"arxiv/api_astro-ph_0601001.xml"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(r.papers.size(), 1);
    const Paper &p = r.papers.first();
    QCOMPARE(p.arxivId, u"astro-ph/0601001"_s);
    QCOMPARE(p.journalRef, u"ActaAstron.56:1-50,2006"_s);
    QCOMPARE(p.authors.size(), 4); // affiliations are not authors
    QCOMPARE(p.authors.at(3).name, u"Andrzej Udalski"_s);
    QVERIFY2(p.abstract.contains(u"Gould & Morgan (2003)"_s), qPrintable(p.abstract.left(300)));
    QVERIFY(p.abstract.contains(u"V_max<17.5"_s));
    QVERIFY(p.abstract.contains(u"(1/310)(1^{+1.39}_{-0.59})"_s)); // LaTeX kept
}

void TestAtomParser::searchPage()
{
    QString error;
    const ApiResponse r = AtomParser::parse(TestData::read(u"arxiv/api_search_testing.xml"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(r.papers.size(), 10);
    QCOMPARE(r.totalResults, 214881);
    QCOMPARE(r.papers.first().arxivId, u"2202.12139"_s);
    QCOMPARE(r.papers.first().doi, u"10.1109/ICSTW55395.2022.00035"_s);
    QCOMPARE(r.papers.at(5).journalRef,
             u"International Journal of Software Engineering & Applications (IJSEA), Vol.3, No.1, January 2012"_s);
}

void TestAtomParser::errorEntryIsAnErrorNotAPaper()
{
    QString error = u"unset"_s;
    const ApiResponse r = AtomParser::parse(TestData::read(u"arxiv/api_error_abc.xml"_s), &error);
    QVERIFY2(error.isEmpty(), "the error feed itself is well-formed");
    QVERIFY(r.papers.isEmpty());
    QCOMPARE(r.errors, QStringList{u"incorrect id format for abc"_s});

    // An entry whose id is not an arXiv id at all is not a paper either.
    QByteArray odd = TestData::read(u"arxiv/api_1605.08386.xml"_s);
    odd.replace("http://arxiv.org/abs/1605.08386v1</id>", "http://example.org/something</id>");
    const ApiResponse o = AtomParser::parse(odd, &error);
    QVERIFY(o.papers.isEmpty());
    QCOMPARE(o.errors.size(), 1);
    QVERIFY(o.errors.first().contains(u"example.org"_s));
}

void TestAtomParser::unknownIdIsAnEmptyAnswer()
{
    QString error = u"unset"_s;
    const ApiResponse r = AtomParser::parse(TestData::read(u"arxiv/api_empty_0000.0000.xml"_s), &error);
    QVERIFY(error.isEmpty());
    QVERIFY(r.papers.isEmpty());
    QVERIFY(r.errors.isEmpty());
    QCOMPARE(r.totalResults, 0);
}

void TestAtomParser::wrappedAbstractIsOneParagraph()
{
    QString error;
    const ApiResponse r = AtomParser::parse(TestData::read(u"arxiv/api_old_1111.2011v2.xml"_s), &error);
    const QString a = r.papers.first().abstract;
    QVERIFY(!a.contains(u'\n'));
    QVERIFY(!a.startsWith(u' '));
    QVERIFY(a.contains(u"such as layered superconductors and coupled spin chains"_s));
}

void TestAtomParser::malformedAndTruncated()
{
    const QByteArray full = TestData::read(u"arxiv/api_search_testing.xml"_s);
    QString error;
    ApiResponse r = AtomParser::parse(full.left(full.size() / 2), &error);
    QVERIFY2(error.contains(u"ends early"_s), qPrintable(error));
    QVERIFY(r.papers.isEmpty());

    QByteArray broken = full;
    broken.replace("</title>", "</titl>");
    r = AtomParser::parse(broken, &error);
    QVERIFY2(error.contains(u"not well-formed"_s), qPrintable(error));
    QVERIFY(r.papers.isEmpty());

    r = AtomParser::parse("<rss version=\"2.0\"><channel/></rss>", &error);
    QVERIFY2(error.contains(u"not an arXiv API answer"_s), qPrintable(error));

    r = AtomParser::parse("  ", &error);
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestAtomParser)
#include "tst_atomparser.moc"
