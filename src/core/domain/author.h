// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct Author
{
    QString name;
    QString semanticScholarId; // empty until known; preferred over the name for look-ups (namesakes)
    int hIndex = -1;           // -1: not looked up

    friend bool operator==(const Author &, const Author &) = default;
};
