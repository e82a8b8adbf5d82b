// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomparser.h"

#include "arxivtext.h"
#include "xmlinput.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kAtomNs = u"http://www.w3.org/2005/Atom"_s;
const QString kArxivNs = u"http://arxiv.org/schemas/atom"_s;
const QString kOpenSearchNs = u"http://a9.com/-/spec/opensearch/1.1/"_s;

QDateTime utcOf(const QString &text)
{
    QDateTime dt = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}
} // namespace

ApiResponse AtomParser::parse(const QByteArray &bytes, QString *error)
{
    ApiResponse response;
    const std::unique_ptr<QXmlStreamReader> reader = XmlInput::reader(bytes);
    QXmlStreamReader &xml = *reader;
    if (xml.readNextStartElement()) {
        if (xml.name() != u"feed" || xml.namespaceUri() != kAtomNs) {
            xml.raiseError(AtomParser::tr("this is not an arXiv API answer (root element <%1>)").arg(xml.name()));
        } else {
            while (xml.readNextStartElement()) {
                const QStringView name = xml.name();
                const QStringView ns = xml.namespaceUri();
                if (ns == kAtomNs && name == u"entry")
                    readEntry(xml, response);
                else if (ns == kOpenSearchNs && name == u"totalResults")
                    response.totalResults = xml.readElementText().trimmed().toInt();
                else if (ns == kOpenSearchNs && name == u"startIndex")
                    response.startIndex = xml.readElementText().trimmed().toInt();
                else if (ns == kOpenSearchNs && name == u"itemsPerPage")
                    response.itemsPerPage = xml.readElementText().trimmed().toInt();
                else
                    xml.skipCurrentElement();
            }
        }
    }
    while (!xml.atEnd() && !xml.hasError())
        xml.readNext();

    QString message;
    if (xml.hasError()) {
        message = xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
            ? AtomParser::tr("the arXiv API answer ends early (line %1): the download was probably cut off").arg(xml.lineNumber())
            : AtomParser::tr("the arXiv API answer is not well-formed XML: %1 (line %2, column %3)")
                  .arg(xml.errorString())
                  .arg(xml.lineNumber())
                  .arg(xml.columnNumber());
    } else if (bytes.trimmed().isEmpty()) {
        message = AtomParser::tr("the arXiv API answer is empty");
    }
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return {};
    }
    if (error)
        error->clear();
    return response;
}

void AtomParser::readEntry(QXmlStreamReader &xml, ApiResponse &response)
{
    Paper p;
    QString id, summary, primary;
    QStringList categories;
    while (xml.readNextStartElement()) {
        const QStringView name = xml.name();
        const QStringView ns = xml.namespaceUri();
        if (ns == kAtomNs) {
            if (name == u"id") {
                id = xml.readElementText().trimmed();
            } else if (name == u"title") {
                p.title = ArxivText::simplify(ArxivText::decodeEntities(xml.readElementText()));
            } else if (name == u"summary") {
                summary = xml.readElementText();
            } else if (name == u"published") {
                p.published = utcOf(xml.readElementText());
            } else if (name == u"updated") {
                p.updated = utcOf(xml.readElementText());
            } else if (name == u"category") {
                const QString term = xml.attributes().value(u"term"_s).toString().trimmed();
                if (!term.isEmpty() && !categories.contains(term))
                    categories << term;
                xml.skipCurrentElement();
            } else if (name == u"author") {
                Author a;
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"name" && xml.namespaceUri() == kAtomNs)
                        a.name = ArxivText::simplify(ArxivText::decodeEntities(xml.readElementText()));
                    else
                        xml.skipCurrentElement(); // arxiv:affiliation
                }
                if (!a.name.isEmpty())
                    p.authors.append(a);
            } else {
                xml.skipCurrentElement(); // links: the URLs are derived from the id
            }
        } else if (ns == kArxivNs) {
            if (name == u"primary_category") {
                primary = xml.attributes().value(u"term"_s).toString().trimmed();
                xml.skipCurrentElement();
            } else if (name == u"comment") {
                p.comment = ArxivText::simplify(xml.readElementText());
            } else if (name == u"journal_ref") {
                p.journalRef = ArxivText::simplify(xml.readElementText());
            } else if (name == u"doi") {
                p.doi = xml.readElementText().trimmed();
            } else {
                xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        return;

    if (id.contains(u"/api/errors"_s)) {
        // e.g. id https://arxiv.org/api/errors#incorrect_id_format_for_abc, summary "incorrect id format for abc"
        const QString text = ArxivText::simplify(summary);
        response.errors << (text.isEmpty() ? id.mid(id.indexOf(u'#') + 1) : text);
        return;
    }
    const qsizetype abs = id.indexOf(u"/abs/"_s);
    int version = 0;
    if (abs < 0 || !Paper::splitVersionedId(QStringView(id).mid(abs + 5), &p.arxivId, &version)) {
        response.errors << AtomParser::tr("an entry with an id that is not an arXiv id: %1").arg(id.left(120));
        return;
    }
    p.version = std::max(1, version);
    p.abstract = ArxivText::simplify(ArxivText::decodeEntities(summary));
    if (primary.isEmpty() && !categories.isEmpty())
        primary = categories.first();
    if (!primary.isEmpty()) {
        categories.removeAll(primary);
        categories.prepend(primary);
    }
    p.primaryCategory = primary;
    p.categories = categories;
    p.metadataComplete = true;
    response.papers.append(std::move(p));
}
