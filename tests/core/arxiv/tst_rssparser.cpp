// SPDX-License-Identifier: GPL-3.0-or-later
#include "testdata.h"

#include "arxiv/rssparser.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// A channel in rss.arxiv.org's format around the given items.
QByteArray feed(const QByteArray &items, const QByteArray &pubDate = "Tue, 07 Oct 2025 00:00:00 -0400")
{
    return R"(<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>cs.LG, cs.AI updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/cs.LG+cs.AI</link>
    <atom:link href="http://rss.arxiv.org/rss/cs.LG+cs.AI" rel="self" type="application/rss+xml"/>
    <lastBuildDate>Tue, 07 Oct 2025 04:00:02 +0000</lastBuildDate>
    <pubDate>)" + pubDate + R"(</pubDate>
    <skipDays>
      <day>Sunday</day>
      <day>Saturday</day>
    </skipDays>
)" + items + R"(
  </channel>
</rss>
)";
}

QByteArray item(const QByteArray &vid, const QByteArray &type, const QByteArray &title, const QByteArray &abstract,
                 const QByteArray &categories, const QByteArray &creators, const QByteArray &extra = {})
{
    QByteArray cats;
    for (const QByteArray &c : categories.split(' '))
        cats += "      <category>" + c + "</category>\n";
    const QByteArray id = vid.left(vid.lastIndexOf('v'));
    return "    <item>\n      <title>" + title + "</title>\n      <link>https://arxiv.org/abs/" + id
        + "</link>\n      <description>arXiv:" + vid + " Announce Type: " + type + " \nAbstract: " + abstract
        + "</description>\n      <guid isPermaLink=\"false\">oai:arXiv.org:" + vid + "</guid>\n" + cats
        + "      <pubDate>Tue, 07 Oct 2025 00:00:00 -0400</pubDate>\n      <arxiv:announce_type>" + type
        + "</arxiv:announce_type>\n      <dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>\n" + extra
        + "      <dc:creator>" + creators + "</dc:creator>\n    </item>\n";
}
} // namespace

class TestRssParser : public QObject
{
    Q_OBJECT

private slots:
    void realMultiCategoryFeed();
    void allFourAnnounceTypes();
    void versionFromDescriptionWinsOverGuid();
    void creators_data();
    void creators();
    void htmlEntitiesAreDecodedOnce();
    void nonAsciiAndLatexKeptExactly();
    void emptyFeedIsNoAnnouncement();
    void malformedXmlIsAnErrorWithoutItems();
    void truncatedFeedSaysCutOff();
    void notAFeed();
    void unknownAnnounceTypeIsAnError();
    void atomVariant();
    void declaredEncodingIsHonoured();
    void whitespaceIsCollapsed();
};

void TestRssParser::realMultiCategoryFeed()
{
    QString error = u"unset"_s;
    const RssFeed f = RssParser::parse(TestData::read(u"arxiv/rss_multi_cat_2026-09-24.xml"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(f.day, QDate(2026, 9, 24));
    QCOMPARE(f.title, u"cs.LG, cs.AI, cs.CL, stat.ML updates on arXiv.org"_s);
    QCOMPARE(f.skipDays, (QStringList{u"Sunday"_s, u"Saturday"_s}));
    QVERIFY(!f.isNoAnnouncement());
    QCOMPARE(f.items.size(), 4);

    const Paper &first = f.items.at(0).paper;
    QCOMPARE(first.arxivId, u"2609.26811"_s);
    QCOMPARE(first.version, 1);
    QCOMPARE(f.items.at(0).type, AnnounceType::New);
    QCOMPARE(first.title, u"The Drift Contract: Spectral Updates for Depth-Robust Local Learning"_s);
    QVERIFY2(first.abstract.startsWith(u"Local learning trains each layer"_s), "the arXiv:/Announce Type prefix is cut");
    QVERIFY(first.abstract.endsWith(u"where normalization is absent."_s));
    QCOMPARE(first.authors.size(), 1);
    QCOMPARE(first.authors.at(0).name, u"Fabien Polly"_s);
    QCOMPARE(first.license, u"http://creativecommons.org/licenses/by-nc-sa/4.0/"_s);
    QVERIFY(!first.metadataComplete);

    const FeedItem &cross = f.items.at(2);
    QCOMPARE(cross.type, AnnounceType::Cross);
    QCOMPARE(cross.paper.arxivId, u"2205.06398"_s);
    QCOMPARE(cross.paper.version, 2);
    QCOMPARE(cross.paper.categories, (QStringList{u"stat.ME"_s, u"stat.AP"_s, u"stat.ML"_s}));
    QCOMPARE(cross.paper.primaryCategory, u"stat.ME"_s);
    QCOMPARE(cross.paper.doi, u"10.1093/bioinformatics/btac431"_s);
    QCOMPARE(cross.paper.authors.size(), 3);
    QCOMPARE(cross.paper.authors.at(2).name, u"David B. Dunson"_s);

    const FeedItem &replace = f.items.at(3);
    QCOMPARE(replace.type, AnnounceType::Replace);
    QCOMPARE(replace.paper.arxivId, u"2009.13987"_s);
    QCOMPARE(replace.paper.version, 3);
}

void TestRssParser::allFourAnnounceTypes()
{
    const QByteArray xml = feed(item("2510.03438v1", "new", "A", "a", "cs.LG cs.AI", "X Y")
                                + item("2510.00001v1", "cross", "B", "b", "stat.ML cs.LG", "X Y")
                                + item("2401.00002v4", "replace", "C", "c", "cs.AI", "X Y")
                                + item("hep-th/9901001v2", "replace-cross", "D", "d", "hep-th cs.LG", "X Y"));
    QString error;
    const RssFeed f = RssParser::parse(xml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(f.day, QDate(2025, 10, 7));
    QCOMPARE(f.items.size(), 4);
    QCOMPARE(f.items.at(0).type, AnnounceType::New);
    QCOMPARE(f.items.at(1).type, AnnounceType::Cross);
    QCOMPARE(f.items.at(2).type, AnnounceType::Replace);
    QCOMPARE(f.items.at(3).type, AnnounceType::ReplaceCross);
    QCOMPARE(f.items.at(2).paper.version, 4);
    QCOMPARE(f.items.at(3).paper.arxivId, u"hep-th/9901001"_s); // old-style id
    QCOMPARE(f.items.at(3).paper.version, 2);
    QCOMPARE(f.items.at(1).paper.primaryCategory, u"stat.ML"_s);
}

void TestRssParser::versionFromDescriptionWinsOverGuid()
{
    // The description's "arXiv:<id>v<N>" is what arXiv announces; a guid without version does not override it.
    QByteArray one = item("2510.03438v3", "replace", "T", "abs", "cs.LG", "A B");
    one.replace("oai:arXiv.org:2510.03438v3", "oai:arXiv.org:2510.03438");
    QString error;
    RssFeed f = RssParser::parse(feed(one), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(f.items.at(0).paper.version, 3);

    // Without the prefix in the description the guid gives id and version.
    QByteArray two = item("2510.03438v2", "replace", "T", "abs", "cs.LG", "A B");
    two.replace("arXiv:2510.03438v2 Announce Type: replace \nAbstract: ", "");
    f = RssParser::parse(feed(two), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(f.items.at(0).paper.arxivId, u"2510.03438"_s);
    QCOMPARE(f.items.at(0).paper.version, 2);
    QCOMPARE(f.items.at(0).paper.abstract, u"abs"_s);
    QCOMPARE(f.items.at(0).type, AnnounceType::Replace); // from arxiv:announce_type
}

void TestRssParser::creators_data()
{
    QTest::addColumn<QByteArray>("creators");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("one") << QByteArray("Fabien Polly") << QStringList{u"Fabien Polly"_s};
    QTest::newRow("commas") << QByteArray("A. One, B. Two, C. Three") << QStringList{u"A. One"_s, u"B. Two"_s, u"C. Three"_s};
    QTest::newRow("and") << QByteArray("A. One and B. Two") << QStringList{u"A. One"_s, u"B. Two"_s};
    QTest::newRow("oxford and") << QByteArray("A. One, B. Two, and C. Three")
                                << QStringList{u"A. One"_s, u"B. Two"_s, u"C. Three"_s};
    QTest::newRow("comma and") << QByteArray("A. One, B. Two and C. Three")
                               << QStringList{u"A. One"_s, u"B. Two"_s, u"C. Three"_s};
    QTest::newRow("non-ascii") << QByteArray("Dirk W\xc3\xbc""bben, Jos\xc3\xa9 Garc\xc3\xad""a")
                               << QStringList{u"Dirk Wübben"_s, u"José García"_s};
    QTest::newRow("name containing and") << QByteArray("Alexander Anderson, Sandra Andrews")
                                         << QStringList{u"Alexander Anderson"_s, u"Sandra Andrews"_s};
}

void TestRssParser::creators()
{
    QFETCH(QByteArray, creators);
    QFETCH(QStringList, names);
    QString error;
    const RssFeed f = RssParser::parse(feed(item("2510.03438v1", "new", "T", "a", "cs.LG", creators)), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList got;
    for (const Author &a : f.items.at(0).paper.authors)
        got << a.name;
    QCOMPARE(got, names);
}

void TestRssParser::htmlEntitiesAreDecodedOnce()
{
    // XML decoding turns &amp;amp; into &amp;, the double-escaped text arXiv sometimes serves; that is
    // decoded once more. A literal "&lt;" written by the authors as text "&amp;lt;" stays "<" once.
    const QByteArray xml = feed(item("2510.03438v1", "new", "Q&amp;amp;A for R&amp;D: caf&amp;#233; &amp;#x3b1;",
                                     "Bounds &amp;lt; 1 &amp;amp; more &amp;nbsp;here; AT&amp;T",
                                     "cs.LG", "Jean-Fran&amp;#231;ois Caf&#233;, Tom &amp;amp; Jerry"));
    QString error;
    const RssFeed f = RssParser::parse(xml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Paper &p = f.items.at(0).paper;
    QCOMPARE(p.title, u"Q&A for R&D: café α"_s);
    QCOMPARE(p.abstract, u"Bounds < 1 & more \u00a0here; AT&T"_s.simplified());
    QCOMPARE(p.authors.size(), 2);
    QCOMPARE(p.authors.at(0).name, u"Jean-François Café"_s);
    QCOMPARE(p.authors.at(1).name, u"Tom & Jerry"_s);
}

void TestRssParser::nonAsciiAndLatexKeptExactly()
{
    const QByteArray title = u"$\\alpha$-Divergenz f\u00fcr Schr\u00f6dinger: $O(n^{2})$ \u2014 \u6df1\u5ea6\u5b66\u4e60"_s.toUtf8();
    const QByteArray abstract =
        u"We bound $\\|x\\|_2 \\leq \\epsilon$ using \\emph{Stein's} method (na\u00efve \\textbf{r\u00e9sum\u00e9}) with 95% &amp;gt; 90%."_s.toUtf8();
    QString error;
    const RssFeed f = RssParser::parse(feed(item("2510.03438v1", "new", title, abstract, "cs.LG", "\xc3\x89mile Zola")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Paper &p = f.items.at(0).paper;
    QCOMPARE(p.title, QString::fromUtf8(title));
    QCOMPARE(p.abstract,
             u"We bound $\\|x\\|_2 \\leq \\epsilon$ using \\emph{Stein's} method (na\u00efve \\textbf{r\u00e9sum\u00e9}) with 95% > 90%."_s);
    QCOMPARE(p.authors.at(0).name, u"\u00c9mile Zola"_s);
}

void TestRssParser::emptyFeedIsNoAnnouncement()
{
    QString error = u"unset"_s;
    const RssFeed f = RssParser::parse(feed({}, "Sat, 11 Oct 2025 00:00:00 -0400"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(f.isNoAnnouncement());
    QCOMPARE(f.day, QDate(2025, 10, 11));
    QVERIFY(f.skipDays.contains(u"Saturday"_s));
}

void TestRssParser::malformedXmlIsAnErrorWithoutItems()
{
    QByteArray xml = feed(item("2510.03438v1", "new", "A", "a", "cs.LG", "X") + item("2510.03439v1", "new", "B", "b", "cs.LG", "Y"));
    xml.replace("<title>B</title>", "<title>B</titel>");
    QString error;
    const RssFeed f = RssParser::parse(xml, &error);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(u"not well-formed"_s) && error.contains(u"line"_s), qPrintable(error));
    QVERIFY2(f.items.isEmpty(), "never half a feed");
    QVERIFY(!f.day.isValid());
}

void TestRssParser::truncatedFeedSaysCutOff()
{
    const QByteArray full = TestData::read(u"arxiv/rss_multi_cat_2026-09-24.xml"_s);
    for (const qsizetype cut : {full.size() / 2, full.size() - 20, qsizetype(300)}) {
        QString error;
        const RssFeed f = RssParser::parse(full.left(cut), &error);
        QVERIFY2(error.contains(u"ends early"_s), qPrintable(error));
        QVERIFY(f.items.isEmpty());
    }
    QString error;
    RssParser::parse(QByteArray(), &error);
    QVERIFY(!error.isEmpty());
}

void TestRssParser::notAFeed()
{
    QString error;
    const RssFeed f = RssParser::parse("<html><body><h1>503 Service Unavailable</h1></body></html>", &error);
    QVERIFY2(error.contains(u"not an arXiv RSS or Atom feed"_s), qPrintable(error));
    QVERIFY(f.items.isEmpty());
}

void TestRssParser::unknownAnnounceTypeIsAnError()
{
    QString error;
    const RssFeed f = RssParser::parse(feed(item("2510.03438v1", "withdrawn", "A", "a", "cs.LG", "X")), &error);
    QVERIFY2(error.contains(u"withdrawn"_s), qPrintable(error));
    QVERIFY(f.items.isEmpty());
}

void TestRssParser::atomVariant()
{
    QString error;
    const RssFeed f = RssParser::parse(TestData::read(u"arxiv/atom_cs.LG_2026-09-25.xml"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(f.day, QDate(2026, 9, 25));
    QCOMPARE(f.items.size(), 3);
    QCOMPARE(f.items.at(0).paper.arxivId, u"2609.28553"_s);
    QCOMPARE(f.items.at(0).type, AnnounceType::New);
    QCOMPARE(f.items.at(0).paper.journalRef,
             u"2026 International Conference on Multimedia Analysis and Pattern Recognition (MAPR)"_s);
    QCOMPARE(f.items.at(0).paper.doi, u"10.1109/MAPR72750.2026.11685822"_s);
    QCOMPARE(f.items.at(0).paper.authors.size(), 6);
    QCOMPARE(f.items.at(1).type, AnnounceType::Cross);
    QCOMPARE(f.items.at(1).paper.version, 3);
    QCOMPARE(f.items.at(1).paper.primaryCategory, u"hep-ph"_s);
    QCOMPARE(f.items.at(2).type, AnnounceType::Replace);
    QVERIFY(f.items.at(2).paper.abstract.startsWith(u"Multi-touch attribution"_s));
}

void TestRssParser::declaredEncodingIsHonoured()
{
    // The parser decodes UTF-8 itself (faster); a feed declaring another encoding keeps it.
    QByteArray latin1 = feed(item("2510.03438v1", "new", "Caf\xe9 na\xefve", "R\xe9sum\xe9.", "cs.LG", "Ren\xe9 Descartes"));
    latin1.replace("encoding='UTF-8'", "encoding='ISO-8859-1'");
    QString error;
    RssFeed f = RssParser::parse(latin1, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(f.items.at(0).paper.title, u"Caf\u00e9 na\u00efve"_s);
    QCOMPARE(f.items.at(0).paper.authors.at(0).name, u"Ren\u00e9 Descartes"_s);

    // A UTF-8 byte order mark in front of the declaration.
    const QByteArray bom = "\xEF\xBB\xBF" + feed(item("2510.03438v1", "new", "Caf\xc3\xa9", "a", "cs.LG", "X"));
    f = RssParser::parse(bom, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(f.items.at(0).paper.title, u"Caf\u00e9"_s);
}

void TestRssParser::whitespaceIsCollapsed()
{
    QString error;
    const RssFeed f = RssParser::parse(feed(item("2510.03438v1", "new", "  A\n  wrapped\ttitle ", "one  two\nthree", "cs.LG", "X")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(f.items.at(0).paper.title, u"A wrapped title"_s);
    QCOMPARE(f.items.at(0).paper.abstract, u"one two three"_s);
}

QTEST_GUILESS_MAIN(TestRssParser)
#include "tst_rssparser.moc"
