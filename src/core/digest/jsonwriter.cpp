// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include "digest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kFormat = u"papersieve-digest"_s;
constexpr int kVersion = 1;

QJsonValue optionalInt(const std::optional<int> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

std::optional<int> readOptionalInt(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toInt();
    return std::nullopt;
}
} // namespace

QByteArray JsonWriter::write(const Digest &d)
{
    QJsonObject root;
    root.insert(u"format"_s, kFormat);
    root.insert(u"version"_s, kVersion);
    root.insert(u"day"_s, d.day.toString(Qt::ISODate));
    root.insert(u"runId"_s, d.runId);
    root.insert(u"runStatus"_s, d.runStatus);
    root.insert(u"runMessage"_s, d.runMessage);
    root.insert(u"categories"_s, QJsonArray::fromStringList(d.categories));
    root.insert(u"totals"_s, QJsonObject{{u"arxiv"_s, d.totalArxiv},
                                         {u"scanned"_s, d.totalScanned},
                                         {u"relevant"_s, d.totalRelevant},
                                         {u"deduplicated"_s, true}});
    root.insert(u"cutoffs"_s, QJsonObject{{u"relevance"_s, d.relevanceCutoff}, {u"novelty"_s, d.noveltyCutoff}});
    root.insert(u"budgetReached"_s, d.budgetReached);

    QJsonArray usage;
    for (const DigestModelUsage &u : d.usage) {
        usage.append(QJsonObject{{u"model"_s, u.model},
                                 {u"requests"_s, u.requests},
                                 {u"promptTokens"_s, u.promptTokens},
                                 {u"cachedTokens"_s, u.cachedTokens},
                                 {u"completionTokens"_s, u.completionTokens},
                                 {u"reasoningTokens"_s, u.reasoningTokens},
                                 {u"totalTokens"_s, u.totalTokens()},
                                 {u"promptCostUsd"_s, u.promptCostUsd},
                                 {u"completionCostUsd"_s, u.completionCostUsd},
                                 {u"totalCostUsd"_s, u.totalCostUsd()},
                                 {u"priceKnown"_s, u.priceKnown}});
    }
    root.insert(u"usage"_s, usage);

    QJsonArray papers;
    for (qsizetype i = 0; i < d.papers.size(); ++i) {
        const DigestPaper &p = d.papers.at(i);
        QJsonObject o{{u"rank"_s, int(i + 1)},
                      {u"arxivId"_s, p.arxivId},
                      {u"version"_s, p.version},
                      {u"title"_s, p.title},
                      {u"authors"_s, QJsonArray::fromStringList(p.authors)},
                      {u"abstract"_s, p.abstract},
                      {u"comment"_s, p.comment},
                      {u"relevance"_s, optionalInt(p.relevance)},
                      {u"novelty"_s, optionalInt(p.novelty)},
                      {u"authorMatch"_s, p.authorMatch},
                      {u"followedAuthor"_s, p.followedAuthor},
                      {u"categories"_s, QJsonArray::fromStringList(p.categories)},
                      {u"doi"_s, p.doi},
                      {u"journalRef"_s, p.journalRef},
                      {u"arxivComment"_s, p.arxivComment},
                      {u"published"_s, p.published.isValid() ? p.published.toUTC().toString(Qt::ISODateWithMs) : QString()},
                      {u"url"_s, QString(u"https://arxiv.org/abs/"_s + p.arxivId)}};
        papers.append(o);
    }
    root.insert(u"papers"_s, papers);

    QJsonArray unscored;
    for (const DigestUnscored &u : d.unscored)
        unscored.append(QJsonObject{{u"arxivId"_s, u.arxivId}, {u"title"_s, u.title}, {u"reason"_s, u.reason}});
    root.insert(u"unscored"_s, unscored);
    root.insert(u"prompt"_s, QJsonObject{{u"system"_s, d.systemPrompt}, {u"user"_s, d.userPrompt}});
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Digest> JsonWriter::parse(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    const QJsonObject root = doc.object();
    if (pe.error != QJsonParseError::NoError || !doc.isObject() || root.value(u"format"_s).toString() != kFormat) {
        if (error)
            *error = QCoreApplication::translate("JsonWriter", "This is not a PaperSieve digest in JSON.");
        return std::nullopt;
    }
    if (root.value(u"version"_s).toInt() > kVersion) {
        if (error)
            *error = QCoreApplication::translate("JsonWriter", "This digest was written by a newer PaperSieve.");
        return std::nullopt;
    }
    auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const QJsonValue &s : v.toArray())
            out << s.toString();
        return out;
    };
    Digest d;
    d.day = QDate::fromString(root.value(u"day"_s).toString(), Qt::ISODate);
    d.runId = root.value(u"runId"_s).toInteger();
    d.runStatus = root.value(u"runStatus"_s).toString();
    d.runMessage = root.value(u"runMessage"_s).toString();
    d.categories = strings(root.value(u"categories"_s));
    const QJsonObject totals = root.value(u"totals"_s).toObject();
    d.totalArxiv = totals.value(u"arxiv"_s).toInt();
    d.totalScanned = totals.value(u"scanned"_s).toInt();
    d.totalRelevant = totals.value(u"relevant"_s).toInt();
    const QJsonObject cutoffs = root.value(u"cutoffs"_s).toObject();
    d.relevanceCutoff = cutoffs.value(u"relevance"_s).toInt(8);
    d.noveltyCutoff = cutoffs.value(u"novelty"_s).toInt(7);
    d.budgetReached = root.value(u"budgetReached"_s).toBool();
    for (const QJsonValue &v : root.value(u"usage"_s).toArray()) {
        const QJsonObject o = v.toObject();
        DigestModelUsage u;
        u.model = o.value(u"model"_s).toString();
        u.requests = o.value(u"requests"_s).toInt();
        u.promptTokens = o.value(u"promptTokens"_s).toInteger();
        u.cachedTokens = o.value(u"cachedTokens"_s).toInteger();
        u.completionTokens = o.value(u"completionTokens"_s).toInteger();
        u.reasoningTokens = o.value(u"reasoningTokens"_s).toInteger();
        u.promptCostUsd = o.value(u"promptCostUsd"_s).toDouble();
        u.completionCostUsd = o.value(u"completionCostUsd"_s).toDouble();
        u.priceKnown = o.value(u"priceKnown"_s).toBool(true);
        d.usage.append(u);
    }
    for (const QJsonValue &v : root.value(u"papers"_s).toArray()) {
        const QJsonObject o = v.toObject();
        DigestPaper p;
        p.arxivId = o.value(u"arxivId"_s).toString();
        p.version = o.value(u"version"_s).toInt(1);
        p.title = o.value(u"title"_s).toString();
        p.authors = strings(o.value(u"authors"_s));
        p.abstract = o.value(u"abstract"_s).toString();
        p.comment = o.value(u"comment"_s).toString();
        p.relevance = readOptionalInt(o.value(u"relevance"_s));
        p.novelty = readOptionalInt(o.value(u"novelty"_s));
        p.authorMatch = o.value(u"authorMatch"_s).toBool();
        p.followedAuthor = o.value(u"followedAuthor"_s).toString();
        p.categories = strings(o.value(u"categories"_s));
        p.doi = o.value(u"doi"_s).toString();
        p.journalRef = o.value(u"journalRef"_s).toString();
        p.arxivComment = o.value(u"arxivComment"_s).toString();
        const QString published = o.value(u"published"_s).toString();
        if (!published.isEmpty())
            p.published = QDateTime::fromString(published, Qt::ISODateWithMs);
        d.papers.append(p);
    }
    for (const QJsonValue &v : root.value(u"unscored"_s).toArray()) {
        const QJsonObject o = v.toObject();
        d.unscored.append({o.value(u"arxivId"_s).toString(), o.value(u"title"_s).toString(),
                           o.value(u"reason"_s).toString()});
    }
    const QJsonObject prompt = root.value(u"prompt"_s).toObject();
    d.systemPrompt = prompt.value(u"system"_s).toString();
    d.userPrompt = prompt.value(u"user"_s).toString();
    return d;
}
