// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "selectionledger.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

struct BatchOutcome;
struct SelectionSummary;

// The papers of one selection run and what is known about each (pending, kept by the title
// pre-filter, dropped, scored, given up), by index; and the score rows that record it. Batches refer
// to papers by these indexes.
class SelectionPapers final
{
public:
    enum class State { Pending, Kept, Dropped, Scored, Unscored };

    void reset(const QList<Paper> &papers, qint64 criteriaId, const QString &model);
    // Pay once: earlier answers for the same criteria version, model and paper version. Returns how
    // many papers need not be sent again.
    int reuse(const SelectionLedger::Earlier &earlier);

    int size() const { return int(m_items.size()); }
    QStringList allIds() const;
    State state(int i) const { return m_items.at(i).state; }
    void setState(int i, State state) { m_items[i].state = state; }
    int indexOf(const QString &arxivId) const { return m_index.value(arxivId, -1); }
    // The papers a stage asks about: title stage the pending ones, abstract stage pending and kept.
    QList<int> todo(bool titleStage) const;
    QList<Paper> papers(const QList<int> &items) const;
    QStringList ids(const QList<int> &items) const;

    Score row(int i, ScoreStage stage, ScoreStatus status, const QString &reason = {}) const;
    // The outcome's rows for storing (with version, criteria and model); the papers' states follow them.
    QList<Score> apply(const BatchOutcome &outcome);
    // 'unscored' abstract rows for every paper that never got an answer (the budget stopped the run).
    QList<Score> unsent(const QString &reason) const;
    // titleDropped, scored, selected and unscored of the summary (considered must be set).
    void tally(int relevanceCutoff, int noveltyCutoff, SelectionSummary *summary) const;

private:
    struct Item
    {
        Paper paper;
        State state = State::Pending;
        int relevance = 0;
        int novelty = 0;
    };
    QList<Item> m_items;
    QHash<QString, int> m_index;
    qint64 m_criteriaId = 0;
    QString m_model;
};
