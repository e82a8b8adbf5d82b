// SPDX-License-Identifier: GPL-3.0-or-later
#include "dbfixture.h"
#include "fakehttpserver.h"
#include "net/httpclient.h"
#include "pipeline/authorstage.h"
#include "storage/database.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
QStringList idsOf(const FakeRequest &r)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.body).object().value(u"ids"_s).toArray())
        out << v.toString();
    return out;
}

// One /author/batch entry in the Graph API's format (see testdata/s2/author_turing.json).
QJsonValue authorEntry(const QString &id, const QHash<QString, int> &hIndexes)
{
    if (!hIndexes.contains(id))
        return QJsonValue::Null;
    return QJsonObject{{u"authorId"_s, id}, {u"name"_s, QString(u"Author "_s + id)}, {u"hIndex"_s, hIndexes.value(id)}};
}
} // namespace

class TestAuthorStage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void followedByNameNeedsNoSemanticScholar();
    void followedByIdTellsNamesakesApart();
    void hIndexCutoffDropsOnlyWhatItCanJustify();
    void hIndexCacheAvoidsSecondLookUp();
    void rateLimitIsObeyed();
    void semanticScholarDownKeepsEverything();
    void rerunReplacesOldDecisions();
    void cancel();

private:
    AuthorStageResult runStage(const AuthorStage::Config &config, const QStringList &ids);
    AuthorStage::Config baseConfig() const;
    void addDufloPapers();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeHttpServer> m_s2;
    std::unique_ptr<HttpClient> m_http;
    qint64 m_criteria = 0;
    qint64 m_run = 0;
    const QDate m_day{2026, 9, 24};
};

void TestAuthorStage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(u"p.sqlite"_s));
    QVERIFY(m_db->open());
    m_criteria = DbFixture::addCriteria(*m_db);
    m_run = DbFixture::addRun(*m_db, m_day, m_criteria, u"gpt-5"_s);
    m_s2 = std::make_unique<FakeHttpServer>();
    QVERIFY(m_s2->listen());
    m_http = std::make_unique<HttpClient>();
}

void TestAuthorStage::cleanup()
{
    m_http.reset();
    m_s2.reset();
    m_db.reset();
    m_dir.reset();
}

AuthorStage::Config TestAuthorStage::baseConfig() const
{
    AuthorStage::Config c;
    c.s2BaseUrl = m_s2->url(u"/graph/v1"_s);
    c.s2SpacingMs = 0;
    c.retry.baseDelayMs = 10;
    c.retry.maxDelayMs = 50;
    c.retry.maxAttempts = 2;
    c.criteriaId = m_criteria;
    c.model = u"gpt-5"_s;
    return c;
}

AuthorStageResult TestAuthorStage::runStage(const AuthorStage::Config &config, const QStringList &ids)
{
    AuthorStage stage(*m_db, *m_http, config);
    QSignalSpy done(&stage, &AuthorStage::finished);
    stage.start(m_run, ids);
    if (!done.wait(10000))
        return {};
    return done.first().first().value<AuthorStageResult>();
}

// The three papers of the recorded /paper/batch reply (testdata/s2/paper_batch.json), as arXiv lists them.
void TestAuthorStage::addDufloPapers()
{
    DbFixture::addPaper(*m_db, u"2609.00001"_s, u"Discrimination"_s,
                        {u"Marianne Bertrand"_s, u"Esther Duflo"_s, u"Sendhil Mullainathan"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00002"_s, u"Microcredit"_s,
                        {u"Esther Duflo"_s, u"Abhijit Banerjee"_s, u"Rachel Glennerster"_s, u"Cynthia Kinnan"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00003"_s, u"Third"_s, {u"Esther Duflo"_s, u"Someone Else"_s}, m_day);
    // Same name, and Semantic Scholar says: somebody else.
    DbFixture::addPaper(*m_db, u"2609.00004"_s, u"Namesake"_s, {u"Esther Duflo"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00005"_s, u"Unrelated"_s, {u"Nobody"_s}, m_day);
}

void TestAuthorStage::followedByNameNeedsNoSemanticScholar()
{
    DbFixture::addPaper(*m_db, u"2609.00010"_s, u"By Ada"_s, {u"Bob"_s, u"Ada Lovelace"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00011"_s, u"By Ada (TeX)"_s, {uR"(Ad\'a Lovelace)"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00012"_s, u"Not by Ada"_s, {u"Ada Byron"_s}, m_day);
    AuthorStage::Config c = baseConfig();
    c.followed = FollowedAuthor::parseLines({u"# people\nAda Lovelace\nAdá Lovelace"_s});
    const AuthorStageResult r = runStage(c, {u"2609.00010"_s, u"2609.00011"_s, u"2609.00012"_s});
    QCOMPARE(r.authorMatches, (QStringList{u"2609.00010"_s, u"2609.00011"_s}));
    QCOMPARE(r.toLlm, QStringList{u"2609.00012"_s});
    QCOMPARE(m_s2->requestCount(), 0);
    QCOMPARE(r.s2Requests, 0);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM scores WHERE stage = 'author' AND status = 'kept' "
                                      "AND comment = 'Author match' AND reason = 'Ada Lovelace' AND run_id IS NOT NULL"_s),
             2);
}

void TestAuthorStage::followedByIdTellsNamesakesApart()
{
    addDufloPapers();
    m_s2->route("POST", "/graph/v1/paper/batch", [](const FakeRequest &r) {
        const QStringList ids = idsOf(r);
        // The recorded reply for the first three; the namesake's paper lists another Duflo.
        QJsonArray out = QJsonDocument::fromJson(TestData::read(u"s2/paper_batch.json"_s)).array();
        while (out.size() > 3)
            out.removeLast();
        QJsonArray answer;
        for (const QString &id : ids) {
            if (id == u"ARXIV:2609.00001")
                answer.append(out.at(0));
            else if (id == u"ARXIV:2609.00002")
                answer.append(out.at(1));
            else if (id == u"ARXIV:2609.00004")
                answer.append(QJsonObject{{u"paperId"_s, u"x"_s},
                                          {u"authors"_s, QJsonArray{QJsonObject{{u"authorId"_s, u"999"_s},
                                                                                {u"name"_s, u"Esther Duflo"_s}}}}});
            else
                answer.append(QJsonValue::Null); // not in Semantic Scholar yet
        }
        return FakeResponse::json(QJsonDocument(answer).toJson());
    });
    AuthorStage::Config c = baseConfig();
    c.followed = FollowedAuthor::parseLines({u"Esther Duflo, 2259683"_s});
    c.s2ApiKey = u"s2-secret"_s;
    const QStringList all{u"2609.00001"_s, u"2609.00002"_s, u"2609.00003"_s, u"2609.00004"_s, u"2609.00005"_s};
    const AuthorStageResult r = runStage(c, all);
    // 1 and 2 by id ("E. Duflo" in S2); 3 is not in S2, so the name decides; 4 is a namesake.
    QCOMPARE(r.authorMatches, (QStringList{u"2609.00001"_s, u"2609.00002"_s, u"2609.00003"_s}));
    QCOMPARE(r.toLlm, (QStringList{u"2609.00004"_s, u"2609.00005"_s}));
    QCOMPARE(m_s2->requestCount(), 1);
    const FakeRequest req = m_s2->requests().first();
    QCOMPARE(req.query.queryItemValue(u"fields"_s), u"externalIds,authors"_s);
    QCOMPARE(req.headers.value("x-api-key"), QByteArray("s2-secret"));
    QCOMPARE(idsOf(req).size(), 5);
    QVERIFY(idsOf(req).contains(u"ARXIV:2609.00001"_s));
    // The links are stored: the paper's author row now carries the id, the arXiv spelling is kept.
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM paper_authors pa JOIN authors a ON a.id = pa.author_id "
                                      "WHERE a.s2_id = '2259683' AND a.name = 'Esther Duflo'"_s),
             2);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM authors WHERE s2_id = '999'"_s), 1);
}

void TestAuthorStage::hIndexCutoffDropsOnlyWhatItCanJustify()
{
    DbFixture::addPaper(*m_db, u"2609.00020"_s, u"Low"_s, {u"A Low"_s, u"B Low"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00021"_s, u"One high"_s, {u"C Low"_s, u"D High"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00022"_s, u"Not in S2"_s, {u"E New"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00023"_s, u"Unknown h"_s, {u"F Low"_s, u"G Unknown"_s}, m_day);
    const QHash<QString, QStringList> paperAuthors{{u"ARXIV:2609.00020"_s, {u"1"_s, u"2"_s}},
                                                   {u"ARXIV:2609.00021"_s, {u"3"_s, u"4"_s}},
                                                   {u"ARXIV:2609.00023"_s, {u"6"_s, u"7"_s}}};
    const QHash<QString, QString> names{{u"1"_s, u"A Low"_s}, {u"2"_s, u"B Low"_s}, {u"3"_s, u"C Low"_s},
                                        {u"4"_s, u"D High"_s}, {u"6"_s, u"F Low"_s}, {u"7"_s, u"G Unknown"_s}};
    const QHash<QString, int> h{{u"1"_s, 3}, {u"2"_s, 9}, {u"3"_s, 2}, {u"4"_s, 40}, {u"6"_s, 1}};
    m_s2->route("POST", "/graph/v1/paper/batch", [paperAuthors, names](const FakeRequest &r) {
        QJsonArray answer;
        for (const QString &id : idsOf(r)) {
            if (!paperAuthors.contains(id)) {
                answer.append(QJsonValue::Null);
                continue;
            }
            QJsonArray authors;
            for (const QString &a : paperAuthors.value(id))
                authors.append(QJsonObject{{u"authorId"_s, a}, {u"name"_s, names.value(a)}});
            answer.append(QJsonObject{{u"paperId"_s, id}, {u"externalIds"_s, QJsonObject{{u"ArXiv"_s, id.mid(6)}}},
                                      {u"authors"_s, authors}});
        }
        return FakeResponse::json(QJsonDocument(answer).toJson());
    });
    m_s2->route("POST", "/graph/v1/author/batch", [h](const FakeRequest &r) {
        QJsonArray answer;
        for (const QString &id : idsOf(r))
            answer.append(authorEntry(id, h));
        return FakeResponse::json(QJsonDocument(answer).toJson());
    });
    AuthorStage::Config c = baseConfig();
    c.hIndexFilter = true;
    c.hIndexCutoff = 10;
    const QStringList all{u"2609.00020"_s, u"2609.00021"_s, u"2609.00022"_s, u"2609.00023"_s};
    const AuthorStageResult r = runStage(c, all);
    QVERIFY2(r.warning.isEmpty() && r.error.isEmpty(), qPrintable(r.warning + r.error));
    QCOMPARE(r.hIndexDropped, QStringList{u"2609.00020"_s});
    QCOMPARE(r.toLlm, (QStringList{u"2609.00021"_s, u"2609.00022"_s, u"2609.00023"_s}));
    QCOMPARE(m_s2->requestCount(), 2);
    QCOMPARE(m_s2->requests().at(1).query.queryItemValue(u"fields"_s), u"name,hIndex"_s);
    QCOMPARE(idsOf(m_s2->requests().at(1)).size(), 6);
    QVERIFY(!m_s2->requests().at(1).headers.contains("x-api-key")); // no key, no header
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM scores WHERE stage = 'hindex' AND status = 'dropped' "
                                      "AND reason LIKE '%9 < 10%'"_s),
             1);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM scores WHERE stage = 'hindex' AND status = 'kept'"_s), 3);
    QCOMPARE(DbFixture::count(*m_db, u"SELECT h_index FROM authors WHERE s2_id = '4'"_s), 40);
}

void TestAuthorStage::hIndexCacheAvoidsSecondLookUp()
{
    hIndexCutoffDropsOnlyWhatItCanJustify();
    const int before = m_s2->requestCount();
    AuthorStage::Config c = baseConfig();
    c.hIndexFilter = true;
    c.hIndexCutoff = 3; // now paper 20 (h 9) stays
    const AuthorStageResult r =
        runStage(c, {u"2609.00020"_s, u"2609.00021"_s, u"2609.00022"_s, u"2609.00023"_s});
    QVERIFY(r.hIndexDropped.isEmpty());
    // Identified authors and cached h-indexes: only the paper S2 did not know and author 7 (no h-index)
    // are asked again.
    QCOMPARE(m_s2->requestCount(), before + 2);
    QCOMPARE(idsOf(m_s2->requests().at(before)), QStringList{u"ARXIV:2609.00022"_s});
    QCOMPARE(idsOf(m_s2->requests().at(before + 1)), QStringList{u"7"_s});
}

void TestAuthorStage::rateLimitIsObeyed()
{
    for (int i = 0; i < 3; ++i)
        DbFixture::addPaper(*m_db, u"2609.0003%1"_s.arg(i), u"P"_s, {u"Author %1"_s.arg(i)}, m_day);
    int authorCalls = 0;
    m_s2->route("POST", "/graph/v1/paper/batch", [](const FakeRequest &r) {
        QJsonArray answer;
        for (const QString &id : idsOf(r))
            answer.append(QJsonObject{{u"paperId"_s, id},
                                      {u"authors"_s, QJsonArray{QJsonObject{{u"authorId"_s, id.right(1)},
                                                                            {u"name"_s, QString(u"Author "_s + id.right(1))}}}}});
        return FakeResponse::json(QJsonDocument(answer).toJson());
    });
    m_s2->route("POST", "/graph/v1/author/batch", [&](const FakeRequest &r) {
        if (++authorCalls == 1) {
            FakeResponse busy = FakeResponse::json(TestData::read(u"s2/error_429.json"_s), 429);
            busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
            return busy;
        }
        QJsonArray answer;
        for (const QString &id : idsOf(r))
            answer.append(authorEntry(id, QHash<QString, int>{{u"0"_s, 1}, {u"1"_s, 50}, {u"2"_s, 2}}));
        return FakeResponse::json(QJsonDocument(answer).toJson());
    });
    AuthorStage::Config c = baseConfig();
    c.hIndexFilter = true;
    c.s2SpacingMs = 200;
    const AuthorStageResult r = runStage(c, {u"2609.00030"_s, u"2609.00031"_s, u"2609.00032"_s});
    QVERIFY2(r.warning.isEmpty(), qPrintable(r.warning));
    QCOMPARE(authorCalls, 2);
    QCOMPARE(r.hIndexDropped, (QStringList{u"2609.00030"_s, u"2609.00032"_s}));
    QCOMPARE(r.s2Requests, 3);
    const QList<FakeRequest> reqs = m_s2->requests();
    QCOMPARE(reqs.size(), 3);
    QVERIFY(reqs[1].receivedAtMs - reqs[0].receivedAtMs >= 190); // the spacing
    QVERIFY(reqs[2].receivedAtMs - reqs[1].receivedAtMs >= 950); // Retry-After: 1
}

void TestAuthorStage::semanticScholarDownKeepsEverything()
{
    DbFixture::addPaper(*m_db, u"2609.00040"_s, u"P"_s, {u"Ada Lovelace"_s}, m_day);
    DbFixture::addPaper(*m_db, u"2609.00041"_s, u"Q"_s, {u"Someone"_s}, m_day);
    m_s2->setHandler([](const FakeRequest &) { return FakeResponse::text("<html>Bad gateway</html>", 502); });
    AuthorStage::Config c = baseConfig();
    c.hIndexFilter = true;
    c.followed = FollowedAuthor::parseLines({u"Ada Lovelace, 12345"_s});
    QStringList notices;
    AuthorStage stage(*m_db, *m_http, c);
    connect(&stage, &AuthorStage::notice, this, [&](const QString &n) { notices << n; });
    QSignalSpy done(&stage, &AuthorStage::finished);
    stage.start(m_run, {u"2609.00040"_s, u"2609.00041"_s});
    QVERIFY(done.wait(10000));
    const auto r = done.first().first().value<AuthorStageResult>();
    QVERIFY(r.warning.contains(u"502"_s));
    QCOMPARE(notices.size(), 1);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.authorMatches, QStringList{u"2609.00040"_s}); // the name still decides
    QCOMPARE(r.toLlm, QStringList{u"2609.00041"_s});
    QVERIFY(r.hIndexDropped.isEmpty());
    QCOMPARE(m_s2->requestCount(), 2); // maxAttempts 2; the author batch had no ids to ask
}

void TestAuthorStage::rerunReplacesOldDecisions()
{
    DbFixture::addPaper(*m_db, u"2609.00050"_s, u"P"_s, {u"Ada Lovelace"_s}, m_day);
    AuthorStage::Config c = baseConfig();
    c.followed = FollowedAuthor::parseLines({u"Ada Lovelace"_s});
    QCOMPARE(runStage(c, {u"2609.00050"_s}).authorMatches.size(), 1);
    c.followed.clear(); // unfollowed: the paper goes to the LLM and its old match is gone
    const AuthorStageResult r = runStage(c, {u"2609.00050"_s});
    QVERIFY(r.authorMatches.isEmpty());
    QCOMPARE(r.toLlm, QStringList{u"2609.00050"_s});
    QCOMPARE(DbFixture::count(*m_db, u"SELECT COUNT(*) FROM scores WHERE stage = 'author'"_s), 0);
}

void TestAuthorStage::cancel()
{
    DbFixture::addPaper(*m_db, u"2609.00060"_s, u"P"_s, {u"X"_s}, m_day);
    m_s2->setHandler([](const FakeRequest &) {
        FakeResponse r = FakeResponse::json("[null]");
        r.delayMs = 5000;
        return r;
    });
    AuthorStage::Config c = baseConfig();
    c.hIndexFilter = true;
    AuthorStage stage(*m_db, *m_http, c);
    QSignalSpy done(&stage, &AuthorStage::finished);
    stage.start(m_run, {u"2609.00060"_s});
    QTRY_COMPARE(m_s2->requestCount(), 1);
    stage.cancel();
    QVERIFY(done.wait(2000));
    QCOMPARE(done.size(), 1);
    const auto r = done.first().first().value<AuthorStageResult>();
    QVERIFY(r.cancelled);
    QVERIFY(r.toLlm.isEmpty());
    QTest::qWait(50);
    QCOMPARE(done.size(), 1); // exactly once
}

QTEST_GUILESS_MAIN(TestAuthorStage)
#include "tst_authorstage.moc"
