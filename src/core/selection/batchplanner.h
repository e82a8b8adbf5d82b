// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

// How many papers go into one request. Every request repeats the fixed part of the prompt (topics,
// rubric, instructions: ~600 tokens for titles, ~1,400 for abstracts), so fewer, larger batches
// cost less; but one wave of requests per stage (batches = concurrency) is all the speed there is
// to get, and very large batches make a model skim and a failed reply expensive. So:
//   batch = clamp(ceil(n / concurrency), minimum, maximum)
// titles: 8..200, abstracts: 4..25. Measured in bench/selection (docs/BENCHMARKS.md).
class BatchPlanner final
{
public:
    static constexpr int kMinTitleBatch = 8;
    static constexpr int kMaxTitleBatch = 200;
    static constexpr int kMinAbstractBatch = 4;
    static constexpr int kMaxAbstractBatch = 25;

    // Qt's network access manager opens at most 6 connections per host; more "concurrent" requests
    // would only wait in its queue (with their timeouts running), so the setting is capped there.
    static constexpr int kMaxConcurrency = 6;
    static int effectiveConcurrency(int configured);

    // configured > 0 wins (the user's setting); 0 means automatic.
    static int titleBatchSize(int paperCount, int concurrency, int configured = 0);
    static int abstractBatchSize(int paperCount, int concurrency, int configured = 0);
    // Splits n items into batches of at most `size`, evenly (sizes differ by at most one).
    static QList<int> split(int count, int size);
    // The reference tool's rule, for comparison: base * ceil(log2(n / 32) + 1) when n > 32.
    static int referenceBatchSize(int paperCount, int base);
};
