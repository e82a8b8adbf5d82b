// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/appsettings.h"
#include "settings/memorysecretstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaultsMatchTheReferenceTool();
    void valuesPersistInTheIniFile();
    void outOfRangeValuesAreClamped();
    void memorySecretStoreRoundTrip();
};

void TestAppSettings::defaultsMatchTheReferenceTool()
{
    QTemporaryDir dir;
    QSettings ini(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    AppSettings s(ini);
    QCOMPARE(s.categories(), (QStringList{u"cs.LG"_s, u"cs.AI"_s}));
    QCOMPARE(s.announceTypes(), (QStringList{u"new"_s, u"cross"_s}));
    QCOMPARE(s.model(), u"gpt-5"_s);
    QCOMPARE(s.relevanceCutoff(), 8);
    QCOMPARE(s.noveltyCutoff(), 7);
    QCOMPARE(s.hIndexCutoff(), 10);
    QVERIFY(!s.hIndexFilterEnabled());
    QVERIFY(s.titleFilterEnabled());
    QCOMPARE(s.concurrency(), 4);
    QCOMPARE(s.arxivRequestSpacingMs(), 3000);
}

void TestAppSettings::valuesPersistInTheIniFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"s.ini"_s);
    {
        QSettings ini(path, QSettings::IniFormat);
        AppSettings s(ini);
        s.setCategories({u"cs.CL"_s});
        s.setModel(u"claude-haiku-4-5"_s);
        s.setScheduleTime(QTime(7, 30));
        ini.sync();
    }
    QSettings ini(path, QSettings::IniFormat);
    AppSettings s(ini);
    QCOMPARE(s.categories(), QStringList{u"cs.CL"_s});
    QCOMPARE(s.model(), u"claude-haiku-4-5"_s);
    QCOMPARE(s.scheduleTime(), QTime(7, 30));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY2(!f.readAll().toLower().contains("key="), "no API key is ever a setting");
}

void TestAppSettings::outOfRangeValuesAreClamped()
{
    QTemporaryDir dir;
    QSettings ini(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    AppSettings s(ini);
    s.setRelevanceCutoff(42);
    s.setNoveltyCutoff(-3);
    s.setConcurrency(0);
    QCOMPARE(s.relevanceCutoff(), 10);
    QCOMPARE(s.noveltyCutoff(), 1);
    QCOMPARE(s.concurrency(), 1);
}

void TestAppSettings::memorySecretStoreRoundTrip()
{
    MemorySecretStore store;
    QObject context;
    bool wrote = false;
    store.write(u"openai"_s, u"sk-test"_s, &context, [&](bool ok, const QString &) { wrote = ok; });
    QTRY_VERIFY(wrote);
    QString value;
    bool read = false;
    store.read(u"openai"_s, &context, [&](bool ok, const QString &v, const QString &) {
        read = ok;
        value = v;
    });
    QTRY_VERIFY(read);
    QCOMPARE(value, u"sk-test"_s);
    store.setFailure(u"locked"_s);
    QString error;
    store.read(u"openai"_s, &context, [&](bool ok, const QString &, const QString &e) { error = ok ? QString() : e; });
    QTRY_COMPARE(error, u"locked"_s);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
