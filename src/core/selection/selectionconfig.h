// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/servicetier.h"
#include "domain/criteria.h"

#include <QString>
#include <QUrl>

// Everything one selection run needs to know (the API key included: it lives only in memory).
struct SelectionConfig
{
    Criteria criteria;
    QString provider;         // openai | openai-compatible | anthropic | gemini (LlmProviders::ids())
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
    // Flex (OpenAI, models with flex prices): half price, slower, sometimes refused; a refused or
    // timed-out flex request is sent again at the standard tier. Flex requests may queue, so they get
    // OpenAI's recommended 15 minutes.
    ServiceTier serviceTier = ServiceTier::Standard;
    int flexTimeoutMs = 15 * 60 * 1000;
    // When a stage needs several requests and its fixed prompt part is long enough to be cached
    // (>= 1,024 tokens), the first request goes alone and the others follow once its answer is in,
    // so they read the fixed part from the provider's cache instead of paying it in full.
    bool warmPromptCache = true;
    bool includeAuthors = true; // authors in the abstract-stage prompt
};
