// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Feed and LLM text may carry control characters: a title escaped twice ("&amp;#27;") decodes to ESC,
// and a JSON comment can hold "\u001b". On a terminal they retitle the window or clear the screen; in a
// digest file they are noise at best. Text keeps only tab and newline of them.
namespace ControlChars {

// C0 (U+0000-U+001F) but tab and newline, DEL (U+007F) and C1 (U+0080-U+009F).
constexpr bool isUnwanted(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n') || (c >= 0x7F && c <= 0x9F);
}

// text without those characters; text itself, shared and not copied, when it has none.
QString stripped(const QString &text);

} // namespace ControlChars
