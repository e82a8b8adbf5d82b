// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// arXiv titles, authors and abstracts carry TeX: "$\mathcal{O}(\sqrt{N})$", "PT$^2$-LLM", "S\'anchez".
// toReadable() turns the common cases into plain Unicode text ("𝒪(√N)", "PT²-LLM", "Sánchez") so they read
// well in a table cell or a label. The result is plain text: escape it before putting it into rich text.
// Anything it does not know is kept as written, so nothing the authors wrote disappears.
// Feed text is untrusted, so the work is bounded: a text longer than kMaxLength, or a group nested deeper
// than LatexMath::kMaxDepth (32), is shown as written instead of converted.
// The tables are in latexsymbols.cpp, the math-mode reader in latexmath.cpp.
namespace LatexText {

// arXiv caps an abstract at 1,920 characters; anything far longer is not a paper's text.
constexpr qsizetype kMaxLength = 20000;

QString toReadable(const QString &text);

// One math expression without its delimiters: "\alpha^2 + \beta_i" -> "α² + βᵢ".
QString mathToUnicode(const QString &math);

} // namespace LatexText
