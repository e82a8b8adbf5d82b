// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmlinput.h"

#include <QString>
#include <QXmlStreamReader>

namespace {
const QByteArray kUtf8Bom("\xEF\xBB\xBF");
} // namespace

bool XmlInput::isUtf8(const QByteArray &document)
{
    if (document.startsWith(kUtf8Bom))
        return true;
    if (document.startsWith("\xFE\xFF") || document.startsWith("\xFF\xFE") || document.left(4).contains('\0'))
        return false; // UTF-16 or UTF-32: QXmlStreamReader detects those itself
    if (!document.startsWith("<?xml"))
        return true; // no declaration: XML's default
    const qsizetype end = document.indexOf("?>");
    const QByteArray prolog = document.left(end < 0 ? 200 : end).toLower();
    const qsizetype at = prolog.indexOf("encoding");
    if (at < 0)
        return true;
    QByteArray value = prolog.mid(at + 8).trimmed();
    if (!value.startsWith('='))
        return true;
    value = value.mid(1).trimmed();
    return value.startsWith("'utf-8'") || value.startsWith("\"utf-8\"") || value.startsWith("'utf8'")
        || value.startsWith("\"utf8\"");
}

std::unique_ptr<QXmlStreamReader> XmlInput::reader(const QByteArray &document)
{
    if (!isUtf8(document))
        return std::make_unique<QXmlStreamReader>(document);
    const QByteArrayView text = document.startsWith(kUtf8Bom) ? QByteArrayView(document).sliced(3) : QByteArrayView(document);
    return std::make_unique<QXmlStreamReader>(QString::fromUtf8(text));
}
