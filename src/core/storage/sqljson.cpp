// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqljson.h"

using namespace Qt::Literals::StringLiterals;

namespace SqlJson {
void appendString(QString &out, QStringView s)
{
    static constexpr char16_t hex[] = u"0123456789abcdef";
    out += u'"';
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += u'\\';
            out += c;
        } else if (u < 0x20) {
            out += u"\\u00"_s;
            out += QChar(hex[u >> 4]);
            out += QChar(hex[u & 0xf]);
        } else {
            out += c;
        }
    }
    out += u'"';
}

QString stringArray(const QStringList &values)
{
    QString out;
    qsizetype size = 2;
    for (const QString &v : values)
        size += v.size() + 3;
    out.reserve(size);
    out += u'[';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += u',';
        appendString(out, values.at(i));
    }
    out += u']';
    return out;
}
} // namespace SqlJson
