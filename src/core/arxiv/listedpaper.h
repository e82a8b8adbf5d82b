// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/announcetype.h"
#include "domain/paper.h"

#include <QList>
#include <QString>

// A distinct paper of a day's listing with the requested categories it is listed under.
struct ListedPaper
{
    struct Listing
    {
        QString category;  // a requested category
        AnnounceType type; // the paper's type in that category's own listing
    };

    Paper paper;
    AnnounceType type = AnnounceType::New; // as the (combined) feed announced it
    int announcedVersion = 1;              // the version that day's listing showed
    QList<Listing> listings;               // one announcements row each
};
