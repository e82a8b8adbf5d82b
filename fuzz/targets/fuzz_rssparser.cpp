// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: RssParser::parse on arbitrary bytes (arXiv's RSS 2.0 and Atom announcement feeds).
#include "arxiv/rssparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const RssFeed feed = RssParser::parse(xml, &error);
    // The contract: malformed XML is an error and the caller gets no items, never half a feed.
    if (!error.isEmpty() && !feed.items.isEmpty())
        std::abort();
    return 0;
}
