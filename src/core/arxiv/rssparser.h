// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rssfeed.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Reads arXiv's announcement feeds: RSS 2.0 from https://rss.arxiv.org/rss/<cats> (the format since
// January 2024) and the Atom variant from /atom/<cats>. Per item: the id and version (from
// "arXiv:<id>v<N>" in the description, else the guid "oai:arXiv.org:<id>v<N>"), the announce type,
// title, abstract (without the "arXiv:... Announce Type: ... Abstract:" prefix), the creators, the
// categories (primary first, as arXiv lists them), DOI, journal reference and license.
// Malformed or truncated XML is an error: the caller gets no items, never half a feed.
class RssParser final
{
public:
    // On failure returns an empty feed and sets *error to one line naming what is wrong and where.
    static RssFeed parse(const QByteArray &xml, QString *error);

    // The two readers parse() chooses between (public for the differential tests and the benchmark).
    // parseFast() reads with XmlScanner and declines (nullopt, *whyNot says why) anything outside its
    // XML subset and any error, XML or item; parse() then reads the document with
    // parseWithQXmlStreamReader(), so users get QXmlStreamReader's messages (line, column) and its
    // reading of odd input. Both readers share the same element handling, so where the fast one
    // accepts a document both give the same feed.
    static std::optional<RssFeed> parseFast(const QByteArray &xml, QString *whyNot = nullptr);
    static RssFeed parseWithQXmlStreamReader(const QByteArray &xml, QString *error);
};
