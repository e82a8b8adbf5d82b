// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlchars.h"

#include <algorithm>

namespace ControlChars {

QString stripped(const QString &text)
{
    const auto unwanted = [](QChar c) { return isUnwanted(c.unicode()); };
    if (std::none_of(text.cbegin(), text.cend(), unwanted))
        return text; // the common case: no copy
    QString out = text;
    out.removeIf(unwanted);
    return out;
}

} // namespace ControlChars
