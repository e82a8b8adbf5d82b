// SPDX-License-Identifier: GPL-3.0-or-later
#include "announcetype.h"

using namespace Qt::Literals::StringLiterals;

QString announceTypeToString(AnnounceType type)
{
    switch (type) {
    case AnnounceType::New:
        return u"new"_s;
    case AnnounceType::Cross:
        return u"cross"_s;
    case AnnounceType::Replace:
        return u"replace"_s;
    case AnnounceType::ReplaceCross:
        return u"replace-cross"_s;
    }
    return {};
}

std::optional<AnnounceType> announceTypeFromString(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.compare(u"new", Qt::CaseInsensitive) == 0)
        return AnnounceType::New;
    if (t.compare(u"cross", Qt::CaseInsensitive) == 0)
        return AnnounceType::Cross;
    if (t.compare(u"replace", Qt::CaseInsensitive) == 0)
        return AnnounceType::Replace;
    if (t.compare(u"replace-cross", Qt::CaseInsensitive) == 0)
        return AnnounceType::ReplaceCross;
    return std::nullopt;
}
