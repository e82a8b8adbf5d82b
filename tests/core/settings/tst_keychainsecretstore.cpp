// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/keychainsecretstore.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// A real round-trip through the system keychain (Secret Service on Linux). scripts/test.sh runs the
// suite inside scripts/with-desktop-session.sh, which provides an unlocked gnome-keyring.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
};

void TestKeychainSecretStore::roundTrip()
{
#ifdef Q_OS_LINUX
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("no D-Bus session: run the suite through scripts/test.sh, which starts a real unlocked keyring");
#endif
    KeychainSecretStore store(u"PaperSieve-test-%1"_s.arg(QCoreApplication::applicationPid()));
    QObject context;
    const QString key = u"openai"_s;
    const QString secret = u"sk-test-\u00e9\u4e2d-"_s + QString::number(QDateTime::currentMSecsSinceEpoch());

    std::optional<bool> wrote;
    QString error;
    store.write(key, secret, &context, [&](bool ok, const QString &e) { wrote = ok; error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(wrote.has_value(), 20000);
    QVERIFY2(*wrote, qPrintable(error));

    std::optional<bool> read;
    QString value;
    store.read(key, &context, [&](bool ok, const QString &v, const QString &e) { read = ok; value = v; error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
    QVERIFY2(*read, qPrintable(error));
    QCOMPARE(value, secret);

    std::optional<bool> removed;
    store.remove(key, &context, [&](bool ok, const QString &e) { removed = ok; error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
    QVERIFY2(*removed, qPrintable(error));

    read.reset();
    value = u"unchanged"_s;
    store.read(key, &context, [&](bool ok, const QString &v, const QString &) { read = ok; value = v; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
    QVERIFY(*read);
    QVERIFY2(value.isEmpty(), "a removed entry reads as absent");
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
