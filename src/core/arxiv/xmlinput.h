// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <memory>

class QXmlStreamReader;

// A reader over a whole downloaded document. QXmlStreamReader reads a QString about 2.5 times
// faster than UTF-8 bytes it decodes itself (docs/BENCHMARKS.md), so UTF-8 documents (arXiv's, and
// any without an encoding declaration) are decoded in one go first; others keep their declaration.
class XmlInput final
{
public:
    static std::unique_ptr<QXmlStreamReader> reader(const QByteArray &document);
    static bool isUtf8(const QByteArray &document);
};
