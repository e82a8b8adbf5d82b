// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/announcetype.h"
#include "domain/paper.h"

// One paper as a day's listing announces it: the paper (as far as the listing tells) and how it
// was announced.
struct FeedItem
{
    Paper paper;
    AnnounceType type = AnnounceType::New;
    int announcedVersion = 0; // the version the listing announced; 0: paper.version (feeds say so)
};
