// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionpapers.h"

#include "batchoutcome.h"
#include "domain/digestrule.h"
#include "selectionsummary.h"

void SelectionPapers::reset(const QList<Paper> &papers, qint64 criteriaId, const QString &model)
{
    m_items.clear();
    m_index.clear();
    for (const Paper &p : papers) {
        m_index.insert(p.arxivId, int(m_items.size()));
        m_items.append(Item{p});
    }
    m_criteriaId = criteriaId;
    m_model = model;
}

int SelectionPapers::reuse(const SelectionLedger::Earlier &earlier)
{
    int reused = 0;
    for (Item &item : m_items) {
        const QString &id = item.paper.arxivId;
        if (const auto a = earlier.abstracts.constFind(id); a != earlier.abstracts.cend() && a->status == ScoreStatus::Scored) {
            item.state = State::Scored;
            item.relevance = a->relevance;
            item.novelty = a->novelty;
            ++reused;
        } else if (const auto t = earlier.titles.constFind(id); t != earlier.titles.cend()) {
            if (t->status == ScoreStatus::Dropped) {
                item.state = State::Dropped;
                ++reused;
            } else if (t->status == ScoreStatus::Kept) {
                item.state = State::Kept;
            }
        }
    }
    return reused;
}

QStringList SelectionPapers::allIds() const
{
    QStringList out;
    for (const Item &item : m_items)
        out.append(item.paper.arxivId);
    return out;
}

QList<int> SelectionPapers::todo(bool titleStage) const
{
    QList<int> out;
    for (int i = 0; i < m_items.size(); ++i) {
        const State s = m_items.at(i).state;
        if (titleStage ? s == State::Pending : (s == State::Pending || s == State::Kept))
            out.append(i);
    }
    return out;
}

QList<Paper> SelectionPapers::papers(const QList<int> &items) const
{
    QList<Paper> out;
    for (const int i : items)
        out.append(m_items.at(i).paper);
    return out;
}

QStringList SelectionPapers::ids(const QList<int> &items) const
{
    QStringList out;
    for (const int i : items)
        out.append(m_items.at(i).paper.arxivId);
    return out;
}

Score SelectionPapers::row(int i, ScoreStage stage, ScoreStatus status, const QString &reason) const
{
    Score s;
    s.arxivId = m_items.at(i).paper.arxivId;
    s.paperVersion = m_items.at(i).paper.version;
    s.criteriaId = m_criteriaId;
    s.model = m_model;
    s.stage = stage;
    s.status = status;
    s.reason = reason;
    return s;
}

QList<Score> SelectionPapers::apply(const BatchOutcome &outcome)
{
    QList<Score> rows;
    for (const Score &r : outcome.rows) {
        const int i = m_index.value(r.arxivId);
        Score stored = row(i, r.stage, r.status, r.reason);
        stored.relevance = r.relevance;
        stored.novelty = r.novelty;
        stored.comment = r.comment;
        rows.append(stored);
        Item &item = m_items[i];
        item.relevance = r.relevance;
        item.novelty = r.novelty;
        switch (r.status) {
        case ScoreStatus::Scored: item.state = State::Scored; break;
        case ScoreStatus::Kept: item.state = State::Kept; break;
        case ScoreStatus::Dropped: item.state = State::Dropped; break;
        case ScoreStatus::Unscored: item.state = State::Unscored; break;
        }
    }
    for (const QString &id : outcome.keptUnstored)
        m_items[m_index.value(id)].state = State::Kept;
    return rows;
}

QList<Score> SelectionPapers::unsent(const QString &reason) const
{
    QList<Score> rows;
    for (int i = 0; i < m_items.size(); ++i) {
        const State s = m_items.at(i).state;
        if (s == State::Pending || s == State::Kept)
            rows.append(row(i, ScoreStage::Abstract, ScoreStatus::Unscored, reason));
    }
    return rows;
}

void SelectionPapers::tally(int relevanceCutoff, int noveltyCutoff, SelectionSummary *summary) const
{
    summary->titleDropped = 0;
    summary->scored = 0;
    summary->selected = 0;
    const DigestRule rule(relevanceCutoff, noveltyCutoff);
    for (const Item &item : m_items) {
        if (item.state == State::Dropped) {
            ++summary->titleDropped;
        } else if (item.state == State::Scored) {
            ++summary->scored;
            if (rule.isRelevant(false, item.relevance, item.novelty))
                ++summary->selected;
        }
    }
    summary->unscored = summary->considered - summary->titleDropped - summary->scored;
}
