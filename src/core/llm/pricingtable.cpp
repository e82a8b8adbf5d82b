// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricingtable.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// A missing price keeps what *target holds; a present one must be a number >= 0.
bool fieldOf(const QJsonObject &row, const QString &key, double *target)
{
    const QJsonValue v = row.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isDouble() || v.toDouble() < 0)
        return false;
    *target = v.toDouble();
    return true;
}
} // namespace

TokenRates ModelPrice::rates(ServiceTier tier) const
{
    if (tier == ServiceTier::Flex && flex)
        return *flex;
    return {input, cachedInput, output};
}

PricingTable PricingTable::builtin()
{
    PricingTable table;
    QString error;
    if (!table.mergeFile(u":/pricing/pricing.json"_s, &error))
        qWarning("built-in pricing table unreadable: %s", qPrintable(error));
    return table;
}

PricingTable PricingTable::withOverrides(const QString &overridePath, QString *error)
{
    PricingTable table = builtin();
    if (!overridePath.isEmpty() && QFile::exists(overridePath)) {
        PricingTable merged = table;
        if (merged.mergeFile(overridePath, error))
            return merged;
    }
    return table;
}

bool PricingTable::mergeFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("PricingTable", "Cannot read the price file %1: %2")
                         .arg(path, f.errorString());
        return false;
    }
    QString inner;
    if (!mergeJson(f.readAll(), &inner)) {
        if (error)
            *error = QCoreApplication::translate("PricingTable", "The price file %1 is not usable: %2").arg(path, inner);
        return false;
    }
    return true;
}

bool PricingTable::mergeJson(const QByteArray &json, QString *error)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = err.error != QJsonParseError::NoError
                         ? err.errorString()
                         : QCoreApplication::translate("PricingTable", "expected a JSON object");
        return false;
    }
    const QJsonObject models = doc.object().value(u"models"_s).toObject();
    // Validate everything before changing anything.
    QMap<QString, ModelPrice> next = m_prices;
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QString name = it.key().trimmed().toLower();
        const QJsonObject row = it.value().toObject();
        if (name.isEmpty() || !it.value().isObject()) {
            if (error)
                *error = QCoreApplication::translate("PricingTable", "the entry '%1' is not an object").arg(it.key());
            return false;
        }
        const bool known = next.contains(name);
        ModelPrice p = next.value(name);
        auto field = [&](const QString &key, double *target) { return fieldOf(row, key, target); };
        const bool hadCached = row.contains(u"cached_input"_s);
        if (!field(u"input"_s, &p.input) || !field(u"cached_input"_s, &p.cachedInput) || !field(u"output"_s, &p.output)) {
            if (error)
                *error = QCoreApplication::translate("PricingTable", "the prices of '%1' must be numbers >= 0").arg(it.key());
            return false;
        }
        if (!known && !hadCached)
            p.cachedInput = p.input; // no cache discount known: never under-count
        if (row.value(u"flex"_s).isNull()) {
            p.flex.reset(); // "flex": null in the user's file: never use the flex tier for this model
        } else if (row.contains(u"flex"_s)) {
            const QJsonObject flex = row.value(u"flex"_s).toObject();
            const bool hadFlex = p.flex.has_value();
            TokenRates rates = p.flex.value_or(TokenRates{});
            if (!row.value(u"flex"_s).isObject() || !fieldOf(flex, u"input"_s, &rates.input)
                || !fieldOf(flex, u"cached_input"_s, &rates.cachedInput) || !fieldOf(flex, u"output"_s, &rates.output)) {
                if (error)
                    *error = QCoreApplication::translate("PricingTable", "the flex prices of '%1' must be numbers >= 0")
                                 .arg(it.key());
                return false;
            }
            if (!hadFlex && !flex.contains(u"cached_input"_s))
                rates.cachedInput = rates.input;
            p.flex = rates;
        }
        if (row.contains(u"source"_s))
            p.source = row.value(u"source"_s).toString();
        next.insert(name, p);
    }
    m_prices = next;
    return true;
}

QByteArray PricingTable::toJson() const
{
    QJsonObject models;
    for (auto it = m_prices.cbegin(); it != m_prices.cend(); ++it) {
        QJsonObject row{{u"input"_s, it->input}, {u"cached_input"_s, it->cachedInput}, {u"output"_s, it->output}};
        if (it->flex)
            row.insert(u"flex"_s, QJsonObject{{u"input"_s, it->flex->input},
                                              {u"cached_input"_s, it->flex->cachedInput},
                                              {u"output"_s, it->flex->output}});
        if (!it->source.isEmpty())
            row.insert(u"source"_s, it->source);
        models.insert(it.key(), row);
    }
    return QJsonDocument(QJsonObject{{u"unit"_s, u"USD per 1M tokens"_s}, {u"models"_s, models}}).toJson();
}

void PricingTable::setPrice(const QString &model, const ModelPrice &price)
{
    m_prices.insert(model.trimmed().toLower(), price);
}

QString PricingTable::resolve(const QString &model) const
{
    static const QRegularExpression dateSuffix(u"-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$"_s);
    QString name = model.trimmed().toLower();
    if (m_prices.contains(name))
        return name;
    if (const qsizetype slash = name.lastIndexOf(u'/'); slash >= 0) {
        name = name.mid(slash + 1); // "openai/gpt-5" (OpenRouter), "models/gemini-2.5-pro"
        if (m_prices.contains(name))
            return name;
    }
    if (name.endsWith(u"-latest")) {
        name.chop(7);
        if (m_prices.contains(name))
            return name;
    }
    name.remove(dateSuffix);
    if (m_prices.contains(name))
        return name;
    return {};
}

std::optional<ModelPrice> PricingTable::price(const QString &model) const
{
    const QString row = resolve(model);
    if (row.isEmpty())
        return std::nullopt;
    return m_prices.value(row);
}

LlmCost PricingTable::cost(const QString &model, const LlmUsage &usage, ServiceTier tier) const
{
    const auto p = price(model);
    if (!p)
        return {};
    const TokenRates r = p->rates(tier);
    const qint64 cached = std::clamp<qint64>(usage.cachedTokens, 0, usage.promptTokens);
    const double usd = (double(usage.promptTokens - cached) * r.input + double(cached) * r.cachedInput
                        + double(usage.completionTokens) * r.output)
                       / 1e6;
    return {usd, true};
}

bool PricingTable::offersFlex(const QString &model) const
{
    const auto p = price(model);
    return p && p->flex.has_value();
}
