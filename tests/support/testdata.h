// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Files under tests/support/testdata (real recorded responses; see testdata/SOURCES.md).
namespace TestData {
QString path(const QString &relative);
QByteArray read(const QString &relative); // fails the current test (QFAIL-like abort) when missing
} // namespace TestData
