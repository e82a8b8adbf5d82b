// SPDX-License-Identifier: GPL-3.0-or-later
#include "digestexport.h"

#include "bibtexwriter.h"
#include "htmlwriter.h"
#include "jsonwriter.h"
#include "markdownwriter.h"
#include "riswriter.h"
#include "storage/libraryrepository.h"

#include <QFileInfo>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

std::optional<DigestExport::Format> DigestExport::formatForPath(const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == u"md" || ext == u"markdown")
        return Format::Markdown;
    if (ext == u"html" || ext == u"htm")
        return Format::Html;
    if (ext == u"json")
        return Format::Json;
    if (ext == u"bib")
        return Format::Bibtex;
    if (ext == u"ris")
        return Format::Ris;
    return std::nullopt;
}

QString DigestExport::extension(Format format)
{
    switch (format) {
    case Format::Markdown: return u"md"_s;
    case Format::Html: return u"html"_s;
    case Format::Json: return u"json"_s;
    case Format::Bibtex: return u"bib"_s;
    case Format::Ris: return u"ris"_s;
    }
    return u"md"_s;
}

QByteArray DigestExport::render(const Digest &digest, Format format)
{
    switch (format) {
    case Format::Markdown: return MarkdownWriter::write(digest).toUtf8();
    case Format::Html: return HtmlWriter::write(digest).toUtf8();
    case Format::Json: return JsonWriter::write(digest);
    case Format::Bibtex: return BibtexWriter::write(digest).toUtf8();
    case Format::Ris: return RisWriter::write(digest).toUtf8();
    }
    return {};
}

DigestPaper DigestExport::paperFrom(const LibraryPaperDetail &p)
{
    DigestPaper d;
    d.arxivId = p.row.arxivId;
    d.version = p.row.version;
    d.title = p.row.title;
    d.authors = p.row.authorsText.split(u", "_s, Qt::SkipEmptyParts);
    d.abstract = p.abstract;
    d.comment = p.llmComment;
    if (p.row.relevance > 0) {
        d.relevance = p.row.relevance;
        d.novelty = p.row.novelty;
    }
    d.authorMatch = p.row.authorMatch;
    d.categories = p.row.categories.split(u' ', Qt::SkipEmptyParts);
    d.doi = p.doi;
    d.journalRef = p.journalRef;
    d.arxivComment = p.comment;
    d.published = p.published.isValid() ? p.published : p.row.day.startOfDay(QTimeZone::utc());
    return d;
}

Digest DigestExport::fromPapers(const QList<LibraryPaperDetail> &papers, const QDate &day)
{
    Digest d;
    d.day = day;
    d.runStatus = u"finished"_s;
    for (const LibraryPaperDetail &p : papers)
        d.papers.append(paperFrom(p));
    d.totalArxiv = d.totalScanned = d.totalRelevant = int(d.papers.size());
    return d;
}
