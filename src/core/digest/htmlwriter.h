// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

struct Digest;

// The digest as one self-contained HTML page (inline CSS, no scripts, no external resources).
// Every piece of feed or model text is HTML-escaped; links are built only from validated arXiv ids.
class HtmlWriter final
{
    Q_DECLARE_TR_FUNCTIONS(HtmlWriter)

public:
    static QString write(const Digest &digest);
};
