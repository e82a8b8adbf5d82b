// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// How a Paper becomes a row of the papers table: the one list of inserted columns, for the single and
// the many-rows INSERT alike.
namespace PaperRow {

constexpr int kInsertColumns = 18;
// "INSERT INTO papers (<the 18 columns>) VALUES " — the caller appends one "(?, ...)" per row.
QString insertHead();
QString insertPlaceholders(); // "(?, ?, ... 18 times)"
// Binds the paper's 18 values at positions offset .. offset + 17.
void bindInsert(QSqlQuery &query, int offset, const Paper &paper, const QDateTime &nowUtc);

// A default-constructed QString binds as SQL NULL; the text columns are NOT NULL DEFAULT ''.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}
QString iso(const QDateTime &dt);
QVariant isoOrNull(const QDateTime &dt);

} // namespace PaperRow
