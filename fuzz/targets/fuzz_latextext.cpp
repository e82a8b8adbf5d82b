// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the public LatexText functions on arbitrary text (arXiv titles, authors, abstracts).
#include "text/latextext.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)LatexText::toReadable(text);
    (void)LatexText::mathToUnicode(text);
    return 0;
}
