// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

struct Digest;

// The digest as JSON (format "papersieve-digest", version 1), for scripts and other tools.
// parse() reads it back (round trip), so a saved digest can be re-rendered in another format.
class JsonWriter final
{
public:
    static QByteArray write(const Digest &digest);
    static std::optional<Digest> parse(const QByteArray &json, QString *error = nullptr);
};
