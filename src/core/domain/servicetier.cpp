// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicetier.h"

using namespace Qt::Literals::StringLiterals;

QString ServiceTiers::name(ServiceTier tier)
{
    return tier == ServiceTier::Flex ? u"flex"_s : u"standard"_s;
}

ServiceTier ServiceTiers::fromName(const QString &name)
{
    return name.trimmed().compare(u"flex", Qt::CaseInsensitive) == 0 ? ServiceTier::Flex : ServiceTier::Standard;
}

ServiceTier ServiceTiers::fromReply(const QString &replyTier, ServiceTier requested)
{
    if (replyTier.isEmpty())
        return requested;
    return fromName(replyTier);
}
