// SPDX-License-Identifier: GPL-3.0-or-later
#include "s2parser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {
// hIndex arrives as a number; be lenient with a numeric string.
std::optional<int> intField(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toInt();
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().toInt(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

S2Author authorFrom(const QJsonObject &o)
{
    S2Author a;
    const QJsonValue id = o.value(u"authorId"_s);
    a.authorId = id.isString() ? id.toString() : (id.isDouble() ? QString::number(id.toInteger()) : QString());
    a.name = o.value(u"name"_s).toString();
    a.hIndex = intField(o.value(u"hIndex"_s));
    a.paperCount = intField(o.value(u"paperCount"_s)).value_or(-1);
    return a;
}

bool arrayOf(const QByteArray &body, qsizetype expected, QJsonArray *array, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray()) {
        if (error)
            *error = QCoreApplication::translate("S2Parser", "Semantic Scholar sent something that is not a JSON list.");
        return false;
    }
    *array = doc.array();
    if (array->size() != expected) {
        if (error)
            *error = QCoreApplication::translate("S2Parser", "Semantic Scholar answered %1 entries for %2 ids.").arg(array->size()).arg(expected);
        return false;
    }
    return true;
}
} // namespace

bool S2Parser::parseAuthorBatch(const QByteArray &body, qsizetype expected, QList<std::optional<S2Author>> *out,
                                QString *error)
{
    QJsonArray array;
    if (!arrayOf(body, expected, &array, error))
        return false;
    out->clear();
    out->reserve(array.size());
    for (const QJsonValue &v : std::as_const(array)) {
        if (v.isObject())
            out->append(authorFrom(v.toObject()));
        else
            out->append(std::nullopt); // null: an id S2 does not know
    }
    return true;
}

bool S2Parser::parsePaperBatch(const QByteArray &body, qsizetype expected, QList<std::optional<S2Paper>> *out,
                               QString *error)
{
    QJsonArray array;
    if (!arrayOf(body, expected, &array, error))
        return false;
    out->clear();
    out->reserve(array.size());
    for (const QJsonValue &v : std::as_const(array)) {
        if (!v.isObject()) {
            out->append(std::nullopt);
            continue;
        }
        const QJsonObject o = v.toObject();
        S2Paper p;
        p.paperId = o.value(u"paperId"_s).toString();
        QString arxiv = o.value(u"externalIds"_s).toObject().value(u"ArXiv"_s).toString();
        if (const qsizetype vpos = arxiv.lastIndexOf(u'v'); vpos > 0 && arxiv.mid(vpos + 1).toInt() > 0)
            arxiv.truncate(vpos);
        p.arxivId = arxiv;
        const QJsonArray authors = o.value(u"authors"_s).toArray();
        for (const QJsonValue &a : authors)
            p.authors.append(authorFrom(a.toObject()));
        out->append(p);
    }
    return true;
}

bool S2Parser::parseAuthorSearch(const QByteArray &body, QList<S2Author> *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("S2Parser", "Semantic Scholar sent an author search answer that is not JSON.");
        return false;
    }
    out->clear();
    const QJsonArray data = doc.object().value(u"data"_s).toArray();
    for (const QJsonValue &v : data) {
        if (v.isObject())
            out->append(authorFrom(v.toObject()));
    }
    return true;
}

QString S2Parser::errorMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    QString m = o.value(u"message"_s).toString();
    if (m.isEmpty())
        m = o.value(u"error"_s).toString();
    return m.simplified();
}
