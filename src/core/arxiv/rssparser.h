// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rssfeed.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Reads arXiv's announcement feeds: RSS 2.0 from https://rss.arxiv.org/rss/<cats> (the format since
// January 2024) and the Atom variant from /atom/<cats>. Per item: the id and version (from
// "arXiv:<id>v<N>" in the description, else the guid "oai:arXiv.org:<id>v<N>"), the announce type,
// title, abstract (without the "arXiv:... Announce Type: ... Abstract:" prefix), the creators, the
// categories (primary first, as arXiv lists them), DOI, journal reference and license.
// Malformed or truncated XML is an error: the caller gets no items, never half a feed.
class RssParser final
{
    Q_DECLARE_TR_FUNCTIONS(RssParser)

public:
    // On failure returns an empty feed and sets *error to one line naming what is wrong and where.
    static RssFeed parse(const QByteArray &xml, QString *error);
};
