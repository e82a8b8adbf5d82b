// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "author.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

// One arXiv paper as PaperSieve stores it. Values only; the storage layer owns ids.
struct Paper
{
    QString arxivId; // without version, e.g. "2510.03438" or "hep-th/9901001"
    int version = 1;
    QString title;
    QString abstract;
    QList<Author> authors;
    QStringList categories; // primary first when known
    QString primaryCategory;
    QString comment;        // the authors' arXiv comment ("14 pages, 7 figures")
    QString journalRef;
    QString doi;
    QString license;
    QDateTime published;
    QDateTime updated;
    bool metadataComplete = false; // true once the arXiv API has filled the record

    QUrl absUrl() const;
    QUrl pdfUrl() const;
    QUrl htmlUrl() const;
    QString authorsText() const; // "A, B, C"

    // Splits "2510.03438v2" into id and version; returns false for text that is not an arXiv id.
    static bool splitVersionedId(QStringView text, QString *id, int *version);
};
