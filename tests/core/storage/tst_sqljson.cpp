// SPDX-License-Identifier: GPL-3.0-or-later
// Rows bound as one JSON text (SqlJson) come back out of SQLite's json_each() exactly as they went in,
// whatever the text holds: quotes, backslashes, control characters, non-ASCII, characters outside the BMP.
#include "storage/database.h"
#include "storage/paperrepository.h"
#include "storage/sqljson.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestSqlJson : public QObject
{
    Q_OBJECT

private slots:
    void escapes();
    void roundTripsThroughSqlite();
    void authorNamesSurviveTheDayStatement();
};

namespace {
const QStringList kAwkward{
    u""_s,
    u"plain"_s,
    u"O'Brien"_s,
    u"Zoë \"Z\" Ødegård"_s,
    u"back\\slash \\u0041 not an escape"_s,
    u"tab\there, newline\nthere, bell \u0007, unit separator \u001f"_s,
    u"Łukasz Kaiser 张伟 — 🦀 (outside the BMP)"_s,
    u"]},[\"{"_s,
};
} // namespace

void TestSqlJson::escapes()
{
    QCOMPARE(SqlJson::stringArray({}), u"[]"_s);
    QCOMPARE(SqlJson::stringArray({u"a\"b\\c"_s, u"\n\u0001"_s}), u"[\"a\\\"b\\\\c\",\"\\u000a\\u0001\"]"_s);
}

void TestSqlJson::roundTripsThroughSqlite()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"j.sqlite"_s));
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QSqlQuery q(db.connection());
    QVERIFY(q.prepare(u"SELECT value FROM json_each(?) ORDER BY key"_s));
    q.addBindValue(SqlJson::stringArray(kAwkward));
    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    QStringList back;
    while (q.next())
        back << q.value(0).toString();
    QCOMPARE(back, kAwkward);
}

void TestSqlJson::authorNamesSurviveTheDayStatement()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"a.sqlite"_s));
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    PaperRepository repo(db);
    Paper p;
    p.arxivId = u"2510.00001"_s;
    p.title = u"Names"_s;
    p.categories = {u"cs.LG"_s};
    for (const QString &name : kAwkward)
        p.authors.append(Author{name, {}, -1});
    Paper q = p;
    q.arxivId = u"2510.00002"_s;
    QList<qint64> ids;
    QVERIFY2(repo.upsertMany({p, q}, QDateTime::currentDateTimeUtc(), &ids), qPrintable(repo.errorString()));
    const std::optional<Paper> found = repo.find(u"2510.00002"_s);
    QVERIFY(found);
    QStringList stored;
    for (const Author &a : found->authors)
        stored << a.name;
    QCOMPARE(stored, kAwkward);
    QSqlQuery count(db.connection());
    QVERIFY(count.exec(u"SELECT COUNT(*) FROM authors"_s) && count.next());
    QCOMPARE(count.value(0).toInt(), int(kAwkward.size())); // one shared row per name for both papers
}

QTEST_GUILESS_MAIN(TestSqlJson)
#include "tst_sqljson.moc"
