// SPDX-License-Identifier: GPL-3.0-or-later
#include "s2/s2parser.h"
#include "testdata.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestS2Parser : public QObject
{
    Q_OBJECT

private slots:
    void authorBatchFromRecordedReply();
    void authorBatchKeepsNullForUnknownIds();
    void authorWithHIndex();
    void paperBatchLinksAuthorsInOrder();
    void paperBatchNullEntryAndArxivId();
    void wrongLengthOrNotJsonIsAnError();
    void errorMessagesOfRecordedErrors();
    void authorSearch();
};

void TestS2Parser::authorBatchFromRecordedReply()
{
    QList<std::optional<S2Author>> authors;
    QString error;
    QVERIFY(S2Parser::parseAuthorBatch(TestData::read(u"s2/author_batch.json"_s), 3, &authors, &error));
    QCOMPARE(authors.size(), 3);
    QCOMPARE(authors[0]->authorId, u"3234559"_s);
    QCOMPARE(authors[0]->name, u"E. Dijkstra"_s);
    QVERIFY(!authors[0]->hIndex); // fields=name only
    QCOMPARE(authors[2]->name, u"I. Sommerville"_s);
}

void TestS2Parser::authorBatchKeepsNullForUnknownIds()
{
    QList<std::optional<S2Author>> authors;
    QString error;
    QVERIFY(S2Parser::parseAuthorBatch(TestData::read(u"s2/author_batch_with_null.json"_s), 4, &authors, &error));
    QCOMPARE(authors.size(), 4);
    QVERIFY(!authors[0].has_value()); // id "0" is unknown: position kept
    QCOMPARE(authors[1]->authorId, u"3234559"_s);
}

void TestS2Parser::authorWithHIndex()
{
    const QByteArray one = TestData::read(u"s2/author_turing.json"_s);
    QList<std::optional<S2Author>> authors;
    QString error;
    QVERIFY(S2Parser::parseAuthorBatch('[' + one + ",null]", 2, &authors, &error));
    QCOMPARE(authors[0]->hIndex, std::optional<int>(23));
    QCOMPARE(authors[0]->paperCount, 60);
    QCOMPARE(authors[0]->name, u"A. Turing"_s);
}

void TestS2Parser::paperBatchLinksAuthorsInOrder()
{
    QList<std::optional<S2Paper>> papers;
    QString error;
    QVERIFY(S2Parser::parsePaperBatch(TestData::read(u"s2/paper_batch.json"_s), 3, &papers, &error));
    QCOMPARE(papers[1]->authors.size(), 4);
    QCOMPARE(papers[1]->authors[0].authorId, u"2259683"_s);
    QCOMPARE(papers[1]->authors[1].name, u"A. Banerjee"_s);
    QCOMPARE(papers[2]->paperId, u"0f40b1f08821e22e859c6050916cec3667778613"_s);
}

void TestS2Parser::paperBatchNullEntryAndArxivId()
{
    QList<std::optional<S2Paper>> papers;
    QString error;
    QVERIFY(S2Parser::parsePaperBatch(TestData::read(u"s2/paper_batch_with_null.json"_s), 4, &papers, &error));
    QVERIFY(!papers[0]);
    QVERIFY(papers[1]->arxivId.isEmpty()); // no ArXiv in externalIds

    const QByteArray arxiv = R"([{"paperId":"x","externalIds":{"ArXiv":"2510.05064v2"},
        "authors":[{"authorId":null,"name":"No Profile"},{"authorId":"42","name":"Someone"}]}])";
    QVERIFY(S2Parser::parsePaperBatch(arxiv, 1, &papers, &error));
    QCOMPARE(papers[0]->arxivId, u"2510.05064"_s);
    QVERIFY(papers[0]->authors[0].authorId.isEmpty());
    QCOMPARE(papers[0]->authors[1].authorId, u"42"_s);
}

void TestS2Parser::wrongLengthOrNotJsonIsAnError()
{
    QList<std::optional<S2Author>> authors;
    QString error;
    QVERIFY(!S2Parser::parseAuthorBatch(TestData::read(u"s2/author_batch.json"_s), 4, &authors, &error));
    QVERIFY(error.contains(u"3"_s));
    QVERIFY(!S2Parser::parseAuthorBatch("<html>Bad gateway</html>", 1, &authors, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!S2Parser::parseAuthorBatch(TestData::read(u"s2/error_429.json"_s), 1, &authors, &error));
}

void TestS2Parser::errorMessagesOfRecordedErrors()
{
    QCOMPARE(S2Parser::errorMessage(TestData::read(u"s2/error_400.json"_s)),
             u"Unrecognized or unsupported fields: [unknown]"_s);
    QCOMPARE(S2Parser::errorMessage(TestData::read(u"s2/error_404_author.json"_s)), u"Author with id 0 not found"_s);
    QVERIFY(S2Parser::errorMessage(TestData::read(u"s2/error_429.json"_s)).startsWith(u"Too Many Requests."_s));
    QVERIFY(S2Parser::errorMessage("not json").isEmpty());
}

void TestS2Parser::authorSearch()
{
    const QByteArray body = R"({"total": 2, "offset": 0, "data": [
        {"authorId": "1", "name": "Jun Zhu", "hIndex": 80, "paperCount": 900},
        {"authorId": "2", "name": "Jun Zhu", "hIndex": "3", "paperCount": 4}]})";
    QList<S2Author> found;
    QString error;
    QVERIFY(S2Parser::parseAuthorSearch(body, &found, &error));
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0].hIndex, std::optional<int>(80));
    QCOMPARE(found[1].hIndex, std::optional<int>(3)); // numeric string accepted
    QVERIFY(!S2Parser::parseAuthorSearch("[]", &found, &error));
}

QTEST_GUILESS_MAIN(TestS2Parser)
#include "tst_s2parser.moc"
