// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

class AppSettings;

// The service base URLs, from (in order) the environment, the settings, the built-in default.
// Plain http is accepted only for loopback hosts (tests, local LLM servers); remote hosts need https.
struct Endpoints
{
    QUrl arxivRss;  // https://rss.arxiv.org/rss/
    QUrl arxivApi;  // https://export.arxiv.org/api/query
    QUrl s2Api;     // https://api.semanticscholar.org/graph/v1
    QUrl llmBase;   // empty: the provider's default

    static Endpoints resolve(const AppSettings &settings);

    // Empty when url is acceptable, else a one-line reason.
    static QString validate(const QUrl &url);
    static bool isLoopback(const QUrl &url);
};
