// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

class AppSettings;

// The service base URLs, from (in order) the environment, the settings, the built-in default.
// Whether an address is acceptable is net/urlpolicy.h's rule, checked where the address is used.
struct Endpoints
{
    QUrl arxivRss;  // https://rss.arxiv.org/rss/
    QUrl arxivApi;  // https://export.arxiv.org/api/query
    QUrl s2Api;     // https://api.semanticscholar.org/graph/v1
    QUrl llmBase;   // empty: the provider's default

    static Endpoints resolve(const AppSettings &settings);
};
