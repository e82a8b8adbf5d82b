// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchplanner.h"

#include <algorithm>
#include <cmath>

namespace {
int automatic(int count, int concurrency, int minimum, int maximum)
{
    const int waves = BatchPlanner::effectiveConcurrency(concurrency);
    const int perRequest = (std::max(0, count) + waves - 1) / waves;
    return std::clamp(perRequest, minimum, maximum);
}
} // namespace

int BatchPlanner::effectiveConcurrency(int configured)
{
    return std::clamp(configured, 1, kMaxConcurrency);
}

int BatchPlanner::titleBatchSize(int paperCount, int concurrency, int configured)
{
    return configured > 0 ? configured : automatic(paperCount, concurrency, kMinTitleBatch, kMaxTitleBatch);
}

int BatchPlanner::abstractBatchSize(int paperCount, int concurrency, int configured)
{
    return configured > 0 ? configured : automatic(paperCount, concurrency, kMinAbstractBatch, kMaxAbstractBatch);
}

QList<int> BatchPlanner::split(int count, int size)
{
    QList<int> sizes;
    if (count <= 0)
        return sizes;
    size = std::max(1, size);
    const int batches = (count + size - 1) / size;
    const int base = count / batches;
    const int extra = count % batches;
    for (int i = 0; i < batches; ++i)
        sizes.append(base + (i < extra ? 1 : 0));
    return sizes;
}

int BatchPlanner::referenceBatchSize(int paperCount, int base)
{
    if (paperCount <= 32)
        return base;
    return base * int(std::ceil(std::log2(double(paperCount) / 32.0) + 1.0));
}
