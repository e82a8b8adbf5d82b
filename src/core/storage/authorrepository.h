// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

// One author of a stored paper, as the authors table knows them.
struct StoredAuthor
{
    qint64 authorId = 0;
    int position = 0;          // 0-based order on the paper
    QString name;              // as arXiv lists it
    QString s2Id;              // Semantic Scholar author id, empty until known
    std::optional<int> hIndex; // cached from Semantic Scholar
    QDateTime hIndexFetched;   // when hIndex was looked up (cache age)
};

// The authors and paper_authors tables as the Semantic Scholar stages use them: the cached h-index
// of authors with a known Semantic Scholar id, and which id an author of a paper has.
class AuthorRepository final
{
public:
    explicit AuthorRepository(Database &db);

    // arXiv id (without version) -> the paper's authors in order. Papers not stored are absent.
    QHash<QString, QList<StoredAuthor>> authorsOfPapers(const QStringList &arxivIds);

    // Records that the author at `position` of the paper is the Semantic Scholar author s2Id:
    // the paper then points at the authors row with that id (made if needed), so a namesake
    // on another paper keeps its own row. Returns false when the paper or position is unknown.
    bool linkS2Author(const QString &arxivId, int position, const QString &s2Id, const QString &name,
                      QString *error = nullptr);

    // Stores a looked-up h-index for the author with this id (made if needed), with the time.
    bool storeHIndex(const QString &s2Id, const QString &name, int hIndex, const QDateTime &fetchedUtc,
                     QString *error = nullptr);

    // The ids among s2Ids whose h-index is unknown or older than maxAgeDays.
    QStringList staleS2Ids(const QStringList &s2Ids, int maxAgeDays, const QDateTime &nowUtc);

    // Cached h-indexes for these ids (absent when never looked up).
    QHash<QString, int> hIndexes(const QStringList &s2Ids);

private:
    Database &m_db;
};
