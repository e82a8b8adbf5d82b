// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct Digest;
struct DigestPaper;

// The digest's papers as BibTeX @misc entries (eprint, archivePrefix, primaryClass, url, doi when known),
// in digest order, for a reference manager.
class BibtexWriter final
{
public:
    static QString write(const Digest &digest);
    static QString entry(const DigestPaper &paper, const QString &key);

    // Text for a BibTeX field. arXiv titles and names are already TeX ("S\'anchez", "$\mu$P"), so TeX
    // commands and $math$ are kept as written; the specials a plain text means literally (& % # _ ~ ^
    // and a backslash that starts no command) are escaped, and control characters dropped. Braces are
    // counted as BibTeX counts them (\{ and \} too): unless they balance, each becomes \textbraceleft{}
    // or \textbraceright{} (\lbrace{}, \rbrace{} in math), so a field can never close early.
    static QString escape(const QString &text);
    // An escaped title with every word that holds a capital in braces ("{BERT} for {Zero-Shot} tasks"),
    // so a style that changes a title's case keeps the authors' capitals. Words already one {...} group,
    // and $math$, stay whole.
    static QString protectCapitals(const QString &escaped);
    // "kangaslahti2025boomerang": first author's family name, year, first title word (ASCII).
    static QString baseKey(const DigestPaper &paper);
};
