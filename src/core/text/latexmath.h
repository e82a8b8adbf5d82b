// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// The math-mode reader behind LatexText: one expression without its delimiters ("\alpha^2 + \beta_i")
// to Unicode ("α² + βᵢ"). Used through LatexText::mathToUnicode / toReadable.
namespace LatexMath {

// Groups nest ({..}, ^{..}, \sqrt{..}, \frac{..}{..}) this deep at most. The reader recurses once per
// level and reads each level's text again, so without a bound a hostile title of 100,000 '{' takes
// quadratic time and overflows the stack.
constexpr int kMaxDepth = 32;

// The expression as Unicode (neither trimmed nor normalised), or nullopt when it nests deeper than
// kMaxDepth: the caller then shows it as written.
std::optional<QString> toUnicode(QStringView math);

} // namespace LatexMath
