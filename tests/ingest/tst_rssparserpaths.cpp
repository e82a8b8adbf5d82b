// SPDX-License-Identifier: GPL-3.0-or-later
// RssParser's two readers give the same feed: the fast one (XmlScanner) wherever it accepts a document,
// QXmlStreamReader everywhere else, with QXmlStreamReader's messages for every error.
#include "fakearxivserver.h"
#include "testdata.h"

#include "arxiv/rssparser.h"

#include <QDir>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// Every field of the feed, one line each, so a difference names the item and the field.
QStringList describe(const RssFeed &f)
{
    QStringList out{u"day %1"_s.arg(f.day.toString(Qt::ISODate)), u"title %1"_s.arg(f.title),
                    u"skipDays %1"_s.arg(f.skipDays.join(u'|')), u"items %1"_s.arg(f.items.size())};
    for (qsizetype i = 0; i < f.items.size(); ++i) {
        const FeedItem &it = f.items.at(i);
        const Paper &p = it.paper;
        const QString n = u"#%1 "_s.arg(i);
        out << n + u"type %1 announced %2"_s.arg(int(it.type)).arg(it.announcedVersion)
            << n + u"id %1 v%2"_s.arg(p.arxivId).arg(p.version) << n + u"title %1"_s.arg(p.title)
            << n + u"abstract %1"_s.arg(p.abstract) << n + u"categories %1"_s.arg(p.categories.join(u'|'))
            << n + u"primary %1"_s.arg(p.primaryCategory) << n + u"comment %1"_s.arg(p.comment)
            << n + u"journal %1"_s.arg(p.journalRef) << n + u"doi %1"_s.arg(p.doi) << n + u"license %1"_s.arg(p.license)
            << n + u"dates %1 %2"_s.arg(p.published.toString(Qt::ISODate), p.updated.toString(Qt::ISODate))
            << n + u"complete %1"_s.arg(p.metadataComplete);
        for (const Author &a : p.authors)
            out << n + u"author %1 [%2] %3"_s.arg(a.name, a.semanticScholarId).arg(a.hIndex);
    }
    return out;
}

// A channel in rss.arxiv.org's layout; the namespace prefixes can be chosen.
QByteArray feed(const QByteArray &items, const QByteArray &arxivPrefix = "arxiv", const QByteArray &dcPrefix = "dc")
{
    return "<?xml version='1.0' encoding='UTF-8'?>\n<rss xmlns:" + arxivPrefix + "=\"http://arxiv.org/schemas/atom\" xmlns:"
        + dcPrefix + "=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\" version=\"2.0\">\n"
        "  <channel>\n    <title>cs.LG updates on arXiv.org</title>\n"
        "    <atom:link href=\"http://rss.arxiv.org/rss/cs.LG\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        "    <pubDate>Tue, 07 Oct 2025 00:00:00 -0400</pubDate>\n"
        "    <skipDays><day>Sunday</day><day>Saturday</day></skipDays>\n"
        + items + "  </channel>\n</rss>\n";
}

QByteArray item(const QByteArray &title, const QByteArray &abstract, const QByteArray &creators,
                const QByteArray &extra = {}, const QByteArray &arxivPrefix = "arxiv", const QByteArray &dcPrefix = "dc")
{
    return "    <item>\n      <title>" + title + "</title>\n      <link>https://arxiv.org/abs/2510.03438</link>\n"
        "      <description>arXiv:2510.03438v2 Announce Type: replace \nAbstract: " + abstract + "</description>\n"
        "      <guid isPermaLink=\"false\">oai:arXiv.org:2510.03438v2</guid>\n      <category>cs.LG</category>\n"
        "      <category>stat.ML</category>\n      <" + arxivPrefix + ":announce_type>replace</" + arxivPrefix
        + ":announce_type>\n      <" + dcPrefix + ":rights>http://creativecommons.org/licenses/by/4.0/</" + dcPrefix
        + ":rights>\n" + extra + "      <" + dcPrefix + ":creator>" + creators + "</" + dcPrefix + ":creator>\n    </item>\n";
}

QByteArray withoutDeclaration(const QByteArray &doc)
{
    return doc.mid(doc.indexOf("<rss"));
}

// Both readers on one document; returns whether the fast one accepted it.
bool bothAgree(const QByteArray &doc)
{
    QString whyNot, qtError = u"unset"_s, error = u"unset"_s;
    const std::optional<RssFeed> fast = RssParser::parseFast(doc, &whyNot);
    const RssFeed qt = RssParser::parseWithQXmlStreamReader(doc, &qtError);
    const RssFeed chosen = RssParser::parse(doc, &error);
    [&] {
        QCOMPARE(error, qtError); // users always see QXmlStreamReader's message
        QCOMPARE(describe(chosen), describe(qt));
        if (fast) {
            QVERIFY2(qtError.isEmpty(), qPrintable(u"the fast reader accepted what QXmlStreamReader refuses: "_s + qtError));
            QCOMPARE(describe(*fast), describe(qt));
            QVERIFY(whyNot.isEmpty());
        } else {
            QVERIFY(!whyNot.isEmpty());
        }
    }();
    return fast.has_value();
}

QList<FeedItem> realDay()
{
    const QDate day(2025, 10, 7);
    const QList<Paper> records =
        FakeArxivServer::papersFromJsonl(TestData::read(u"arxiv/day_2025-10-07.cs.LG+cs.AI.jsonl"_s), day);
    QList<FeedItem> items;
    for (const Paper &p : records) {
        FeedItem it;
        it.paper = p;
        it.type = p.primaryCategory == u"cs.LG"_s || p.primaryCategory == u"cs.AI"_s ? AnnounceType::New : AnnounceType::Cross;
        items << it;
    }
    return items;
}
} // namespace

class TestRssParserPaths : public QObject
{
    Q_OBJECT

private slots:
    void realFixtures();
    void realDayOf663Papers();
    void generatedFeeds_data();
    void generatedFeeds();
    void outsideTheSubsetFallsBack_data();
    void outsideTheSubsetFallsBack();
    void damagedFeedsAgree();
};

void TestRssParserPaths::realFixtures()
{
    // Every real document in the test data, feeds and API answers (RssParser refuses the latter: no
    // announce type; the message must be the same either way).
    QStringList files;
    for (const QString &dir : {u"arxiv"_s, u"daily"_s}) {
        for (const QString &f : QDir(TestData::path(dir)).entryList({u"*.xml"_s}, QDir::Files))
            files << dir + u'/' + f;
    }
    QVERIFY(files.size() >= 10);
    int fast = 0;
    for (const QString &f : std::as_const(files)) {
        const QByteArray doc = TestData::read(f);
        QString qtError;
        const RssFeed qt = RssParser::parseWithQXmlStreamReader(doc, &qtError);
        const bool accepted = bothAgree(doc);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"differs on "_s + f));
        if (qtError.isEmpty()) {
            QVERIFY2(accepted, qPrintable(u"the fast reader declines the readable feed "_s + f));
            fast += !qt.items.isEmpty();
        }
    }
    QVERIFY2(fast >= 3, "the real RSS, Atom and daily feeds (with items) go the fast way");
}

void TestRssParserPaths::realDayOf663Papers()
{
    // The real abstracts of 2025-10-07 (LaTeX, non-ASCII, '&', '<'), written in arXiv's RSS layout.
    QList<FeedItem> items = realDay();
    QCOMPARE(items.size(), 663);
    const QByteArray doc = FakeArxivServer::buildRss(QDate(2025, 10, 7), {u"cs.LG"_s, u"cs.AI"_s}, items);
    QVERIFY2(bothAgree(doc), "the fast reader reads a real day");
    const RssFeed f = *RssParser::parseFast(doc);
    QCOMPARE(f.items.size(), 663);
    int nonAscii = 0, latex = 0, markup = 0;
    const auto hasNonAscii = [](const QString &t) {
        return std::any_of(t.cbegin(), t.cend(), [](QChar c) { return c.unicode() > 127; });
    };
    for (const FeedItem &it : f.items) {
        const Paper &p = it.paper;
        nonAscii += hasNonAscii(p.title) || std::any_of(p.authors.cbegin(), p.authors.cend(), [&](const Author &a) {
                        return hasNonAscii(a.name);
                    });
        latex += p.abstract.contains(u'$') || p.abstract.contains(u'\\');
        markup += p.abstract.contains(u'&') || p.abstract.contains(u'<');
    }
    qInfo("%d papers with non-ASCII titles or names, %d with LaTeX, %d with & or <", nonAscii, latex, markup);
    QVERIFY2(nonAscii >= 3 && latex > 50 && markup >= 5, "the day exercises non-ASCII, LaTeX and markup characters");
}

void TestRssParserPaths::generatedFeeds_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::newRow("plain") << feed(item("Plain title", "Plain abstract.", "A One, B Two and C Three"));
    QTest::newRow("entities, once and twice escaped")
        << feed(item("Q&amp;amp;A for R&amp;D: caf&amp;#233; &amp;#x3b1; &lt;b&gt; &quot;x&quot; &apos;y&apos;",
                     "Bounds &amp;lt; 1 &amp;amp; more &amp;nbsp;here; AT&amp;T &#233;&#xE9;&#x1F600;",
                     "Jean-Fran&amp;#231;ois Caf&#233;, Tom &amp;amp; Jerry"));
    QTest::newRow("CDATA") << feed(item("<![CDATA[A <b>bold</b> & title]]>", "<![CDATA[x < y && y > z]]> and &amp; more",
                                        "<![CDATA[D. O'Neil]]>, E. F&amp;G"));
    QTest::newRow("non-ASCII and LaTeX")
        << feed(item(u"$\\alpha$-Divergenz f\u00fcr Schr\u00f6dinger: $O(n^{2})$ \u2014 \u6df1\u5ea6\u5b66\u4e60 \U0001F600"_s.toUtf8(),
                     u"We bound $\\|x\\|_2 \\leq \\epsilon$ using \\emph{Stein's} method (na\u00efve \\textbf{r\u00e9sum\u00e9})."_s.toUtf8(),
                     "\xc3\x89mile Zola, Dirk W\xc3\xbc""bben"));
    QTest::newRow("comments and processing instructions")
        << feed("    <!-- before an item -->\n" + item("Split <!-- x --> title<?pi y?>", "Ab<!-- c -->stract", "A B")
                + "<?arxiv note?>\n");
    QTest::newRow("white space and references to line breaks")
        << feed(item("  A\n  wrapped\ttitle&#10;&#9;end ", "one  two\nthree&#10;four", "  A  B ,\n C and D "));
    QTest::newRow("unusual prefixes") << feed(item("T", "a", "A B, C D", "      <zz:DOI>10.1000/x</zz:DOI>\n", "zz", "q"), "zz", "q");
    QTest::newRow("dc prefix bound to another URI")
        << QByteArray(feed(item("T", "a", "Not An Author")).replace("http://purl.org/dc/elements/1.1/", "urn:not-dc"));
    QTest::newRow("namespace redeclared on the item")
        << feed(item("T", "a", "A B").replace("<item>", "<item xmlns:dc=\"urn:elsewhere\" xmlns:x=\"http://purl.org/dc/elements/1.1/\">")
                + item("U", "b", "C D"));
    QTest::newRow("empty and self-closing elements")
        << feed(item("", "", "", "      <arxiv:DOI/>\n      <arxiv:journal_reference></arxiv:journal_reference>\n"));
    QTest::newRow("no declaration, single quotes, BOM")
        << QByteArray("\xEF\xBB\xBF" + withoutDeclaration(feed(item("T", "a", "A B"))).replace("version=\"2.0\"", "version='2.0'"));
    QTest::newRow("empty channel") << feed({});
    QTest::newRow("several items with journal and DOI")
        << feed(item("One", "a", "A", "      <arxiv:DOI>10.1/a</arxiv:DOI>\n      <arxiv:journal_reference>J. &amp;amp; K. 1 (2025)</arxiv:journal_reference>\n")
                + item("Two", "b", "B") + item("Three", "c", "C"));
    QTest::newRow("atom variant, attribute white space")
        << QByteArray(TestData::read(u"arxiv/atom_cs.LG_2026-09-25.xml"_s)
                          .replace("<category term=\"cs.LG\"/>", "<category term=' cs.\tLG&#9;x\n' />"));
}

void TestRssParserPaths::generatedFeeds()
{
    QFETCH(QByteArray, doc);
    QVERIFY2(bothAgree(doc), "inside the subset: read the fast way");
}

void TestRssParserPaths::outsideTheSubsetFallsBack_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<bool>("readable"); // QXmlStreamReader reads it
    const QByteArray good = feed(item("Caf\xc3\xa9", "a", "A B"));
    QTest::newRow("unknown entity") << QByteArray(good).replace("Caf\xc3\xa9", "Caf&eacute;") << false;
    QTest::newRow("DOCTYPE with an entity")
        << QByteArray(good).replace("<rss ", "<!DOCTYPE rss [<!ENTITY e \"\xc3\xa9\">]>\n<rss ").replace("Caf\xc3\xa9", "Caf&e;")
        << true;
    QTest::newRow("Latin-1") << QByteArray(good).replace("encoding='UTF-8'", "encoding='ISO-8859-1'").replace("Caf\xc3\xa9", "Caf\xe9")
                             << true;
    QTest::newRow("CR LF line ends") << QByteArray(good).replace("\n", "\r\n") << true;
    QTest::newRow("invalid UTF-8") << QByteArray(good).replace("Caf\xc3\xa9", "Caf\xe9") << true;
    QTest::newRow("malformed") << QByteArray(good).replace("</title>", "</titel>") << false;
    QTest::newRow("truncated") << good.left(good.size() / 2) << false;
    QTest::newRow("unknown announce type") << QByteArray(good).replace(">replace<", ">withdrawn<") << false;
    QTest::newRow("not a feed") << QByteArray("<html><body>503</body></html>") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestRssParserPaths::outsideTheSubsetFallsBack()
{
    QFETCH(QByteArray, doc);
    QFETCH(bool, readable);
    QVERIFY2(!bothAgree(doc), "the fast reader declines");
    QString error;
    const RssFeed f = RssParser::parse(doc, &error);
    QCOMPARE(error.isEmpty(), readable);
    QCOMPARE(f.items.size(), readable ? 1 : 0);
    if (readable)
        QVERIFY2(f.items.at(0).paper.title.startsWith(u"Caf"_s), qPrintable(f.items.at(0).paper.title));
}

void TestRssParserPaths::damagedFeedsAgree()
{
    // Damaged copies of a real feed: whatever the fast reader accepts reads the same as with
    // QXmlStreamReader, and parse() always answers as QXmlStreamReader does. Seeded: replayable.
    const QByteArray real = TestData::read(u"arxiv/rss_multi_cat_2026-09-24.xml"_s);
    QRandomGenerator rng(7);
    static const QByteArray alphabet("<>&;#\"'/:= \nax\xc3");
    int fast = 0;
    for (int i = 0; i < 1500; ++i) {
        QByteArray d = real;
        const qsizetype at = rng.bounded(int(d.size()));
        switch (rng.bounded(3)) {
        case 0:
            d.remove(at, 1 + rng.bounded(6));
            break;
        case 1:
            d.insert(at, alphabet.at(rng.bounded(int(alphabet.size()))));
            break;
        default:
            d[at] = alphabet.at(rng.bounded(int(alphabet.size())));
            break;
        }
        fast += bothAgree(d);
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "copy" << i << "at byte" << at << ":" << QString::fromUtf8(d.mid(std::max<qsizetype>(0, at - 80), 160));
            return;
        }
    }
    qInfo("%d of 1500 damaged copies read the fast way", fast);
    QVERIFY(fast > 100 && fast < 1400);
}

QTEST_GUILESS_MAIN(TestRssParserPaths)
#include "tst_rssparserpaths.moc"
