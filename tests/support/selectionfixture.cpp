// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionfixture.h"

#include "fakellmserver.h"
#include "selection/selectionrun.h"
#include "storage/database.h"
#include "storage/paperrepository.h"
#include "storage/runrepository.h"
#include "storage/scorerepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

SelectionFixture::SelectionFixture() = default;
SelectionFixture::~SelectionFixture() = default;

bool SelectionFixture::open()
{
    if (!m_dir.isValid())
        return false;
    m_db = std::make_unique<Database>(m_dir.filePath(u"papersieve.sqlite"_s));
    return m_db->open();
}

QList<Paper> SelectionFixture::addPapers(int count, int firstNumber)
{
    const QList<Paper> papers = makePapers(count, firstNumber);
    return store(papers) ? papers : QList<Paper>();
}

QList<Paper> SelectionFixture::makePapers(int count, int firstNumber)
{
    static const QStringList topics = {u"mixture-of-experts routing"_s, u"low-rank adapters"_s, u"sparse attention"_s,
                                       u"protein folding"_s, u"traffic forecasting"_s, u"quantization of LLMs"_s};
    QList<Paper> papers;
    for (int n = firstNumber; n < firstNumber + count; ++n) {
        Paper p;
        p.arxivId = u"2510.%1"_s.arg(10000 + n);
        p.version = 1;
        p.title = u"On %1, study %2"_s.arg(topics.at(n % topics.size())).arg(n);
        p.abstract = u"We present study %1 about %2. Our method improves results on several benchmarks while "
                     "keeping the cost low, and we analyse why it works."_s.arg(n).arg(topics.at(n % topics.size()));
        p.authors = {Author{u"Author %1"_s.arg(n), {}, -1}, Author{u"Second Author"_s, {}, -1}};
        p.categories = {u"cs.LG"_s};
        p.primaryCategory = u"cs.LG"_s;
        papers.append(p);
    }
    return papers;
}

bool SelectionFixture::store(const QList<Paper> &papers)
{
    PaperRepository repo(*m_db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Paper &p : papers)
        if (repo.upsert(p, now) <= 0)
            return false;
    return true;
}

qint64 SelectionFixture::newRun(const QString &model)
{
    return RunRepository(*m_db).create(QDate(2025, 10, 7), u"{}"_s, 0, model);
}

SelectionConfig SelectionFixture::configFor(const FakeLlmServer &server, const QString &provider)
{
    SelectionConfig c;
    c.criteria = Criteria::defaults();
    c.provider = provider;
    c.model = provider == u"anthropic" ? u"claude-sonnet-4-5"_s
              : provider == u"gemini"  ? u"gemini-2.5-pro"_s
                                       : u"gpt-5"_s;
    c.baseUrl = server.baseUrlFor(provider);
    c.apiKey = u"test-key"_s;
    c.concurrency = 2;
    c.timeoutMs = 5000;
    return c;
}

RetryPolicy SelectionFixture::fastRetry()
{
    RetryPolicy p;
    p.maxAttempts = 4;
    p.baseDelayMs = 30;
    p.maxDelayMs = 3000;
    return p;
}

QStringList SelectionFixture::ids(const QList<Paper> &papers)
{
    QStringList out;
    for (const Paper &p : papers)
        out.append(p.arxivId);
    return out;
}

std::optional<SelectionSummary> SelectionFixture::runToEnd(SelectionRun &run, qint64 runId, const QStringList &ids,
                                                           int timeoutMs)
{
    QSignalSpy spy(&run, &SelectionRun::finished);
    run.start(runId, ids);
    if (!spy.wait(timeoutMs) && spy.isEmpty())
        return std::nullopt;
    QTest::qWait(20); // a second finished() would show up here
    if (spy.size() != 1)
        return std::nullopt;
    return spy.first().first().value<SelectionSummary>();
}

QHash<QString, Score> SelectionFixture::scores(const QString &stage)
{
    QHash<QString, Score> out;
    QSqlQuery q(m_db->connection());
    q.prepare(uR"(SELECT p.arxiv_id, s.status, COALESCE(s.relevance, 0), COALESCE(s.novelty, 0), s.comment, s.reason,
        s.model, s.criteria_id, s.paper_version
        FROM scores s JOIN papers p ON p.id = s.paper_id WHERE s.stage = ?)"_s);
    q.addBindValue(stage);
    if (!q.exec())
        return out;
    while (q.next()) {
        Score s;
        s.arxivId = q.value(0).toString();
        s.status = ScoreRepository::statusFromString(q.value(1).toString()).value_or(ScoreStatus::Unscored);
        s.relevance = q.value(2).toInt();
        s.novelty = q.value(3).toInt();
        s.comment = q.value(4).toString();
        s.reason = q.value(5).toString();
        s.model = q.value(6).toString();
        s.criteriaId = q.value(7).toLongLong();
        s.paperVersion = q.value(8).toInt();
        out.insert(s.arxivId, s);
    }
    return out;
}

int SelectionFixture::count(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}
