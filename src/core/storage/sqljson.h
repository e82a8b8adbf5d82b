// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

// Many rows bound as ONE JSON text that SQLite unpacks with json_each(): Qt's per-value binding costs
// more than SQLite's work for small rows (docs/BENCHMARKS.md, "Ingest"), so a day's thousands of
// author links or announcement rows go in one statement with one bound value. Values stay bound, never
// pasted into SQL.
namespace SqlJson {
// Appends s as a JSON string literal (quotes, backslashes and control characters escaped).
void appendString(QString &out, QStringView s);
// ["a","b",...]
QString stringArray(const QStringList &values);
} // namespace SqlJson
