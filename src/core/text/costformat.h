// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// How money and token counts read in the window and the digest tables.
namespace CostFormat {

// "$1.21"; "<$0.01" for a spend that rounds to zero but is not; "$0.00" for none.
QString usd(double amount);
// More digits for per-request amounts: "$0.0043".
QString usdPrecise(double amount);
// "109,658" in the C locale style used by the reference digest (stable in screenshots and tests).
QString tokens(qint64 count);

} // namespace CostFormat
