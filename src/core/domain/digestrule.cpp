// SPDX-License-Identifier: GPL-3.0-or-later
#include "digestrule.h"

#include <tuple>

using namespace Qt::Literals::StringLiterals;

bool DigestRule::ranksBefore(const Entry &a, const Entry &b) const
{
    auto key = [this](const Entry &e) {
        return std::make_tuple(!isRelevant(e.followedAuthor, e.relevance, e.novelty), !e.followedAuthor,
                               -(e.relevance + e.novelty), -e.relevance, std::cref(e.arxivId));
    };
    return key(a) < key(b);
}

QString DigestRule::sqlIsRelevant(QStringView relevance, QStringView novelty, QStringView followedAuthor) const
{
    return u"((%1 >= %3 AND %2 >= %4) OR %5)"_s.arg(relevance, novelty)
        .arg(m_relevanceCutoff)
        .arg(m_noveltyCutoff)
        .arg(followedAuthor);
}
