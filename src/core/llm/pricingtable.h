// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/llmusage.h"
#include "domain/servicetier.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// USD per one million tokens.
struct TokenRates
{
    double input = 0;
    double cachedInput = 0;
    double output = 0; // reasoning tokens are billed as output

    friend bool operator==(const TokenRates &, const TokenRates &) = default;
};

struct ModelPrice
{
    double input = 0;
    double cachedInput = 0;
    double output = 0; // reasoning tokens are billed as output
    QString source;    // where the figures come from (shown in the settings)
    // The flex tier's rates; a model without them is never sent at the flex tier (OpenAI refuses
    // flex for models that do not offer it, and an unknown price would be a guess).
    std::optional<TokenRates> flex;

    TokenRates rates(ServiceTier tier) const;
    friend bool operator==(const ModelPrice &, const ModelPrice &) = default;
};

struct LlmCost
{
    double usd = 0;
    bool priceKnown = false; // false: no row for the model, usd is 0 ("price unknown"), never a guess
};

// Prices per model: the shipped table (resources/pricing.json) with the user's override file (same
// format, in the app data folder) merged over it, row by row and field by field.
class PricingTable final
{
public:
    PricingTable() = default;

    static PricingTable builtin();
    // builtin() with the override file merged over it. A missing file is not an error; a broken one
    // leaves the built-in prices and sets *error.
    static PricingTable withOverrides(const QString &overridePath, QString *error = nullptr);

    bool mergeJson(const QByteArray &json, QString *error = nullptr);
    bool mergeFile(const QString &path, QString *error = nullptr);
    QByteArray toJson() const;

    void setPrice(const QString &model, const ModelPrice &price);
    // Exact name first, then without a "vendor/" prefix, a date suffix ("-2025-08-07", "-20250929")
    // or "-latest": "openai/gpt-5-2025-08-07" finds the "gpt-5" row, "gpt-5-mini" never does.
    std::optional<ModelPrice> price(const QString &model) const;
    QString resolve(const QString &model) const; // the row name used, empty when none
    // At the tier's rates; a tier the model has no rates for is billed at the standard rates (never
    // under-counted).
    LlmCost cost(const QString &model, const LlmUsage &usage, ServiceTier tier = ServiceTier::Standard) const;
    bool offersFlex(const QString &model) const;
    QStringList models() const { return m_prices.keys(); }

private:
    QMap<QString, ModelPrice> m_prices; // lower-case model names
};
