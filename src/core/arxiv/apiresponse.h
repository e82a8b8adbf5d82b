// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"

#include <QList>
#include <QString>
#include <QStringList>

// One page of an arXiv API (export.arxiv.org/api/query) answer.
struct ApiResponse
{
    QList<Paper> papers;   // complete records (metadataComplete = true), in answer order
    QStringList errors;    // the API's error entries ("incorrect id format for abc"): errors, not papers
    int totalResults = -1; // opensearch:totalResults; -1 when absent
    int startIndex = 0;
    int itemsPerPage = 0;
};
