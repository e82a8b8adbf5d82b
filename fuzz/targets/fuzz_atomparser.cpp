// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: AtomParser::parse on arbitrary bytes (the arXiv API's Atom answers).
#include "arxiv/atomparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const ApiResponse response = AtomParser::parse(xml, &error);
    // The contract: on malformed XML an empty response.
    if (!error.isEmpty() && (!response.papers.isEmpty() || !response.errors.isEmpty()))
        std::abort();
    return 0;
}
