// SPDX-License-Identifier: GPL-3.0-or-later
#include "riswriter.h"

#include "digest.h"

using namespace Qt::Literals::StringLiterals;

namespace {
// "TAG  - value", on one line: a newline in a title would start a new (wrong) tag.
QString tag(const char *name, const QString &value)
{
    return QString::fromLatin1(name) + u"  - "_s + value.simplified() + u"\r\n"_s;
}
} // namespace

QString RisWriter::record(const DigestPaper &p)
{
    QString r = tag("TY", u"ELEC"_s);
    r += tag("TI", p.title);
    for (const QString &author : p.authors)
        r += tag("AU", author);
    if (p.published.isValid()) {
        r += tag("PY", QString::number(p.published.date().year()));
        r += tag("DA", p.published.date().toString(u"yyyy/MM/dd"_s));
    }
    if (!p.abstract.isEmpty())
        r += tag("AB", p.abstract);
    r += tag("PB", u"arXiv"_s);
    r += tag("AN", u"arXiv:"_s + p.arxivId);
    r += tag("UR", u"https://arxiv.org/abs/"_s + p.arxivId);
    if (!p.doi.isEmpty())
        r += tag("DO", p.doi);
    for (const QString &c : p.categories)
        r += tag("KW", c);
    if (!p.journalRef.isEmpty())
        r += tag("N1", p.journalRef);
    r += tag("ER", QString());
    return r;
}

QString RisWriter::write(const Digest &d)
{
    QString out;
    for (const DigestPaper &p : d.papers)
        out += record(p);
    return out;
}
