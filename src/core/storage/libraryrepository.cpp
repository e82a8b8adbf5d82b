// SPDX-License-Identifier: GPL-3.0-or-later
#include "libraryrepository.h"

#include "database.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype kMinPrefixLength = 3;
constexpr qsizetype kMinRankedPrefixLength = 6;
constexpr int kMaxRankedMatches = 5000;

// The latest abstract-stage score of p: a scored row before an unscored one, then the newest.
constexpr auto kLatestScoreJoin =
    u"LEFT JOIN scores s ON s.id = (SELECT x.id FROM scores x WHERE x.paper_id = p.id AND x.stage = 'abstract'"
    " ORDER BY x.relevance IS NOT NULL DESC, x.id DESC LIMIT 1) "
    "LEFT JOIN user_marks m ON m.paper_id = p.id ";

// Columns read by readPapers(), in this order; %1 is the expression for the day, %2 the search rank.
constexpr auto kPaperColumns =
    u"SELECT p.id, p.arxiv_id, p.version, p.title, p.authors_text, p.primary_category, p.categories, %1,"
    " s.relevance, s.novelty, s.id,"
    " EXISTS(SELECT 1 FROM scores a WHERE a.paper_id = p.id AND a.stage = 'author' AND a.status = 'kept'),"
    " COALESCE(m.starred, 0), m.read_at IS NOT NULL, %2 ";

QString paperColumns(const QString &dayExpr, const QString &rankExpr)
{
    return QString::fromUtf16(kPaperColumns).arg(dayExpr, rankExpr);
}

QDateTime parseInstant(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t;
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

LibraryRepository::LibraryRepository(Database &database)
    : m_database(database)
{
}

QString LibraryRepository::ftsQuery(const QString &userText)
{
    const QStringList words = userText.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString &word : words) {
        // A "word" with no letter or digit (e.g. a lone quote) tokenizes to nothing: an empty phrase is an error.
        bool hasToken = false;
        for (QChar c : word) {
            if (c.isLetterOrNumber()) {
                hasToken = true;
                break;
            }
        }
        if (!hasToken)
            continue;
        QString quoted = word;
        quoted.replace(u'"', u"\"\""_s);
        terms << u"\""_s + quoted + u"\""_s;
    }
    if (terms.isEmpty())
        return {};
    // While typing, the last word is unfinished: match it as a prefix, once it has a few letters (a one- or
    // two-letter prefix matches nearly every paper and would only slow the answer down).
    if (!userText.isEmpty() && !userText.back().isSpace() && words.last().size() >= kMinPrefixLength)
        terms.last() += u'*';
    return terms.join(u' ');
}

QList<LibraryPaper> LibraryRepository::readPapers(const QString &sql, const QList<QVariant> &binds)
{
    QList<LibraryPaper> rows;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text();
        return rows;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return rows;
    }
    m_lastError.clear();
    while (q.next()) {
        LibraryPaper r;
        r.id = q.value(0).toLongLong();
        r.arxivId = q.value(1).toString();
        r.version = q.value(2).toInt();
        r.title = q.value(3).toString();
        r.authorsText = q.value(4).toString();
        r.primaryCategory = q.value(5).toString();
        r.categories = q.value(6).toString();
        r.day = QDate::fromString(q.value(7).toString(), Qt::ISODate);
        r.relevance = q.value(8).toInt();
        r.novelty = q.value(9).toInt();
        r.scoreId = q.value(10).toLongLong();
        r.authorMatch = q.value(11).toBool();
        r.starred = q.value(12).toBool();
        r.read = q.value(13).toBool();
        r.searchRank = q.value(14).toDouble();
        rows.append(std::move(r));
    }
    return rows;
}

QList<LibraryPaper> LibraryRepository::papersForDay(const QDate &day)
{
    const QString sql = paperColumns(u"?"_s, u"0"_s)
        + u"FROM (SELECT DISTINCT paper_id FROM announcements WHERE day = ?) d JOIN papers p ON p.id = d.paper_id "_s
        + QString::fromUtf16(kLatestScoreJoin);
    const QString iso = day.toString(Qt::ISODate);
    return readPapers(sql, {iso, iso});
}

QList<LibraryPaper> LibraryRepository::allPapers(int limit)
{
    const QString sql = paperColumns(u"(SELECT MAX(day) FROM announcements n WHERE n.paper_id = p.id)"_s, u"0"_s)
        + u"FROM papers p "_s + QString::fromUtf16(kLatestScoreJoin) + u"ORDER BY p.id DESC LIMIT ?"_s;
    return readPapers(sql, {limit});
}

QList<LibraryPaper> LibraryRepository::search(const QString &query, int limit)
{
    const QString match = ftsQuery(query);
    if (match.isEmpty())
        return {};
    // The matches are chosen inside the full-text index first; the joins (latest score, marks, day) then
    // run for those rows only. A short unfinished word ("lea", "quan") matches a large part of the history,
    // and ranking all of those by bm25 takes far longer than a keystroke: until the word has
    // kMinRankedPrefixLength letters the newest matches come first, which the index answers at once.
    const QString trimmed = query.trimmed();
    const QString lastWord = trimmed.section(QRegularExpression(u"\\s+"_s), -1);
    bool newestFirst = match.endsWith(u'*') && lastWord.size() < kMinRankedPrefixLength;
    if (!newestFirst) {
        // The same holds for any query matching most of the history ("model", a common surname): counting up
        // to the cap walks the index without ranking, which stays cheap.
        QSqlQuery count(m_database.connection());
        count.prepare(u"SELECT COUNT(*) FROM (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?)"_s);
        count.addBindValue(match);
        count.addBindValue(kMaxRankedMatches + 1);
        newestFirst = count.exec() && count.next() && count.value(0).toInt() > kMaxRankedMatches;
    }
    const bool shortPrefix = newestFirst;
    const QString inner = shortPrefix
        ? u"SELECT rowid AS id, 0 AS rank FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid DESC LIMIT ?"_s
        : u"SELECT rowid AS id, rank FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank LIMIT ?"_s;
    const QString sql = paperColumns(u"(SELECT MAX(day) FROM announcements n WHERE n.paper_id = p.id)"_s, u"f.rank"_s)
        + u"FROM ("_s + inner + u") f JOIN papers p ON p.id = f.id "_s + QString::fromUtf16(kLatestScoreJoin)
        + (shortPrefix ? u"ORDER BY f.id DESC"_s : u"ORDER BY f.rank"_s);
    return readPapers(sql, {match, limit});
}

std::optional<LibraryPaperDetail> LibraryRepository::paper(qint64 paperId)
{
    const QString sql = paperColumns(u"(SELECT MAX(day) FROM announcements n WHERE n.paper_id = p.id)"_s, u"0"_s)
        + u"FROM papers p "_s + QString::fromUtf16(kLatestScoreJoin) + u"WHERE p.id = ?"_s;
    const QList<LibraryPaper> rows = readPapers(sql, {paperId});
    if (rows.isEmpty())
        return std::nullopt;

    LibraryPaperDetail d;
    d.row = rows.first();
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    q.prepare(u"SELECT abstract, comment, journal_ref, doi, published, updated, abs_url, pdf_url, html_url "
              "FROM papers WHERE id = ?"_s);
    q.addBindValue(paperId);
    if (q.exec() && q.next()) {
        d.abstract = q.value(0).toString();
        d.comment = q.value(1).toString();
        d.journalRef = q.value(2).toString();
        d.doi = q.value(3).toString();
        d.published = parseInstant(q.value(4));
        d.updated = parseInstant(q.value(5));
        d.absUrl = q.value(6).toString();
        d.pdfUrl = q.value(7).toString();
        d.htmlUrl = q.value(8).toString();
    }
    if (d.row.day.isValid()) {
        QSqlQuery t(db);
        t.prepare(u"SELECT type FROM announcements WHERE paper_id = ? AND day = ? ORDER BY type = 'new' DESC LIMIT 1"_s);
        t.addBindValue(paperId);
        t.addBindValue(d.row.day.toString(Qt::ISODate));
        if (t.exec() && t.next())
            d.announceType = t.value(0).toString();
    }
    if (d.row.scoreId > 0) {
        QSqlQuery s(db);
        s.prepare(u"SELECT comment, model, status, reason FROM scores WHERE id = ?"_s);
        s.addBindValue(d.row.scoreId);
        if (s.exec() && s.next()) {
            d.llmComment = s.value(0).toString();
            d.scoreModel = s.value(1).toString();
            d.scoreStatus = s.value(2).toString();
            d.scoreReason = s.value(3).toString();
        }
    } else {
        // Never scored on its abstract: say which filter stage decided, if one did.
        QSqlQuery f(db);
        f.prepare(u"SELECT stage, status, reason FROM scores WHERE paper_id = ? AND stage != 'abstract' "
                  "ORDER BY id DESC LIMIT 1"_s);
        f.addBindValue(paperId);
        if (f.exec() && f.next()) {
            const QString stage = f.value(0).toString();
            const QString status = f.value(1).toString();
            const QString reason = f.value(2).toString();
            d.filterNote = stage + u": "_s + status + (reason.isEmpty() ? QString() : u" — "_s + reason);
        }
    }
    return d;
}

bool LibraryRepository::setStarred(qint64 paperId, bool starred)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"INSERT INTO user_marks (paper_id, starred, starred_at) VALUES (?, ?, ?) "
              "ON CONFLICT(paper_id) DO UPDATE SET starred = excluded.starred, starred_at = excluded.starred_at"_s);
    q.addBindValue(paperId);
    q.addBindValue(starred ? 1 : 0);
    q.addBindValue(starred ? QVariant(nowUtc()) : QVariant());
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool LibraryRepository::setRead(qint64 paperId, bool read)
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"INSERT INTO user_marks (paper_id, read_at) VALUES (?, ?) "
              "ON CONFLICT(paper_id) DO UPDATE SET read_at = excluded.read_at"_s);
    q.addBindValue(paperId);
    q.addBindValue(read ? QVariant(nowUtc()) : QVariant());
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

QList<LibraryDay> LibraryRepository::days(const DigestRule &rule)
{
    QMap<QDate, LibraryDay> byDay;
    QSqlDatabase db = m_database.connection();
    auto dayOf = [&byDay](const QVariant &v) -> LibraryDay & {
        const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
        LibraryDay &day = byDay[d];
        day.day = d;
        return day;
    };

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT a.day, COUNT(*), SUM(s.relevance IS NOT NULL), SUM("_s
              + rule.sqlIsRelevant(u"s.relevance", u"s.novelty", u"am.paper_id IS NOT NULL")
              + u")"
              " FROM (SELECT DISTINCT day, paper_id FROM announcements) a"
              " LEFT JOIN scores s ON s.id = (SELECT x.id FROM scores x WHERE x.paper_id = a.paper_id"
              "   AND x.stage = 'abstract' ORDER BY x.relevance IS NOT NULL DESC, x.id DESC LIMIT 1)"
              " LEFT JOIN (SELECT DISTINCT paper_id FROM scores WHERE stage = 'author' AND status = 'kept') am"
              "   ON am.paper_id = a.paper_id"
              " GROUP BY a.day"_s);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return {};
    }
    while (q.next()) {
        LibraryDay &d = dayOf(q.value(0));
        d.papers = q.value(1).toInt();
        d.scored = q.value(2).toInt();
        d.relevant = q.value(3).toInt();
    }

    QSqlQuery f(db);
    if (f.exec(u"SELECT DISTINCT day FROM feed_days"_s)) {
        while (f.next())
            dayOf(f.value(0));
    }

    QSqlQuery r(db);
    if (r.exec(u"SELECT r.day, COUNT(*), (SELECT status FROM runs l WHERE l.day = r.day ORDER BY l.id DESC LIMIT 1)"
               " FROM runs r GROUP BY r.day"_s)) {
        while (r.next()) {
            LibraryDay &d = dayOf(r.value(0));
            d.runs = r.value(1).toInt();
            d.lastRunStatus = r.value(2).toString();
        }
    }

    QSqlQuery c(db);
    if (c.exec(u"SELECT r.day, SUM(q.cost_usd) FROM llm_requests q JOIN runs r ON r.id = q.run_id GROUP BY r.day"_s)) {
        while (c.next())
            dayOf(c.value(0)).costUsd = c.value(1).toDouble();
    }

    QList<LibraryDay> out;
    out.reserve(byDay.size());
    for (auto it = byDay.cbegin(); it != byDay.cend(); ++it) {
        if (it.key().isValid())
            out.prepend(it.value()); // newest first
    }
    m_lastError.clear();
    return out;
}

bool LibraryRepository::isEmpty()
{
    QSqlQuery q(m_database.connection());
    return !(q.exec(u"SELECT 1 FROM papers LIMIT 1"_s) && q.next());
}
