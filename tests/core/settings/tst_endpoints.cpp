// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/urlpolicy.h"
#include "settings/appsettings.h"
#include "settings/endpoints.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void environmentOverridesSettings();
};

void TestEndpoints::validate_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https remote") << u"https://rss.arxiv.org/rss/"_s << true;
    QTest::newRow("http remote") << u"http://export.arxiv.org/api/query"_s << false;
    QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080/v1"_s << true;
    QTest::newRow("http loopback other") << u"http://127.0.0.5:11434"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:11434/v1"_s << true;
    QTest::newRow("http loopback v6") << u"http://[::1]:1234/"_s << true;
    QTest::newRow("http lan") << u"http://192.168.1.10:8000/v1"_s << false;
    QTest::newRow("ftp") << u"ftp://example.org/"_s << false;
    QTest::newRow("garbage") << u"not a url"_s << false;
}

void TestEndpoints::validate()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const QString reason = UrlPolicy::problemWith(QUrl(url));
    QCOMPARE(reason.isEmpty(), accepted);
}

void TestEndpoints::environmentOverridesSettings()
{
    QTemporaryDir dir;
    QSettings ini(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    AppSettings s(ini);
    s.setArxivApiUrl(u"https://mirror.example.org/api/query"_s);
    qunsetenv("PAPERSIEVE_ARXIV_API_URL");
    QCOMPARE(Endpoints::resolve(s).arxivApi, QUrl(u"https://mirror.example.org/api/query"_s));
    qputenv("PAPERSIEVE_ARXIV_API_URL", "http://127.0.0.1:9/api/query");
    QCOMPARE(Endpoints::resolve(s).arxivApi, QUrl(u"http://127.0.0.1:9/api/query"_s));
    qunsetenv("PAPERSIEVE_ARXIV_API_URL");
    QCOMPARE(Endpoints::resolve(s).arxivRss, QUrl(u"https://rss.arxiv.org/rss/"_s));
}

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
