// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// Clean-up of text fields as arXiv's feeds deliver them. Feed text is untrusted: these functions only
// normalise it (whitespace, entities left over from double escaping); they never interpret markup.
// LaTeX ($\alpha$, \emph{..}) and non-ASCII characters are kept exactly.
class ArxivText final
{
public:
    // QString::simplified(): collapses runs of whitespace (incl. the hard line breaks of the API's
    // wrapped abstracts) to one space and trims.
    static QString simplify(const QString &text);

    // Decodes HTML character references that survive XML decoding when a producer escaped twice:
    // &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric &#233; / &#xE9;. Anything else stays as is.
    // Control characters other than tab and newline, decoded or raw, are dropped
    // (ControlChars::stripped): "&#27;" must not become an ESC on a terminal.
    static QString decodeEntities(const QString &text);

    // Splits an RSS <dc:creator> text ("A, B and C", "A and B", "A, B, and C") into names.
    static QStringList splitAuthors(const QString &text);
};
