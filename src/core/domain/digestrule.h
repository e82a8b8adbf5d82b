// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// Which papers a day's digest holds and in which order: the one rule the digest builder, the window's
// paper model, the selection summary and the days list all ask, so their counts and rankings agree.
class DigestRule final
{
public:
    DigestRule() = default;
    DigestRule(int relevanceCutoff, int noveltyCutoff)
        : m_relevanceCutoff(relevanceCutoff)
        , m_noveltyCutoff(noveltyCutoff)
    {
    }

    int relevanceCutoff() const { return m_relevanceCutoff; }
    int noveltyCutoff() const { return m_noveltyCutoff; }

    // A followed author's paper is always in; any other needs an abstract answer reaching both cutoffs.
    // relevance and novelty 0: no answer.
    bool isRelevant(bool followedAuthor, int relevance, int novelty) const
    {
        return followedAuthor || (relevance > 0 && relevance >= m_relevanceCutoff && novelty >= m_noveltyCutoff);
    }

    struct Entry
    {
        bool followedAuthor = false;
        int relevance = 0; // 0: no answer
        int novelty = 0;
        QString arxivId;
    };
    // Relevant papers before the others; among each, followed authors first, then relevance + novelty,
    // then relevance, then the arXiv id: a total order, so every reader of a day sees the same one.
    bool ranksBefore(const Entry &a, const Entry &b) const;

    // The same test in SQL over the given column expressions (the cutoffs are written in as numbers).
    QString sqlIsRelevant(QStringView relevance, QStringView novelty, QStringView followedAuthor) const;

    friend bool operator==(const DigestRule &, const DigestRule &) = default;

private:
    int m_relevanceCutoff = 8;
    int m_noveltyCutoff = 7;
};
