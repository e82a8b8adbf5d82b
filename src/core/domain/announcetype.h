// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// How a paper appears in a day's arXiv listing (RSS `arxiv:announce_type`).
enum class AnnounceType { New, Cross, Replace, ReplaceCross };

QString announceTypeToString(AnnounceType type);
std::optional<AnnounceType> announceTypeFromString(QStringView text);
