// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorstage.h"

#include "domain/score.h"
#include "s2/authormatcher.h"
#include "s2/hindexfilter.h"
#include "s2/s2client.h"
#include "storage/authorrepository.h"
#include "storage/database.h"
#include "storage/scorerepository.h"
#include "storage/transaction.h"
#include "text/namekey.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kChunk = 400;

QString marks(qsizetype n)
{
    QStringList m;
    m.fill(u"?"_s, n);
    return m.join(u',');
}

QString familyName(const QString &name)
{
    const QStringList parts = NameKey::of(name).split(u' ', Qt::SkipEmptyParts);
    return parts.isEmpty() ? QString() : parts.last();
}
} // namespace

AuthorStage::AuthorStage(Database &db, HttpClient &http, Config config, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_http(http)
    , m_config(std::move(config))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<AuthorStageResult>();
}

AuthorStage::~AuthorStage() = default;

bool AuthorStage::isActive() const
{
    return (m_config.authorMatch && !m_config.followed.isEmpty()) || m_config.hIndexFilter;
}

bool AuthorStage::needsS2(const Config &config)
{
    if (config.hIndexFilter)
        return true;
    if (!config.authorMatch)
        return false;
    // Ids only help to tell a followed author from a namesake.
    return std::any_of(config.followed.cbegin(), config.followed.cend(),
                       [](const FollowedAuthor &f) { return !f.s2Id.isEmpty(); });
}

void AuthorStage::start(qint64 runId, const QStringList &arxivIds)
{
    Q_ASSERT(!m_running);
    m_running = true;
    ++m_generation;
    m_runId = runId;
    m_ids = arxivIds;
    m_ids.removeDuplicates();
    m_result = AuthorStageResult();
    const quint64 generation = m_generation;
    // finished() never comes from inside start().
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation || !m_running)
            return;
        if (!needsS2() || m_ids.isEmpty()) {
            decide();
            return;
        }
        m_s2 = new S2Client(m_http, m_config.s2BaseUrl, this);
        m_s2->setApiKey(m_config.s2ApiKey);
        m_s2->setSpacingMs(m_config.s2SpacingMs);
        m_s2->setRetryPolicy(m_config.retry);
        identifyAuthors();
    });
}

void AuthorStage::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    if (m_s2)
        m_s2->cancel();
    m_result.cancelled = true;
    m_result.toLlm.clear();
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            finish();
    });
}

void AuthorStage::addWarning(const QString &text)
{
    if (!m_result.warning.isEmpty())
        return;
    m_result.warning = text;
    emit notice(text);
}

void AuthorStage::identifyAuthors()
{
    // Only papers with an author S2 has not identified yet are asked about.
    AuthorRepository authors(m_db);
    const QHash<QString, QList<StoredAuthor>> stored = authors.authorsOfPapers(m_ids);
    QStringList ask;
    for (const QString &id : std::as_const(m_ids)) {
        const QList<StoredAuthor> list = stored.value(id);
        if (std::any_of(list.cbegin(), list.cend(), [](const StoredAuthor &a) { return a.s2Id.isEmpty(); }))
            ask << id;
    }
    if (ask.isEmpty()) {
        lookUpHIndexes();
        return;
    }
    emit progress(RunStage::Authors, 0, 0);
    const quint64 generation = m_generation;
    m_s2->fetchPapersByArxivId(ask, this, [this, ask, generation](const QList<std::optional<S2Paper>> &papers,
                                                                   const QString &error) {
        if (generation != m_generation)
            return;
        onPapers(ask, papers, error);
    });
}

void AuthorStage::onPapers(const QStringList &asked, const QList<std::optional<S2Paper>> &papers, const QString &error)
{
    if (!error.isEmpty())
        addWarning(tr("Semantic Scholar could not identify the authors (%1); papers it could not judge are kept.")
                       .arg(error));
    AuthorRepository authors(m_db);
    const QHash<QString, QList<StoredAuthor>> stored = authors.authorsOfPapers(asked);
    for (qsizetype i = 0; i < papers.size() && i < asked.size(); ++i) {
        if (!papers.at(i))
            continue; // not in Semantic Scholar yet (usual for a paper announced today)
        const QList<StoredAuthor> ours = stored.value(asked.at(i));
        const QList<S2Author> &theirs = papers.at(i)->authors;
        QSet<int> linked;
        for (qsizetype k = 0; k < theirs.size(); ++k) {
            const S2Author &a = theirs.at(k);
            if (a.authorId.isEmpty())
                continue;
            // The same position with the same family name, else the one author with the same full name.
            int position = -1;
            if (k < ours.size() && familyName(ours.at(k).name) == familyName(a.name))
                position = ours.at(k).position;
            if (position < 0) {
                const QString full = NameKey::of(a.name);
                for (const StoredAuthor &o : ours) {
                    if (NameKey::of(o.name) == full && !linked.contains(o.position)) {
                        position = o.position;
                        break;
                    }
                }
            }
            if (position < 0 || linked.contains(position))
                continue;
            linked.insert(position);
            QString linkError;
            if (!authors.linkS2Author(asked.at(i), position, a.authorId, a.name, &linkError))
                emit notice(linkError);
        }
    }
    lookUpHIndexes();
}

void AuthorStage::lookUpHIndexes()
{
    if (!m_config.hIndexFilter) {
        decide();
        return;
    }
    AuthorRepository authors(m_db);
    QStringList s2Ids;
    for (const QList<StoredAuthor> &list : authors.authorsOfPapers(m_ids))
        for (const StoredAuthor &a : list)
            if (!a.s2Id.isEmpty())
                s2Ids << a.s2Id;
    s2Ids.removeDuplicates();
    const QStringList stale = authors.staleS2Ids(s2Ids, m_config.cacheDays, m_now());
    if (stale.isEmpty()) {
        decide();
        return;
    }
    emit progress(RunStage::Authors, 0, 0);
    const quint64 generation = m_generation;
    m_s2->fetchAuthors(stale, this, [this, stale, generation](const QList<std::optional<S2Author>> &found,
                                                               const QString &error) {
        if (generation != m_generation)
            return;
        if (!error.isEmpty())
            addWarning(tr("Semantic Scholar could not give the authors' h-indexes (%1); papers it could not judge "
                          "are kept.")
                           .arg(error));
        AuthorRepository repo(m_db);
        const QDateTime now = m_now();
        for (qsizetype i = 0; i < found.size() && i < stale.size(); ++i) {
            if (found.at(i) && found.at(i)->hIndex)
                repo.storeHIndex(stale.at(i), found.at(i)->name, *found.at(i)->hIndex, now);
        }
        decide();
    });
}

void AuthorStage::decide()
{
    AuthorRepository authors(m_db);
    const QHash<QString, QList<StoredAuthor>> stored = authors.authorsOfPapers(m_ids);
    const AuthorMatcher matcher(m_config.authorMatch ? m_config.followed : QList<FollowedAuthor>());

    QHash<QString, int> hIndexes;
    if (m_config.hIndexFilter) {
        QStringList s2Ids;
        for (const QList<StoredAuthor> &list : stored)
            for (const StoredAuthor &a : list)
                if (!a.s2Id.isEmpty())
                    s2Ids << a.s2Id;
        hIndexes = authors.hIndexes(s2Ids);
    }

    QList<Score> rows;
    auto row = [this](const QString &id, ScoreStage stage, ScoreStatus status, const QString &comment,
                      const QString &reason) {
        Score s;
        s.arxivId = id;
        s.criteriaId = m_config.criteriaId;
        s.model = m_config.model;
        s.stage = stage;
        s.status = status;
        s.comment = comment.isNull() ? u""_s : comment; // a null QString would bind NULL
        s.reason = reason.isNull() ? u""_s : reason;
        return s;
    };
    for (const QString &id : std::as_const(m_ids)) {
        const QList<StoredAuthor> list = stored.value(id);
        if (!matcher.isEmpty()) {
            QList<PaperAuthorRef> refs;
            for (const StoredAuthor &a : list)
                refs.append({a.name, a.s2Id});
            if (const std::optional<AuthorMatch> m = matcher.match(refs)) {
                m_result.authorMatches << id;
                rows << row(id, ScoreStage::AuthorMatch, ScoreStatus::Kept, u"Author match"_s,
                            m->followed.name.isEmpty() ? m->followed.s2Id : m->followed.name);
                continue;
            }
        }
        if (m_config.hIndexFilter) {
            QList<std::optional<int>> values;
            for (const StoredAuthor &a : list) {
                const auto it = hIndexes.constFind(a.s2Id);
                values.append(a.s2Id.isEmpty() || it == hIndexes.cend() ? std::nullopt : std::optional<int>(*it));
            }
            const HIndexDecision d = HIndexFilter::decide(values, m_config.hIndexCutoff);
            rows << row(id, ScoreStage::HIndex, d.keep ? ScoreStatus::Kept : ScoreStatus::Dropped, u""_s, d.reason);
            if (!d.keep) {
                m_result.hIndexDropped << id;
                continue;
            }
        }
        m_result.toLlm << id;
    }

    // Replace this criteria/model's earlier author and h-index rows for these papers with today's decisions.
    QSqlDatabase db = m_db.connection();
    Transaction tx(db);
    QHash<QString, int> versions;
    for (qsizetype start = 0; start < m_ids.size(); start += kChunk) {
        const QStringList chunk = m_ids.mid(start, kChunk);
        QSqlQuery del(db);
        del.prepare(u"DELETE FROM scores WHERE criteria_id = ? AND model = ? AND stage IN ('author', 'hindex') "
                    u"AND paper_id IN (SELECT id FROM papers WHERE arxiv_id IN ("_s
                    + marks(chunk.size()) + u"))"_s);
        del.addBindValue(m_config.criteriaId);
        del.addBindValue(m_config.model);
        for (const QString &id : chunk)
            del.addBindValue(id);
        QSqlQuery ver(db);
        ver.prepare(u"SELECT arxiv_id, version FROM papers WHERE arxiv_id IN ("_s + marks(chunk.size()) + u")"_s);
        for (const QString &id : chunk)
            ver.addBindValue(id);
        if (!del.exec() || !ver.exec()) {
            m_result.error = tr("Cannot store the author decisions: %1")
                                 .arg(del.lastError().isValid() ? del.lastError().text() : ver.lastError().text());
            finish();
            return;
        }
        while (ver.next())
            versions.insert(ver.value(0).toString(), ver.value(1).toInt());
    }
    for (Score &s : rows)
        s.paperVersion = versions.value(s.arxivId, 1);
    QString error;
    if (!ScoreRepository(m_db).save(rows, m_runId, 0, &error) || !tx.commit()) {
        m_result.error = tr("Cannot store the author decisions: %1").arg(error.isEmpty() ? tx.errorString() : error);
        m_result.toLlm.clear();
    }
    finish();
}

void AuthorStage::finish()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    if (m_s2) {
        m_result.s2Requests = m_s2->requestsSent();
        m_s2->deleteLater();
    }
    emit progress(RunStage::Authors, int(m_ids.size()), int(m_ids.size()));
    emit finished(m_result);
}
