// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/digestrule.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

class Database;

// One announcement day (or a day that only has runs) as the days list shows it.
struct LibraryDay
{
    QDate day;
    int papers = 0;         // papers announced that day and stored
    int scored = 0;         // of those, with a relevance/novelty score
    int relevant = 0;       // of those, in the digest (cutoffs met, or a followed author)
    double costUsd = 0;     // LLM spend of the runs for that day
    int runs = 0;
    QString lastRunStatus;  // runs.status of the latest run, empty without one
};

// One row of the papers table: what the list needs, never the abstract (large; read on selection).
struct LibraryPaper
{
    qint64 id = 0;
    QString arxivId;
    int version = 1;
    QString title;
    QString authorsText;    // "A, B, C"
    QString primaryCategory;
    QString categories;     // space separated, primary first
    QDate day;              // the (latest) announcement day
    int relevance = 0;      // 0: no score
    int novelty = 0;
    bool authorMatch = false; // a followed author (the author stage kept it)
    bool starred = false;
    bool read = false;
    double searchRank = 0;  // bm25 for search results (smaller is better), else 0
    qint64 scoreId = 0;     // the latest abstract score row (arrival order breaks ties in the ranking)
};

// What the detail pane shows for one paper.
struct LibraryPaperDetail
{
    LibraryPaper row;
    QString abstract;
    QString comment;        // the authors' arXiv comment
    QString journalRef;
    QString doi;
    QDateTime published;
    QDateTime updated;
    QString absUrl, pdfUrl, htmlUrl; // stored URLs, empty when unknown
    QString announceType;   // new | cross | replace | replace-cross on row.day
    QString llmComment;     // the latest abstract score's comment
    QString scoreModel;
    QString scoreStatus;    // scored | unscored | empty
    QString scoreReason;    // why unscored
    QString filterNote;     // a filter stage's decision when the abstract was never scored
};

// The read side of the library for the window: days, a day's papers with their latest scores, search over
// the whole history (FTS5); plus the user's marks (star, read), its only writes. Runs and their costs
// are RunHistory's.
// Runs on the calling thread's connection; cheap to construct.
class LibraryRepository final
{
public:
    explicit LibraryRepository(Database &database);

    // Newest first; `rule` decides which papers count as relevant.
    QList<LibraryDay> days(const DigestRule &rule);
    QList<LibraryPaper> papersForDay(const QDate &day);
    // Every stored paper, newest announcement first (the benchmark's and a "whole history" view).
    QList<LibraryPaper> allPapers(int limit = -1);
    // Full-text search over title, abstract, authors and comment; words may be prefixes ("quant" finds
    // "quantization"). Best matches first. Empty query: empty result.
    QList<LibraryPaper> search(const QString &query, int limit = 500);
    std::optional<LibraryPaperDetail> paper(qint64 paperId);

    bool setStarred(qint64 paperId, bool starred);
    bool setRead(qint64 paperId, bool read);

    bool isEmpty(); // no paper stored at all
    QString lastError() const { return m_lastError; }

    // The FTS5 query for what the user typed: every word quoted (so operators and quotes in the text are
    // plain words) and the last one a prefix. Empty when there is no word.
    static QString ftsQuery(const QString &userText);

private:
    QList<LibraryPaper> readPapers(const QString &sql, const QList<QVariant> &binds);

    Database &m_database;
    QString m_lastError;
};
