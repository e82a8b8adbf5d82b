// SPDX-License-Identifier: GPL-3.0-or-later
#include "costformat.h"

using namespace Qt::Literals::StringLiterals;

namespace CostFormat {

QString usd(double amount)
{
    if (amount > 0 && amount < 0.005)
        return u"<$0.01"_s;
    return u"$"_s + QString::number(amount, 'f', 2);
}

QString usdPrecise(double amount)
{
    if (amount == 0)
        return u"$0"_s;
    return u"$"_s + QString::number(amount, 'f', amount < 0.01 ? 5 : 4);
}

QString tokens(qint64 count)
{
    QString digits = QString::number(count < 0 ? -count : count);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return count < 0 ? u"-"_s + digits : digits;
}

} // namespace CostFormat
