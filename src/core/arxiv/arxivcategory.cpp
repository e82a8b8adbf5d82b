// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivcategory.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ArxivCategory {

bool isWellFormed(const QString &category)
{
    static const QRegularExpression shape(u"^[a-z][a-z\\-]*(\\.[A-Za-z\\-]+)?$"_s);
    return shape.match(category).hasMatch();
}

QStringList normalise(const QStringList &categories)
{
    static const QRegularExpression separators(u"[,+\\s]+"_s);
    QStringList out;
    for (const QString &c : categories) {
        for (const QString &p : c.split(separators, Qt::SkipEmptyParts)) {
            if (!out.contains(p))
                out << p;
        }
    }
    return out;
}

QString key(const QStringList &categories)
{
    QStringList sorted = normalise(categories);
    std::sort(sorted.begin(), sorted.end());
    return sorted.join(u'+');
}

QString canonical(const QString &category)
{
    // arXiv's subsumed archives: a paper may carry either name of the pair.
    static const QHash<QString, QString> aliases = {
        {u"math.IT"_s, u"cs.IT"_s},  {u"math.MP"_s, u"math-ph"_s}, {u"stat.TH"_s, u"math.ST"_s},
        {u"math.NA"_s, u"cs.NA"_s},  {u"eess.SY"_s, u"cs.SY"_s},   {u"econ.GN"_s, u"q-fin.EC"_s},
    };
    return aliases.value(category, category);
}

} // namespace ArxivCategory
