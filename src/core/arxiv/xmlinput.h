// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <memory>

class QXmlStreamReader;

// A reader over a whole downloaded document. QXmlStreamReader reads a QString much faster than
// UTF-8 bytes it decodes itself in small pieces (bench_ingest: 33 instead of 73 ms CPU for a
// 1,350-item feed; docs/BENCHMARKS.md), so UTF-8 documents (arXiv's, and any without an encoding
// declaration) are decoded in one go first; others keep their declaration.
// RssParser and AtomParser read with it.
class XmlInput final
{
public:
    static std::unique_ptr<QXmlStreamReader> reader(const QByteArray &document);
    static bool isUtf8(const QByteArray &document);
};
