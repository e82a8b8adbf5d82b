// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/commandline.h"

#include <QByteArray>
#include <QString>

// A failed run still writes the digest of what was scored; its first line says it is not the whole
// day, in each format's own way, so a reader (or a script) never takes it for a complete digest:
// Markdown and BibTeX get a first line, HTML a first paragraph, JSON an "incomplete" member.
namespace IncompleteNote {
QString text(const QString &cause);
QByteArray apply(const QByteArray &rendered, CommandLine::Format format, const QString &cause);
} // namespace IncompleteNote
