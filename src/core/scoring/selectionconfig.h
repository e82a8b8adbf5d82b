// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/criteria.h"

#include <QString>
#include <QUrl>

// Everything one selection run needs to know (the API key included: it lives only in memory).
struct SelectionConfig
{
    Criteria criteria;
    QString provider;         // openai | openai-compatible | anthropic | gemini (LlmProvider::providerIds())
    QString model;
    QString reasoningEffort;  // minimal | low | medium | high; empty: the provider's default
    QUrl baseUrl;             // empty: the provider's public endpoint (Endpoints::resolve(...).llmBase)
    QString apiKey;
    int relevanceCutoff = 8, noveltyCutoff = 7;
    int titleBatchSize = 0, abstractBatchSize = 0; // 0 = automatic (BatchPlanner)
    int concurrency = 4;
    bool titleFilter = true;
    double budgetUsd = 0;     // 0 = none; what THIS run may spend (a per-day budget passes what is left)
    int timeoutMs = 120000;
    bool includeAuthors = true; // authors in the abstract-stage prompt
};
