// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Feed text (titles, authors, abstracts, comments, LLM answers) is untrusted: it reaches rich text only
// through these helpers, so a title like "<img src=x>" is shown as those characters and never as markup.
namespace HtmlText {

// &, <, >, " and ' as entities; newlines kept as they are.
QString escape(const QString &text);

// escape() plus clickable http(s) links; the link target is escaped as well (no javascript:, no quotes).
QString escapeWithLinks(const QString &text);

// LaTeX made readable (LatexText::toReadable), then escapeWithLinks().
QString readable(const QString &text);

// Plain text as rich text that Qt shows exactly as written, for places that guess the format from the
// text (tooltips, Qt::AutoText labels): escape() inside <qt>, so Qt::mightBeRichText() is true and a
// title like "<font size=7>" or "&lt;b&gt;" is shown as those characters. Newlines become <br>.
QString literalRichText(const QString &text);

} // namespace HtmlText
