// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The key two spellings of one name share, for matching followed authors and for BibTeX keys.
namespace NameKey {

// Lower case, accents (Unicode or TeX: S\'anchez) removed, punctuation to spaces, spaces collapsed:
// "José  García-López" and "Jos\'e Garc\'ia-L\'opez" both give "jose garcia lopez".
QString of(const QString &name);

} // namespace NameKey
