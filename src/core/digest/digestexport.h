// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

struct LibraryPaperDetail;

// Writing a digest, or any list of stored papers, to a file in the format its name asks for (.md, .html,
// .json, .bib, .ris): the window's File ▸ Export and Copy as …, with the same writers as `papersieve run --out`.
namespace DigestExport {

enum class Format { Markdown, Html, Json, Bibtex, Ris };

// From the file's extension (case-insensitive); nullopt for an unknown one.
std::optional<Format> formatForPath(const QString &path);
QString extension(Format format); // without the dot
QByteArray render(const Digest &digest, Format format);

// One stored paper as the writers take it.
DigestPaper paperFrom(const LibraryPaperDetail &paper);
// Papers that are not one run's digest (a selection, the starred ones): no usage, no prompt, in this order.
Digest fromPapers(const QList<LibraryPaperDetail> &papers, const QDate &day);

} // namespace DigestExport
