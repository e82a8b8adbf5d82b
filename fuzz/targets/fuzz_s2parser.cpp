// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every S2Parser function on arbitrary bytes (Semantic Scholar Graph API bodies).
#include "s2/s2parser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte is the number of ids the batch asked for (0-15), the rest is the body.
    const qsizetype expected = data[0] & 0x0F;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QString error;

    QList<std::optional<S2Author>> authors;
    if (S2Parser::parseAuthorBatch(body, expected, &authors, &error) && authors.size() != expected)
        std::abort();
    QList<std::optional<S2Paper>> papers;
    if (S2Parser::parsePaperBatch(body, expected, &papers, &error) && papers.size() != expected)
        std::abort();
    QList<S2Author> found;
    S2Parser::parseAuthorSearch(body, &found, &error);
    (void)S2Parser::errorMessage(body);
    return 0;
}
