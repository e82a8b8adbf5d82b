// SPDX-License-Identifier: GPL-3.0-or-later
#include "guisession.h"
#include "llm/llmapikeys.h"
#include "mainwindow.h"
#include "models/daylistmodel.h"
#include "models/papertablemodel.h"
#include "settings/appsettings.h"
#include "settings/memorysecretstore.h"
#include "settingsdialog.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// Leaving the demo day for the user's own library without restarting: from the banner, or when an API key
// is entered in the settings while the demo is open. Real SQLite files, the real window and dialogs.
class TestGuiSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bannerLinkOpensTheLibrary();
    void keyInSettingsOffersTheLibrary();
    void stayingInTheDemoKeepsIt();
    void settingsWithoutKeyDoNotAsk();
    void refusedGateKeepsTheDemo();

private:
    // Opens the settings from the demo window, enters `key` (may be empty) and saves.
    void saveSettingsWithKey(const QString &key);
    QMessageBox *question() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<GuiSession> m_session;
    QString m_libraryPath;
};

void TestGuiSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_qsettings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(*m_qsettings);
    m_secrets = std::make_unique<MemorySecretStore>();
    m_libraryPath = m_dir->filePath(u"library.sqlite"_s);
    m_session = std::make_unique<GuiSession>(*m_settings, *m_secrets, m_libraryPath);
    QString error;
    QVERIFY2(m_session->openDemo(&error), qPrintable(error));
    QVERIFY(m_session->isDemo());
    QVERIFY(m_session->daily() == nullptr);
    m_session->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_session->window()));
}

void TestGuiSession::cleanup()
{
    m_session.reset();
    m_secrets.reset();
    m_settings.reset();
    m_qsettings.reset();
    m_dir.reset();
}

QMessageBox *TestGuiSession::question() const
{
    return m_session->window() ? m_session->window()->findChild<QMessageBox *>(u"leaveDemoQuestion"_s) : nullptr;
}

void TestGuiSession::saveSettingsWithKey(const QString &key)
{
    bool saved = false;
    // The dialog runs its own event loop: it is answered from inside it, as a user would.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = m_session->window()->findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->apiKeyEdit()->placeholderText().contains(u"Paste"_s)); // the keychain answered
        dialog->apiKeyEdit()->setText(key);
        QVERIFY2(dialog->validationError().isEmpty(), qPrintable(dialog->validationError()));
        dialog->saveButton()->click();
        saved = true;
    });
    m_session->window()->openSettings();
    QVERIFY(saved);
}

void TestGuiSession::bannerLinkOpensTheLibrary()
{
    QSignalSpy opened(m_session.get(), &GuiSession::libraryOpened);
    const QString demoPath = m_session->database()->filePath();
    QVERIFY(QFile::exists(demoPath));
    QVERIFY(demoPath != m_libraryPath);
    const QRect where = m_session->window()->geometry();

    auto *banner = m_session->window()->findChild<QLabel *>(u"demoBanner"_s);
    QVERIFY(banner);
    QVERIFY(banner->text().contains(u"href=\"library\""_s));
    emit banner->linkActivated(u"library"_s);

    QTRY_VERIFY(!m_session->isDemo());
    QCOMPARE(opened.count(), 1);
    QCOMPARE(m_session->database()->filePath(), m_libraryPath);
    QVERIFY(LibraryRepository(*m_session->database()).isEmpty()); // nothing of the demo was copied
    QVERIFY(m_session->daily() != nullptr);
    MainWindow *window = m_session->window();
    QVERIFY(!window->isDemo());
    QCOMPARE(window->windowTitle(), u"PaperSieve"_s);
    QVERIFY(window->isVisible());
    QCOMPARE(window->geometry(), where);
    QVERIFY(!window->findChild<QLabel *>(u"demoBanner"_s)->isVisible());
    // The window reads the library, not the demo: no demo day, no paper, today "not run yet".
    QCOMPARE(window->paperModel()->rowCount(), 0);
    QCOMPARE(window->dayModel()->rowCount(), 1);
    QCOMPARE(window->dayModel()->index(0).data(DayListModel::SummaryRole).toString(), u"Not run yet"_s);
    QVERIFY(!QFile::exists(demoPath)); // the throw-away demo database is gone
}

void TestGuiSession::keyInSettingsOffersTheLibrary()
{
    saveSettingsWithKey(u"sk-demo-leaver"_s);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = question()) != nullptr);
    QVERIFY(m_session->isDemo()); // nothing happens before the user answers
    QPushButton *open = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (b->text() == u"Open my library"_s)
            open = qobject_cast<QPushButton *>(b);
    }
    QVERIFY(open);
    QCOMPARE(box->defaultButton(), open);
    open->click();
    QTRY_VERIFY(!m_session->isDemo());
    QCOMPARE(m_session->database()->filePath(), m_libraryPath);
    QVERIFY(m_session->window()->isVisible());
    QCOMPARE(m_session->window()->paperModel()->rowCount(), 0);

    // The key went to the secret store, for the library's runs.
    bool read = false;
    QString value;
    m_secrets->read(LlmApiKeys::secretName(m_settings->provider()), this, [&](bool ok, const QString &v, const QString &) {
        read = ok;
        value = v;
    });
    QTRY_VERIFY(read);
    QCOMPARE(value, u"sk-demo-leaver"_s);
}

void TestGuiSession::stayingInTheDemoKeepsIt()
{
    saveSettingsWithKey(u"sk-demo-stayer"_s);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = question()) != nullptr);
    for (QAbstractButton *b : box->buttons()) {
        if (b->text() == u"Stay in the demo"_s)
            b->click();
    }
    QTRY_VERIFY(question() == nullptr);
    QTest::qWait(0); // a queued leave request would have run by now
    QVERIFY(m_session->isDemo());
    QVERIFY(m_session->window()->isMessageVisible());
    QVERIFY(m_session->window()->messageLabel()->text().contains(u"banner"_s));
}

void TestGuiSession::settingsWithoutKeyDoNotAsk()
{
    if (!LlmApiKeys::fromEnvironment(m_settings->provider()).isEmpty())
        QSKIP("An API key is set in this environment: the demo would rightly offer the library");
    saveSettingsWithKey(QString());
    QVERIFY(m_session->window()->isMessageVisible());
    QVERIFY(m_session->window()->messageLabel()->text().contains(u"API key"_s));
    QVERIFY(question() == nullptr);
    QVERIFY(m_session->isDemo());
}

void TestGuiSession::refusedGateKeepsTheDemo()
{
    m_session->setLeaveDemoGate([](QString *error) {
        *error = u"PaperSieve is already open on your library in another window."_s;
        return false;
    });
    QSignalSpy opened(m_session.get(), &GuiSession::libraryOpened);
    emit m_session->window()->leaveDemoRequested();
    QTRY_VERIFY(m_session->window()->isMessageVisible());
    QVERIFY(m_session->window()->messageLabel()->text().contains(u"another window"_s));
    QVERIFY(m_session->isDemo());
    QCOMPARE(opened.count(), 0);
    QVERIFY(!QFile::exists(m_libraryPath)); // the library was not even opened
}

QTEST_MAIN(TestGuiSession)
#include "tst_guisession.moc"
