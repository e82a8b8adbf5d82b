// SPDX-License-Identifier: GPL-3.0-or-later
#include "paper.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

QUrl Paper::absUrl() const
{
    return QUrl(u"https://arxiv.org/abs/"_s + arxivId);
}

QUrl Paper::pdfUrl() const
{
    return QUrl(u"https://arxiv.org/pdf/"_s + arxivId);
}

QUrl Paper::htmlUrl() const
{
    return QUrl(u"https://arxiv.org/html/"_s + arxivId);
}

QString Paper::authorsText() const
{
    QStringList names;
    names.reserve(authors.size());
    for (const Author &a : authors)
        names << a.name;
    return names.join(u", "_s);
}

bool Paper::splitVersionedId(QStringView text, QString *id, int *version)
{
    // New style 2510.03438 (4 or 5 digits after the dot) and old style hep-th/9901001, optional vN.
    static const QRegularExpression re(
        uR"(^(?:arXiv:)?((?:\d{4}\.\d{4,5})|(?:[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))(?:v(\d+))?$)"_s);
    const auto m = re.match(text.trimmed().toString()); // matchView needs Qt 6.5
    if (!m.hasMatch())
        return false;
    if (id)
        *id = m.captured(1);
    if (version)
        *version = m.hasCaptured(2) ? m.captured(2).toInt() : 0;
    return true;
}
