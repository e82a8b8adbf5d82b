// SPDX-License-Identifier: GPL-3.0-or-later
#include "seedfixture.h"

#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

Digest SeedFixture::load()
{
    const QJsonObject o = QJsonDocument::fromJson(TestData::read(u"digest/seed-2025-10-07.json"_s)).object();
    Digest d;
    d.day = QDate::fromString(o.value(u"day"_s).toString(), Qt::ISODate);
    d.categories = {u"cs.LG"_s, u"cs.AI"_s};
    DigestModelUsage u;
    u.model = o.value(u"model"_s).toString();
    u.promptTokens = o.value(u"promptTokens"_s).toInteger();
    u.completionTokens = o.value(u"completionTokens"_s).toInteger();
    u.promptCostUsd = o.value(u"promptCostUsd"_s).toDouble();
    u.completionCostUsd = o.value(u"completionCostUsd"_s).toDouble();
    d.usage = {u};
    d.totalArxiv = o.value(u"totalArxiv"_s).toInt();
    d.totalScanned = o.value(u"totalScanned"_s).toInt();
    d.totalRelevant = o.value(u"totalRelevant"_s).toInt();
    for (const QJsonValue &v : o.value(u"papers"_s).toArray()) {
        const QJsonObject p = v.toObject();
        DigestPaper dp;
        dp.arxivId = p.value(u"arxivId"_s).toString();
        dp.title = p.value(u"title"_s).toString();
        for (const QJsonValue &a : p.value(u"authors"_s).toArray())
            dp.authors << a.toString();
        dp.abstract = p.value(u"abstract"_s).toString();
        dp.comment = p.value(u"comment"_s).toString();
        dp.relevance = p.value(u"relevance"_s).toInt();
        dp.novelty = p.value(u"novelty"_s).toInt();
        for (const QJsonValue &c : p.value(u"categories"_s).toArray())
            dp.categories << c.toString();
        d.papers.append(dp);
    }
    d.systemPrompt = o.value(u"systemPrompt"_s).toString();
    return d;
}
