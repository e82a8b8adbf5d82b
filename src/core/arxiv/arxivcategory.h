// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// arXiv category names (cs.LG, hep-th, math.OC): what they look like, their aliases, and the key a set
// of them is stored under.
namespace ArxivCategory {

// Written like a category: an archive in lower case, optionally a dot and a subject class.
bool isWellFormed(const QString &category);
// Trimmed, distinct, in the order given; "cs.LG,cs.AI" and "cs.LG+cs.AI" inside one element are split.
QStringList normalise(const QStringList &categories);
// "cs.AI+cs.LG": sorted, the feed_days key.
QString key(const QStringList &categories);
// arXiv lists some categories under two names (cs.SY = eess.SY, math.ST = stat.TH, ...).
QString canonical(const QString &category);

} // namespace ArxivCategory
