// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

QString RunSettings::toJson() const
{
    const QJsonObject o{{u"categories"_s, QJsonArray::fromStringList(categories)},
                        {u"announceTypes"_s, QJsonArray::fromStringList(announceTypes)},
                        {u"provider"_s, provider},
                        {u"model"_s, model},
                        {u"reasoningEffort"_s, reasoningEffort},
                        {u"serviceTier"_s, serviceTier},
                        {u"relevanceCutoff"_s, relevanceCutoff},
                        {u"noveltyCutoff"_s, noveltyCutoff},
                        {u"titleFilter"_s, titleFilter},
                        {u"authorMatch"_s, authorMatch},
                        {u"hIndexFilter"_s, hIndexFilter},
                        {u"hIndexCutoff"_s, hIndexCutoff},
                        {u"dailyBudgetUsd"_s, dailyBudgetUsd}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

RunSettings RunSettings::fromJson(const QString &json)
{
    RunSettings r;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    auto strings = [](const QJsonValue &v, const QStringList &fallback) {
        if (!v.isArray())
            return fallback;
        QStringList out;
        for (const QJsonValue &s : v.toArray())
            out << s.toString();
        return out;
    };
    r.categories = strings(o.value(u"categories"_s), {u"cs.LG"_s, u"cs.AI"_s});
    r.announceTypes = strings(o.value(u"announceTypes"_s), {u"new"_s, u"cross"_s});
    r.provider = o.value(u"provider"_s).toString(u"openai"_s);
    r.model = o.value(u"model"_s).toString();
    r.reasoningEffort = o.value(u"reasoningEffort"_s).toString();
    r.serviceTier = o.value(u"serviceTier"_s).toString(r.serviceTier);
    r.relevanceCutoff = o.value(u"relevanceCutoff"_s).toInt(r.relevanceCutoff);
    r.noveltyCutoff = o.value(u"noveltyCutoff"_s).toInt(r.noveltyCutoff);
    r.titleFilter = o.value(u"titleFilter"_s).toBool(r.titleFilter);
    r.authorMatch = o.value(u"authorMatch"_s).toBool(r.authorMatch);
    r.hIndexFilter = o.value(u"hIndexFilter"_s).toBool(r.hIndexFilter);
    r.hIndexCutoff = o.value(u"hIndexCutoff"_s).toInt(r.hIndexCutoff);
    r.dailyBudgetUsd = o.value(u"dailyBudgetUsd"_s).toDouble(0);
    return r;
}
