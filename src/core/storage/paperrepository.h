// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "paperauthorrows.h"
#include "paperbulkinsert.h"
#include "preparedstatements.h"

#include "domain/paper.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Database;

// The papers table as ingest writes it (authors through PaperAuthorRows, a day's new papers through
// PaperBulkInsert, announcements through AnnouncementRepository).
// One row per arXiv id however many days and categories list it. A newer version updates the row
// (and clears metadata_complete, so the API fills it again); rows in `scores` keep the version they
// were made for, so earlier scores stay marked as scored on the earlier version. An older version
// never overwrites a newer one. Authors are kept in order (paper_authors.position, 0-based); an
// author row is shared by name until the Semantic Scholar stage links a paper to a specific person,
// and rewriting a paper's author list keeps those links for names that did not change.
//
// Writes run on the calling thread's connection; wrap a day's writes in one Transaction.
// Statements are prepared once per repository: use a repository on one thread.
class PaperRepository final
{
public:
    explicit PaperRepository(Database &db);
    ~PaperRepository();
    Q_DISABLE_COPY_MOVE(PaperRepository)

    enum class Change {
        None,       // already stored as given (or a newer version is stored)
        Inserted,
        Updated,    // same version, fields filled or corrected
        NewVersion, // a newer version replaced the stored one
    };

    // From a listing (RSS item or API catch-up record). Returns the row id, 0 on a database error.
    qint64 upsert(const Paper &paper, const QDateTime &nowUtc, Change *change = nullptr);

    // upsert() for a whole day, in few statements (docs/BENCHMARKS.md, "Ingest"): the stored papers are
    // looked up at once, the new ones go in through PaperBulkInsert.
    // *ids and *changes get one entry per paper, in order. All or nothing (a savepoint of its own):
    // returns false on a database error (errorString()) and leaves the database as it was.
    bool upsertMany(const QList<Paper> &papers, const QDateTime &nowUtc, QList<qint64> *ids,
                    QList<Change> *changes = nullptr);

    // From an arXiv API id_list answer: full author list, primary category, comment, journal ref,
    // DOI, dates; marks the record complete. *found is true when the record was written: false when
    // the paper is not stored, or when the API's record is older than the stored version (the API
    // lags behind the feed for a while): then nothing changes and the paper stays incomplete.
    bool completeMetadata(const Paper &paper, bool *found = nullptr);

    qint64 idOf(const QString &arxivId);
    std::optional<Paper> find(const QString &arxivId);
    // The ids among arxivIds whose metadata the API has not filled yet, in the given order.
    QStringList incompleteAmong(const QStringList &arxivIds);

    QString errorString() const;

private:
    struct Stored
    {
        qint64 id = 0;
        int version = 0;
        bool complete = false;
        QString doi, journalRef, license;
    };
    std::optional<Stored> lookup(const QString &arxivId, bool *ok);
    bool lookupMany(const QList<Paper> &papers, QHash<QString, Stored> *stored);
    // upsert() of a paper known to be stored as `stored`.
    qint64 updateStored(const Paper &paper, const Stored &stored, Change *change);
    bool writeAll(qint64 id, const Paper &paper, bool complete);
    bool replaceAuthors(qint64 paperId, const QList<Author> &authors);

    Database &m_db;
    PreparedStatements m_sql;
    PaperAuthorRows m_authors;
    PaperBulkInsert m_bulk;
};
