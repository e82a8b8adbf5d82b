// SPDX-License-Identifier: GPL-3.0-or-later
#include "rssparser.h"

#include "arxivtext.h"
#include "xmlinput.h"

#include <QDateTime>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kArxivNs = u"http://arxiv.org/schemas/atom"_s;
const QString kDcNs = u"http://purl.org/dc/elements/1.1/"_s;
const QString kAtomNs = u"http://www.w3.org/2005/Atom"_s;

// "Thu, 24 Sep 2026 00:00:00 -0400" -> 2026-09-24 (the date as written, in its own offset).
QDate dateOfRfc2822(const QString &text)
{
    const QDateTime dt = QDateTime::fromString(text.trimmed(), Qt::RFC2822Date);
    return dt.isValid() ? dt.date() : QDate();
}

// "2026-09-25T00:00:00-04:00" -> 2026-09-25 (the date as written, in its own offset).
QDate dateOfIso(const QString &text)
{
    const QDateTime dt = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (dt.isValid())
        return dt.date();
    return QDate::fromString(text.trimmed().left(10), Qt::ISODate);
}

struct Description
{
    QString versionedId;
    QString type;
    QString abstract;
};

// "arXiv:2609.26811v1 Announce Type: new \nAbstract: Local learning ..." (also without the prefix:
// then the whole text is the abstract).
Description splitDescription(const QString &text)
{
    Description d;
    const QString t = text.trimmed();
    if (!t.startsWith(u"arXiv:"_s)) {
        d.abstract = t;
        return d;
    }
    const qsizetype typeAt = t.indexOf(u"Announce Type:"_s);
    const qsizetype abstractAt = t.indexOf(u"Abstract:"_s);
    const qsizetype idEnd = typeAt >= 0 ? typeAt : (abstractAt >= 0 ? abstractAt : t.size());
    d.versionedId = t.mid(6, idEnd - 6).trimmed();
    if (typeAt >= 0) {
        const qsizetype typeEnd = abstractAt > typeAt ? abstractAt : t.size();
        d.type = t.mid(typeAt + 14, typeEnd - typeAt - 14).trimmed();
    }
    d.abstract = abstractAt >= 0 ? t.mid(abstractAt + 9) : QString();
    return d;
}

// Sets id/version from "2609.26811v1", "oai:arXiv.org:2609.26811v1" or a /abs/ link.
bool takeId(const QString &text, Paper &paper)
{
    QString t = text.trimmed();
    if (t.startsWith(u"oai:arXiv.org:"_s))
        t = t.mid(14);
    const qsizetype abs = t.indexOf(u"/abs/"_s);
    if (abs >= 0)
        t = t.mid(abs + 5);
    QString id;
    int version = 0;
    if (!Paper::splitVersionedId(t, &id, &version))
        return false;
    paper.arxivId = id;
    if (version > 0)
        paper.version = version;
    return true;
}

void finishItem(FeedItem &item, const Description &d, const QString &guid, const QString &link,
                const QString &explicitType, RssFeed &feed, QString *itemError)
{
    Paper &p = item.paper;
    if (!takeId(d.versionedId, p) && !takeId(guid, p) && !takeId(link, p)) {
        if (itemError->isEmpty())
            *itemError = RssParser::tr("an item has no arXiv id (title \"%1\")").arg(p.title.left(80));
        return;
    }
    const QString typeText = explicitType.isEmpty() ? d.type : explicitType;
    const auto type = announceTypeFromString(typeText);
    if (!type) {
        if (itemError->isEmpty())
            *itemError = RssParser::tr("unknown announce type \"%1\" for %2").arg(typeText.left(40), p.arxivId);
        return;
    }
    item.type = *type;
    p.abstract = ArxivText::simplify(ArxivText::decodeEntities(d.abstract));
    if (!p.categories.isEmpty())
        p.primaryCategory = p.categories.first();
    feed.items.append(std::move(item));
}

void addAuthors(Paper &paper, const QString &creatorText)
{
    for (const QString &name : ArxivText::splitAuthors(creatorText))
        paper.authors.append(Author{ArxivText::decodeEntities(name), {}, -1});
}

QString attributeOf(const QXmlStreamReader &xml, QStringView name)
{
    return xml.attributes().value(name.toString()).toString();
}

// The arxiv: and dc: elements read the same in an RSS item and an Atom entry; anything else is skipped.
void readArxivOrDcElement(QXmlStreamReader &xml, QStringView ns, QStringView name, FeedItem &item,
                          QString &explicitType)
{
    if (ns == kArxivNs) {
        if (name == u"announce_type")
            explicitType = xml.readElementText().trimmed();
        else if (name.compare(u"doi", Qt::CaseInsensitive) == 0)
            item.paper.doi = xml.readElementText().trimmed();
        else if (name == u"journal_reference" || name == u"journal_ref")
            item.paper.journalRef = ArxivText::simplify(ArxivText::decodeEntities(xml.readElementText()));
        else
            xml.skipCurrentElement();
    } else if (ns == kDcNs) {
        if (name == u"creator")
            addAuthors(item.paper, xml.readElementText());
        else if (name == u"rights")
            item.paper.license = xml.readElementText().trimmed();
        else
            xml.skipCurrentElement();
    } else {
        xml.skipCurrentElement();
    }
}

void readRssItem(QXmlStreamReader &xml, RssFeed &feed, QString *itemError);
void readAtomEntry(QXmlStreamReader &xml, RssFeed &feed, QString *itemError);

void readRssChannel(QXmlStreamReader &xml, RssFeed &feed, QString *itemError)
{
    QDate lastBuild;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"channel") {
            xml.skipCurrentElement();
            continue;
        }
        while (xml.readNextStartElement()) {
            const QStringView name = xml.name();
            if (!xml.namespaceUri().isEmpty()) {
                xml.skipCurrentElement(); // atom:link and friends
            } else if (name == u"item") {
                readRssItem(xml, feed, itemError);
            } else if (name == u"title") {
                feed.title = ArxivText::simplify(xml.readElementText());
            } else if (name == u"pubDate") {
                feed.day = dateOfRfc2822(xml.readElementText());
            } else if (name == u"lastBuildDate") {
                lastBuild = dateOfRfc2822(xml.readElementText());
            } else if (name == u"skipDays") {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"day")
                        feed.skipDays << xml.readElementText().trimmed();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    if (!feed.day.isValid())
        feed.day = lastBuild;
}

void readRssItem(QXmlStreamReader &xml, RssFeed &feed, QString *itemError)
{
    FeedItem item;
    Description d;
    QString guid, link, explicitType;
    QDate itemDay;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        const QStringView ns = xml.namespaceUri();
        if (ns.isEmpty()) {
            if (name == u"title")
                item.paper.title = ArxivText::simplify(ArxivText::decodeEntities(xml.readElementText()));
            else if (name == u"description")
                d = splitDescription(xml.readElementText());
            else if (name == u"guid")
                guid = xml.readElementText();
            else if (name == u"link")
                link = xml.readElementText();
            else if (name == u"category")
                item.paper.categories << xml.readElementText().trimmed();
            else if (name == u"pubDate" && !feed.day.isValid())
                itemDay = dateOfRfc2822(xml.readElementText()); // only when the channel did not say
            else
                xml.skipCurrentElement();
        } else {
            readArxivOrDcElement(xml, ns, name, item, explicitType);
        }
    }
    if (xml.hasError())
        return;
    if (!feed.day.isValid() && itemDay.isValid())
        feed.day = itemDay;
    finishItem(item, d, guid, link, explicitType, feed, itemError);
}

void readAtomFeed(QXmlStreamReader &xml, RssFeed &feed, QString *itemError)
{
    QDate updated;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        if (xml.namespaceUri() != kAtomNs)
            xml.skipCurrentElement();
        else if (name == u"entry")
            readAtomEntry(xml, feed, itemError);
        else if (name == u"title")
            feed.title = ArxivText::simplify(xml.readElementText());
        else if (name == u"updated")
            updated = dateOfIso(xml.readElementText());
        else
            xml.skipCurrentElement();
    }
    // The Atom variant has no skipDays and no channel pubDate: entries carry the day.
    if (!feed.day.isValid())
        feed.day = updated;
}

void readAtomEntry(QXmlStreamReader &xml, RssFeed &feed, QString *itemError)
{
    FeedItem item;
    Description d;
    QString guid, link, explicitType;
    QDate published;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        const QStringView ns = xml.namespaceUri();
        if (ns == kAtomNs) {
            if (name == u"id")
                guid = xml.readElementText();
            else if (name == u"title")
                item.paper.title = ArxivText::simplify(ArxivText::decodeEntities(xml.readElementText()));
            else if (name == u"summary")
                d = splitDescription(xml.readElementText());
            else if (name == u"category") {
                item.paper.categories << attributeOf(xml, u"term").trimmed();
                xml.skipCurrentElement();
            } else if (name == u"link") {
                if (link.isEmpty())
                    link = attributeOf(xml, u"href");
                xml.skipCurrentElement();
            } else if (name == u"published")
                published = dateOfIso(xml.readElementText());
            else
                xml.skipCurrentElement();
        } else {
            readArxivOrDcElement(xml, ns, name, item, explicitType);
        }
    }
    if (xml.hasError())
        return;
    if (!feed.day.isValid() && published.isValid())
        feed.day = published;
    finishItem(item, d, guid, link, explicitType, feed, itemError);
}

} // namespace

RssFeed RssParser::parse(const QByteArray &bytes, QString *error)
{
    RssFeed feed;
    QString itemError;
    const std::unique_ptr<QXmlStreamReader> reader = XmlInput::reader(bytes);
    QXmlStreamReader &xml = *reader;
    if (xml.readNextStartElement()) {
        if (xml.name() == u"rss")
            readRssChannel(xml, feed, &itemError);
        else if (xml.name() == u"feed" && xml.namespaceUri() == kAtomNs)
            readAtomFeed(xml, feed, &itemError);
        else
            xml.raiseError(RssParser::tr("this is not an arXiv RSS or Atom feed (root element <%1>)").arg(xml.name()));
    }
    // Read to the end so a truncated or malformed tail is noticed even after the last item.
    while (!xml.atEnd() && !xml.hasError())
        xml.readNext();

    QString message;
    if (xml.hasError()) {
        message = xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
            ? RssParser::tr("the feed ends early (line %1): the download was probably cut off").arg(xml.lineNumber())
            : RssParser::tr("the feed is not well-formed XML: %1 (line %2, column %3)")
                  .arg(xml.errorString())
                  .arg(xml.lineNumber())
                  .arg(xml.columnNumber());
    } else if (!itemError.isEmpty()) {
        message = RssParser::tr("the feed has an item PaperSieve cannot read: %1").arg(itemError);
    } else if (bytes.trimmed().isEmpty()) {
        message = RssParser::tr("the feed is empty (no XML at all)");
    }
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return {};
    }
    if (error)
        error->clear();
    return feed;
}
