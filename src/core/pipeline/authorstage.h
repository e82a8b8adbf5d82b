// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runstage.h"
#include "net/retrypolicy.h"
#include "s2/followedauthor.h"
#include "s2/s2author.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class Database;
class HttpClient;
class S2Client;

// What the author stages decided for one run.
struct AuthorStageResult
{
    QStringList toLlm;          // the ids that go on to the LLM stages, in the order given
    QStringList authorMatches;  // by a followed author: selected, not sent to the LLM
    QStringList hIndexDropped;  // every author has a known h-index under the cutoff
    int s2Requests = 0;         // Semantic Scholar requests made (retries included)
    QString warning;            // Semantic Scholar trouble: the h-index stage kept what it could not judge
    bool cancelled = false;
    QString error;              // the decisions could not be stored (database)
};
Q_DECLARE_METATYPE(AuthorStageResult)

// Stages 1 and 2 of the selection (issue 4), before any LLM call:
//  1. followed authors: a paper by an author the user follows (matched by Semantic Scholar id when
//     S2 has identified the paper's authors, else by normalised name; see AuthorMatcher) is selected,
//     stored as an AuthorMatch 'kept' row (comment "Author match", reason = the followed author)
//     and not sent to the LLM;
//  2. h-index cutoff (optional): the papers' authors are identified through POST /paper/batch
//     (arXiv ids, 500 per request), their h-indexes looked up through POST /author/batch (1000 per
//     request) and cached in the authors table for cacheDays; a paper is dropped only when every
//     author has a known h-index under the cutoff (HIndexFilter), stored as an HIndex row either way.
// Semantic Scholar is only asked when a stage needs it (ids to check for followed authors with an id,
// or the h-index stage). Its failures never fail the run: what could not be judged is kept, and
// `warning` says so. The decisions are recomputed each run (they are cheap, and the followed list or
// cutoff may have changed), replacing this criteria version's and model's earlier author/h-index rows.
// Emits finished() exactly once per start(), never from inside start().
class AuthorStage final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorStage)

public:
    struct Config
    {
        bool authorMatch = true;
        QList<FollowedAuthor> followed;
        bool hIndexFilter = false;
        int hIndexCutoff = 10;
        QUrl s2BaseUrl;           // Endpoints::s2Api
        QString s2ApiKey;         // optional; memory only
        int s2SpacingMs = 1000;   // S2's 1 request/s
        int cacheDays = 30;       // h-indexes younger than this are not asked again
        RetryPolicy retry;        // tests shorten the waits
        qint64 criteriaId = 0;    // the score rows' criteria version and model (the run's)
        QString model;
    };

    AuthorStage(Database &db, HttpClient &http, Config config, QObject *parent = nullptr);
    ~AuthorStage() override;

    // Whether this configuration contacts Semantic Scholar (h-index stage, or a followed author's S2 id).
    static bool needsS2(const Config &config);

    void start(qint64 runId, const QStringList &arxivIds);
    void cancel();
    bool isRunning() const { return m_running; }
    void setClock(std::function<QDateTime()> nowUtc) { m_now = std::move(nowUtc); }

    // Whether this configuration does anything at all (else start() just passes every id on).
    bool isActive() const;

signals:
    void progress(RunStage stage, int done, int total); // Authors
    void notice(const QString &message);
    void finished(const AuthorStageResult &result);

private:
    bool needsS2() const { return needsS2(m_config); }
    void identifyAuthors();
    void onPapers(const QStringList &asked, const QList<std::optional<S2Paper>> &papers, const QString &error);
    void lookUpHIndexes();
    void decide();
    void finish();
    void addWarning(const QString &text);

    Database &m_db;
    HttpClient &m_http;
    Config m_config;
    QPointer<S2Client> m_s2;
    std::function<QDateTime()> m_now;
    qint64 m_runId = 0;
    QStringList m_ids;
    AuthorStageResult m_result;
    bool m_running = false;
    quint64 m_generation = 0;
};
