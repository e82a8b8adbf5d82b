// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperrow.h"

using namespace Qt::Literals::StringLiterals;

namespace PaperRow {

QString insertHead()
{
    return u"INSERT INTO papers (arxiv_id, version, title, abstract, comment, journal_ref, "
           u"doi, license, categories, primary_category, authors_text, published, updated, "
           u"abs_url, pdf_url, html_url, metadata_complete, first_seen) VALUES "_s;
}

QString insertPlaceholders()
{
    return u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
}

QString iso(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODate) : QString();
}

QVariant isoOrNull(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(iso(dt)) : QVariant();
}

void bindInsert(QSqlQuery &q, int offset, const Paper &paper, const QDateTime &nowUtc)
{
    const QVariant values[kInsertColumns] = {
        paper.arxivId,
        std::max(1, paper.version),
        text(paper.title),
        text(paper.abstract),
        text(paper.comment),
        text(paper.journalRef),
        text(paper.doi),
        text(paper.license),
        text(paper.categories.join(u' ')),
        text(paper.primaryCategory.isEmpty() ? paper.categories.value(0) : paper.primaryCategory),
        text(paper.authorsText()),
        isoOrNull(paper.published),
        isoOrNull(paper.updated),
        paper.absUrl().toString(),
        paper.pdfUrl().toString(),
        paper.htmlUrl().toString(),
        paper.metadataComplete ? 1 : 0,
        iso(nowUtc),
    };
    for (int i = 0; i < kInsertColumns; ++i)
        q.bindValue(offset + i, values[i]);
}

} // namespace PaperRow
