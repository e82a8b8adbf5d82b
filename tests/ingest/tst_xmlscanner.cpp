// SPDX-License-Identifier: GPL-3.0-or-later
// XmlScanner, the fast reader RssParser tries first: what it reads, what it refuses, and that whatever it
// accepts QXmlStreamReader accepts too and reads the same way (token by token, on real feeds and on
// thousands of damaged copies of them).
#include "testdata.h"

#include "arxiv/xmlinput.h"
#include "arxiv/xmlscanner.h"

#include <QRandomGenerator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
using Token = XmlScanner::Token;
using Error = XmlScanner::Error;

struct Tokens
{
    bool ok = false;
    QStringList list;
};

// "S {uri}name a=v ...", "E {uri}name", "T text" (adjacent text merged, text outside the root dropped).
Tokens scannerTokens(const QByteArray &doc)
{
    Tokens t;
    XmlScanner xml(doc);
    QString text;
    int depth = 0;
    const auto flush = [&] {
        if (!text.isEmpty())
            t.list << u"T "_s + text;
        text.clear();
    };
    for (;;) {
        const Token tok = xml.readNext();
        if (tok == Token::StartElement) {
            flush();
            QString line = u"S {%1}%2"_s.arg(xml.namespaceUri(), xml.name());
            for (const QString &q : xml.attributeNames())
                line += u" %1=%2"_s.arg(q, xml.attribute(q));
            t.list << line;
            ++depth;
        } else if (tok == Token::EndElement) {
            flush();
            t.list << u"E {%1}%2"_s.arg(xml.namespaceUri(), xml.name());
            --depth;
        } else if (tok == Token::Characters) {
            if (depth > 0)
                text += QString::fromUtf8(xml.textUtf8());
        } else {
            break;
        }
    }
    t.ok = !xml.hasError() && xml.tokenType() == Token::EndDocument;
    return t;
}

Tokens qtTokens(const QByteArray &doc)
{
    Tokens t;
    const std::unique_ptr<QXmlStreamReader> reader = XmlInput::reader(doc);
    QXmlStreamReader &xml = *reader;
    QString text;
    int depth = 0;
    const auto flush = [&] {
        if (!text.isEmpty())
            t.list << u"T "_s + text;
        text.clear();
    };
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            flush();
            QString line = u"S {%1}%2"_s.arg(xml.namespaceUri(), xml.name());
            for (const QXmlStreamAttribute &a : xml.attributes())
                line += u" %1=%2"_s.arg(a.qualifiedName(), a.value());
            t.list << line;
            ++depth;
            break;
        }
        case QXmlStreamReader::EndElement:
            flush();
            t.list << u"E {%1}%2"_s.arg(xml.namespaceUri(), xml.name());
            --depth;
            break;
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            if (depth > 0)
                text += xml.text();
            break;
        default:
            break;
        }
    }
    t.ok = !xml.hasError();
    return t;
}

// A small hand-written document with every construct the scanner reads (testdata/arxiv/SOURCES.md).
QByteArray kitchenSink()
{
    return TestData::read(u"arxiv/xml_subset_sample.xml"_s);
}
} // namespace

class TestXmlScanner : public QObject
{
    Q_OBJECT

private slots:
    void readsElementsTextAndAttributes();
    void namespacesAreResolvedByUri();
    void readElementTextSkipsCommentsAndJoinsCData();
    void refuses_data();
    void refuses();
    void everyTruncationIsPrematureEnd();
    void sameTokensAsQXmlStreamReader_data();
    void sameTokensAsQXmlStreamReader();
    void damagedCopiesAreRefusedOrReadLikeQt_data();
    void damagedCopiesAreRefusedOrReadLikeQt();
};

void TestXmlScanner::readsElementsTextAndAttributes()
{
    XmlScanner xml(kitchenSink());
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"rss"_s);
    QCOMPARE(xml.namespaceUri().toString(), QString());
    QCOMPARE(xml.attribute(u"version"), u"2.0"_s);
    QCOMPARE(xml.attribute(u"xmlns:arxiv"), QString()); // a declaration, not an attribute
    QCOMPARE(xml.attributeNames(), QStringList{u"version"_s});
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"channel"_s);
    QCOMPARE(xml.attribute(u"xml:lang"), u"en"_s);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"title"_s);
    QCOMPARE(xml.readElementText(), u"A & B <c> \"d\" 'e' \u00e9\u00e9\U0001F600 caf\u00e9 \u6df1 \U0001F600"_s);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"item"_s);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"description"_s);
    xml.skipCurrentElement();
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"announce_type"_s);
    QCOMPARE(xml.readElementText(), u"new"_s);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"creator"_s);
    QCOMPARE(xml.attribute(u"a"), u"1"_s);
    QCOMPARE(xml.attribute(u"b"), u"two words"_s);
    QCOMPARE(xml.attribute(u"c"), u"t\tab\nnl"_s); // references keep their character
    QCOMPARE(xml.attribute(u"missing"), QString());
    QCOMPARE(xml.readElementText(), QString()); // <x/>
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"link"_s);
    QCOMPARE(xml.attribute(u"href"), u"line break tab"_s); // literal line break and tab: spaces
    QVERIFY(xml.readToEnd());
    QVERIFY(!xml.hasError());
    QCOMPARE(xml.tokenType(), Token::EndDocument);
}

void TestXmlScanner::namespacesAreResolvedByUri()
{
    // The prefix is whatever the document declares; only the URI counts, and declarations are scoped.
    XmlScanner xml(R"(<zz:feed xmlns:zz="http://www.w3.org/2005/Atom" xmlns="urn:default">
  <zz:entry><title/><a:doi xmlns:a="http://arxiv.org/schemas/atom"/></zz:entry>
  <zz:entry xmlns:zz="urn:other"><zz:id/></zz:entry>
  <zz:id/><plain xmlns=""/>
</zz:feed>)");
    QStringList seen;
    for (Token t = xml.readNext(); t != Token::EndDocument && t != Token::Invalid; t = xml.readNext()) {
        if (t == Token::StartElement)
            seen << u"{%1}%2"_s.arg(xml.namespaceUri(), xml.name());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(seen, (QStringList{u"{http://www.w3.org/2005/Atom}feed"_s, u"{http://www.w3.org/2005/Atom}entry"_s,
                                u"{urn:default}title"_s, u"{http://arxiv.org/schemas/atom}doi"_s,
                                u"{urn:other}entry"_s, u"{urn:other}id"_s, u"{http://www.w3.org/2005/Atom}id"_s,
                                u"{}plain"_s}));
}

void TestXmlScanner::readElementTextSkipsCommentsAndJoinsCData()
{
    XmlScanner xml("<a><t>one <!-- no --> two<![CDATA[ <three> &amp; ]]>four&amp;<?pi x?>five</t><u><v/></u></a>");
    QVERIFY(xml.readNextStartElement());
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.readElementText(), u"one  two <three> &amp; four&five"_s);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), u"u"_s);
    // A child element inside text is an error, as for QXmlStreamReader::readElementText().
    QCOMPARE(xml.readElementText(), QString());
    QVERIFY(xml.hasError());
    QCOMPARE(xml.error(), Error::NotWellFormed);
}

void TestXmlScanner::refuses_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("qtRejects"); // QXmlStreamReader refuses it as well
    const auto row = [](const char *name, const QByteArray &doc, Error e, bool qtRejects) {
        QTest::newRow(name) << doc << int(e) << qtRejects;
    };
    // Not XML: QXmlStreamReader says why, with line and column.
    row("mismatched tags", "<a><b></a></b>", Error::NotWellFormed, true);
    row("end tag of another prefix", "<a xmlns:x='u' xmlns:y='u'><x:b></y:b></a>", Error::NotWellFormed, true);
    row("unquoted attribute", "<a b=1/>", Error::NotWellFormed, true);
    row("attribute without value", "<a b/>", Error::NotWellFormed, true);
    row("mixed quotes", "<a b=\"1'/>", Error::PrematureEnd, true);
    row("duplicate attribute", "<a b='1' b='2'/>", Error::NotWellFormed, true);
    row("no space between attributes", "<a b='1'c='2'/>", Error::NotWellFormed, true);
    row("< in attribute", "<a b='<'/>", Error::NotWellFormed, true);
    row("bare ampersand", "<a>AT&T</a>", Error::NotWellFormed, true);
    row("ampersand without semicolon", "<a>&amp</a>", Error::NotWellFormed, true);
    row("character reference to NUL", "<a>&#0;</a>", Error::NotWellFormed, true);
    row("character reference to a surrogate", "<a>&#xD800;</a>", Error::NotWellFormed, true);
    row("character reference past Unicode", "<a>&#x110000;</a>", Error::NotWellFormed, true);
    row("control character", "<a>\x01</a>", Error::NotWellFormed, true);
    row("]]> in text", "<a>x]]>y</a>", Error::NotWellFormed, true);
    row("-- in comment", "<a><!-- x -- y --></a>", Error::NotWellFormed, true);
    row("undeclared element prefix", "<x:a/>", Error::NotWellFormed, true);
    row("undeclared attribute prefix", "<a x:b='1'/>", Error::NotWellFormed, true);
    row("prefix out of scope", "<a><b xmlns:x='u'/><x:c/></a>", Error::NotWellFormed, true);
    row("text after the root", "<a/>tail", Error::NotWellFormed, true);
    row("second root", "<a/><b/>", Error::NotWellFormed, true);
    row("text before the root", "x<a/>", Error::NotWellFormed, true);
    row("end tag without start", "<a/></a>", Error::NotWellFormed, true);
    row("slash inside tag", "<a / >", Error::NotWellFormed, true);
    row("empty document", "", Error::PrematureEnd, true);
    row("only white space", "  \n ", Error::PrematureEnd, true);
    row("unclosed root", "<a><b/>", Error::PrematureEnd, true);
    // Outside the subset: left to QXmlStreamReader, which may or may not accept it.
    row("unknown entity", "<a>&nbsp;</a>", Error::Unsupported, true);
    row("DOCTYPE", "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>", Error::Unsupported, false);
    row("latin-1", "<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xe9</a>", Error::Unsupported, false);
    row("version 1.1", "<?xml version='1.1'?><a/>", Error::Unsupported, false);
    row("carriage return", "<a>x\r\ny</a>", Error::Unsupported, false);
    row("carriage return reference", "<a>x&#13;y</a>", Error::Unsupported, false);
    row("invalid UTF-8", "<a>caf\xe9</a>", Error::Unsupported, false);
    row("U+FFFF", "<a>\xef\xbf\xbf</a>", Error::Unsupported, true);
    row("non-ASCII name", "<caf\xc3\xa9/>", Error::Unsupported, false);
    row("two colons", "<a:b:c/>", Error::Unsupported, true);
    row("declaration later", "<!-- x --><?xml version='1.0'?><a/>", Error::Unsupported, true);
    row("declaration after space", " <?xml version='1.0'?><a/>", Error::Unsupported, true);
}

void TestXmlScanner::refuses()
{
    QFETCH(QByteArray, doc);
    QFETCH(int, error);
    QFETCH(bool, qtRejects);
    XmlScanner xml(doc);
    QVERIFY(!xml.readToEnd());
    QVERIFY(xml.hasError());
    QCOMPARE(int(xml.error()), error);
    QVERIFY(!xml.errorString().isEmpty());
    if (qtRejects)
        QVERIFY2(!qtTokens(doc).ok, "the premise: QXmlStreamReader refuses this too");
}

void TestXmlScanner::everyTruncationIsPrematureEnd()
{
    const QByteArray full = TestData::read(u"arxiv/rss_multi_cat_2026-09-24.xml"_s);
    QVERIFY(scannerTokens(full).ok);
    const qsizetype end = full.lastIndexOf("</rss>") + 6; // the trailing line break is optional
    for (qsizetype cut = 0; cut < end; ++cut) {
        XmlScanner xml(full.left(cut));
        QVERIFY2(!xml.readToEnd(), qPrintable(u"a cut at byte %1 is accepted"_s.arg(cut)));
        QVERIFY2(xml.error() == Error::PrematureEnd || xml.error() == Error::Unsupported,
                 qPrintable(u"cut at %1: %2"_s.arg(cut).arg(xml.errorString())));
    }
}

void TestXmlScanner::sameTokensAsQXmlStreamReader_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::newRow("kitchen sink") << kitchenSink();
    QTest::newRow("kitchen sink with BOM") << QByteArray("\xEF\xBB\xBF" + kitchenSink());
    const QStringList files{u"arxiv/rss_multi_cat_2026-09-24.xml"_s, u"arxiv/atom_cs.LG_2026-09-25.xml"_s,
                            u"daily/arxiv_rss_2026-09-24.xml"_s,     u"arxiv/api_two_ids.xml"_s,
                            u"arxiv/api_old_1111.2011v2.xml"_s,      u"arxiv/api_search_testing.xml"_s,
                            u"arxiv/api_error_abc.xml"_s,            u"arxiv/api_empty_0000.0000.xml"_s,
                            u"arxiv/api_1605.08386.xml"_s,           u"arxiv/api_astro-ph_0601001.xml"_s};
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << TestData::read(f);
}

void TestXmlScanner::sameTokensAsQXmlStreamReader()
{
    QFETCH(QByteArray, doc);
    const Tokens fast = scannerTokens(doc);
    const Tokens qt = qtTokens(doc);
    QVERIFY(qt.ok);
    QVERIFY2(fast.ok, "every real arXiv document is inside the subset");
    QCOMPARE(fast.list, qt.list);
    QVERIFY(fast.list.size() > 4);
}

void TestXmlScanner::damagedCopiesAreRefusedOrReadLikeQt_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<int>("copies");
    QTest::newRow("kitchen sink") << kitchenSink() << 4000;
    QTest::newRow("rss") << TestData::read(u"arxiv/rss_multi_cat_2026-09-24.xml"_s) << 1500;
    QTest::newRow("atom") << TestData::read(u"arxiv/atom_cs.LG_2026-09-25.xml"_s) << 1500;
}

void TestXmlScanner::damagedCopiesAreRefusedOrReadLikeQt()
{
    // The property the fallback design rests on: a document the scanner accepts is one
    // QXmlStreamReader accepts and reads the same way. Seeded, so a failure can be replayed.
    QFETCH(QByteArray, doc);
    QFETCH(int, copies);
    QRandomGenerator rng(20261124);
    static const QByteArray alphabet("<>&;#x\"'=/:!?-[]] \n\txmlnsa\xc3\xa9\x01\r");
    int accepted = 0, refused = 0;
    for (int i = 0; i < copies; ++i) {
        QByteArray d = doc;
        const int edits = 1 + int(rng.bounded(3));
        for (int e = 0; e < edits && !d.isEmpty(); ++e) {
            const qsizetype at = rng.bounded(int(d.size()));
            switch (rng.bounded(5)) {
            case 0:
                d.remove(at, 1 + rng.bounded(8));
                break;
            case 1:
                d.insert(at, alphabet.at(rng.bounded(int(alphabet.size()))));
                break;
            case 2:
                d[at] = alphabet.at(rng.bounded(int(alphabet.size())));
                break;
            case 3:
                d.insert(at, d.mid(rng.bounded(int(d.size())), 1 + rng.bounded(12)));
                break;
            default:
                d.truncate(at);
                break;
            }
        }
        const Tokens fast = scannerTokens(d);
        if (!fast.ok) {
            ++refused;
            continue;
        }
        ++accepted;
        const Tokens qt = qtTokens(d);
        if (!qt.ok || fast.list != qt.list) {
            qWarning().noquote() << "copy" << i << "read differently:\n" << QString::fromUtf8(d.left(3000));
            QCOMPARE(qt.ok, true);
            QCOMPARE(fast.list, qt.list);
        }
    }
    qInfo("%d copies accepted and read like QXmlStreamReader, %d refused", accepted, refused);
    QVERIFY2(accepted > copies / 20 && refused > copies / 5, "the damage is neither always fatal nor always harmless");
}

QTEST_GUILESS_MAIN(TestXmlScanner)
#include "tst_xmlscanner.moc"
