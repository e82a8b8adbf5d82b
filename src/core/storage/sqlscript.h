// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Splits a schema script into single statements, since QSqlQuery runs one statement at a time.
// A statement ends with ';' at the end of a line; inside CREATE TRIGGER it ends with 'END;'.
// Lines starting with '--' are comments.
QStringList splitSqlScript(const QString &script);
