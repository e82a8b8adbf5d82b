// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// How a provider processes a request. OpenAI's "flex" tier answers the same model more slowly, with
// occasional "resource unavailable" refusals, at Batch API prices (half the standard rates): the right
// trade for a digest that is read in the morning, not watched while it runs.
enum class ServiceTier { Standard, Flex };

namespace ServiceTiers {
// "standard" | "flex": the words of the settings file and the run records.
QString name(ServiceTier tier);
// Unknown words read as Standard: a typo in the settings never sends a tier the user did not choose.
ServiceTier fromName(const QString &name);
// What a provider's reply says it billed: OpenAI "flex" / "default" / "priority", Anthropic "standard".
// Empty: the reply did not say, so the requested tier stands.
ServiceTier fromReply(const QString &replyTier, ServiceTier requested);
} // namespace ServiceTiers
