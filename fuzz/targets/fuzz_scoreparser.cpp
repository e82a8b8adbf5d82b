// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: ScoreParser on arbitrary LLM reply text, against a fixed batch (the first papers of
// tests/support/testdata/digest/seed-2025-10-07.json, plus an old-style id).
#include "selection/scoreparser.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {
const QStringList &batch()
{
    static const QStringList ids{u"2510.05064"_s, u"2510.03638"_s, u"2510.04205"_s, u"2510.04008"_s,
                                 u"hep-th/9901001"_s};
    return ids;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList &ids = batch();

    const AbstractReply a = ScoreParser::parseAbstractReply(text, ids);
    // Strict about meaning: only batch papers, scores 1-10, each paper scored or missing, never both.
    if (a.scores.size() + a.missing.size() != ids.size())
        std::abort();
    for (const ParsedScore &s : a.scores) {
        if (!ids.contains(s.arxivId) || s.relevance < 1 || s.relevance > 10 || s.novelty < 1 || s.novelty > 10)
            std::abort();
        if (a.missing.contains(s.arxivId))
            std::abort();
    }

    const TitleReply t = ScoreParser::parseTitleReply(text, ids);
    for (const QString &id : t.drop)
        if (!ids.contains(id))
            std::abort();
    if (!t.ok && !t.drop.isEmpty())
        std::abort();
    return 0;
}
