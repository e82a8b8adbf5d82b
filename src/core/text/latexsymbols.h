// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QHash>
#include <QString>

// The tables behind LatexText (latexmath.cpp, latextext.cpp): which TeX command or character stands for
// which Unicode character. Data only; the readers decide where each table applies.
namespace LatexSymbols {

// Math-mode commands that stand for one symbol (\alpha -> α, \leq -> ≤); spacing commands map to spaces,
// size and pairing hints (\left, \big) to nothing.
const QHash<QString, QString> &mathSymbols();
// Commands written as a word in upright type: \log x -> "log x".
bool isNamedOperator(const QString &name);
// Commands whose argument is shown unchanged in plain text: \mathbf{x}, \emph{word}.
bool isPlainWrapper(const QString &name);
// Math accents (\hat{x}, \vec{v}) as combining marks; a null QChar for any other command.
QChar combiningAccentFor(const QString &command);
// Text-mode accents (\'e, \"o, \c{c}) as combining marks; a null QChar for any other character.
QChar textAccentFor(QChar c);
// Text-mode letters and escaped specials: \ss -> ß, \o -> ø, \& -> &.
const QHash<QString, QString> &textLetters();
// A letter of \mathcal{..} (doubleStruck false) or \mathbb{..} (true); other characters unchanged.
QString scriptLetter(QChar c, bool doubleStruck);
// Superscript (super) or subscript form of every character, or a null string when one has none.
QString toScript(QStringView text, bool super);

} // namespace LatexSymbols
