// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "s2author.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Pure parsing of Semantic Scholar Graph API bodies, so each format is tested with recorded bytes.
namespace S2Parser {

// POST /author/batch: a JSON array with one entry per requested id, null for an unknown id.
// Returns false (and *error) when the body is not such an array of `expected` entries.
bool parseAuthorBatch(const QByteArray &body, qsizetype expected, QList<std::optional<S2Author>> *out, QString *error);

// POST /paper/batch: the same shape, entries are papers with "authors" and "externalIds".
bool parsePaperBatch(const QByteArray &body, qsizetype expected, QList<std::optional<S2Paper>> *out, QString *error);

// GET /author/search: {"total": n, "offset": 0, "data": [authors]}.
bool parseAuthorSearch(const QByteArray &body, QList<S2Author> *out, QString *error);

// The message of an error body ({"message": ...} for 429, {"error": ...} for 400/404), else empty.
QString errorMessage(const QByteArray &body);

} // namespace S2Parser
