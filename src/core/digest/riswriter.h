// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct Digest;
struct DigestPaper;

// The digest's papers as RIS records (TY ELEC, one AU per author, the arXiv id, URL and DOI), in digest
// order, for Zotero, EndNote and Mendeley. Every field is one line: feed text is flattened.
class RisWriter final
{
public:
    static QString write(const Digest &digest);
    static QString record(const DigestPaper &paper);
};
