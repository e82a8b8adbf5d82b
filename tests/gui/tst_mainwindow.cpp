// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demolibrary.h"
#include "guifixture.h"
#include "mainwindow.h"
#include "models/daylistmodel.h"
#include "models/paperfilterproxymodel.h"
#include "models/papertablemodel.h"
#include "paperdetailview.h"
#include "settings/appsettings.h"
#include "settings/memorysecretstore.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensOnAnEmptyDatabase();
    void demoDayIsLabelledAndListed();
    void detailPaneEscapesFeedText();
    void detailPaneShowsReadableLatexAndLinks();
    void keyboardMovesStarsAndSearches();
    void filterBarNarrowsTheTable();
    void stateIsRemembered();
    void errorMessageIsNonModal();
    void messageBarShowsFeedTextLiterally();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;
    MemorySecretStore m_secrets;
    std::unique_ptr<DemoLibrary> m_demo;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_qsettings = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings = std::make_unique<AppSettings>(*m_qsettings);
    m_demo = std::make_unique<DemoLibrary>();
    QVERIFY(m_demo->open());
}

void TestMainWindow::cleanup()
{
    m_demo.reset();
    m_settings.reset();
    m_qsettings.reset();
    m_dir.reset();
}

void TestMainWindow::opensOnAnEmptyDatabase()
{
    Database db(m_dir->filePath(u"p.sqlite"_s));
    QVERIFY(db.open());
    MainWindow window(db, *m_settings, m_secrets, nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), u"PaperSieve"_s);
    // Today is listed even with nothing stored, and nothing can be run without a controller.
    QCOMPARE(window.dayModel()->rowCount(), 1);
    QCOMPARE(window.dayModel()->index(0).data(DayListModel::SummaryRole).toString(), u"Not run yet"_s);
    QCOMPARE(window.paperModel()->rowCount(), 0);
    QVERIFY(!window.detailView()->paper().has_value());
}

void TestMainWindow::demoDayIsLabelledAndListed()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<QLabel *>(u"demoBanner"_s);
    QVERIFY(banner && banner->isVisible());
    QVERIFY(banner->text().contains(u"Demo day"_s));
    QVERIFY(window.windowTitle().contains(u"demo"_s));
    QCOMPARE(window.currentDay(), m_demo->day());
    QCOMPARE(window.dayModel()->dayAt(0), m_demo->day());
    QCOMPARE(window.paperView()->model()->rowCount(), 70);
    // The first paper of the digest is selected and shown.
    const QModelIndex current = window.paperView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(PaperTableModel::RankRole).toInt(), 1);
    QVERIFY(window.detailView()->paper().has_value());
    QVERIFY(window.detailView()->browser()->toPlainText().contains(u"Relevance"_s));
}

void TestMainWindow::detailPaneEscapesFeedText()
{
    GuiFixture::TestPaper evil;
    evil.arxivId = u"2510.66666"_s;
    evil.title = u"<img src=x onerror=alert(1)> Bold <b>claims</b> & more"_s;
    evil.authors = {u"<script>alert('a')</script>"_s, u"Eve \"quote\""_s};
    evil.abstract = u"See <a href=\"javascript:alert(1)\">here</a> and <style>body{display:none}</style>."_s;
    evil.llmComment = u"<iframe src=evil></iframe> matches"_s;
    evil.relevance = 9;
    evil.novelty = 9;
    evil.day = m_demo->day();
    const qint64 id = GuiFixture::addPaper(m_demo->database(), evil);
    QVERIFY(id > 0);
    const auto detail = LibraryRepository(m_demo->database()).paper(id);
    QVERIFY(detail.has_value());

    const QString html = PaperDetailView::html(*detail, false);
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"<iframe"_s));
    QVERIFY(!html.contains(u"<style"_s));
    QVERIFY(!html.contains(u"javascript:"_s) || html.contains(u"&quot;javascript:"_s));
    QVERIFY(html.contains(u"&lt;img src=x onerror=alert(1)&gt;"_s));

    // In the window the title reads as the characters the feed sent.
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.show();
    window.showDay(m_demo->day());
    const int row = window.paperModel()->rowOfPaper(id);
    QVERIFY(row >= 0);
    window.paperView()->setCurrentIndex(window.proxyModel()->mapFromSource(window.paperModel()->index(row, 3)));
    const QString text = window.detailView()->browser()->toPlainText();
    QVERIFY2(text.contains(u"<img src=x onerror=alert(1)> Bold <b>claims</b> & more"_s), qPrintable(text));
    QVERIFY(text.contains(u"<script>alert('a')</script>"_s));
    QVERIFY(text.contains(u"<iframe src=evil></iframe> matches"_s));
    // Nothing became an image or a link to a script.
    QVERIFY(!window.detailView()->browser()->document()->toHtml().contains(u"<img"_s));
    QVERIFY(!window.detailView()->browser()->document()->toHtml().contains(u"href=\"javascript"_s));
}

void TestMainWindow::detailPaneShowsReadableLatexAndLinks()
{
    LibraryRepository repo(m_demo->database());
    const QList<LibraryPaper> hits = repo.search(u"StructPrune"_s);
    QVERIFY(!hits.isEmpty());
    const auto detail = repo.paper(hits.first().id);
    QVERIFY(detail.has_value());
    const QString html = PaperDetailView::html(*detail, true);
    QVERIFY(html.contains(u"√"_s));
    QVERIFY(html.contains(u"https://arxiv.org/abs/"_s + detail->row.arxivId));
    QVERIFY(html.contains(u"https://arxiv.org/pdf/"_s + detail->row.arxivId));
    QVERIFY(html.contains(u"a followed author"_s));
    QCOMPARE(PaperDetailView::absUrl(*detail), QUrl(u"https://arxiv.org/abs/"_s + detail->row.arxivId));
    const QString bib = PaperDetailView::bibtex(*detail);
    QVERIFY2(bib.startsWith(u"@"_s) && bib.contains(detail->row.arxivId), qPrintable(bib));
}

void TestMainWindow::keyboardMovesStarsAndSearches()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Shortcuts only reach an active window; on Xvfb without a window manager nobody activates it.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.paperView()->setFocus();
    QTableView *table = window.paperView();
    QCOMPARE(table->currentIndex().row(), 0);

    QTest::keyClick(table, Qt::Key_J);
    QCOMPARE(table->currentIndex().row(), 1);
    QTest::keyClick(table, Qt::Key_J);
    QTest::keyClick(table, Qt::Key_K);
    QCOMPARE(table->currentIndex().row(), 1);
    const QString shownTitle = window.detailView()->paper()->row.title;
    QCOMPARE(shownTitle, window.paperModel()->paperAt(window.proxyModel()->mapToSource(table->currentIndex()).row())->title);

    // s stars the current paper, in the database too.
    const qint64 id = table->currentIndex().data(PaperTableModel::PaperIdRole).toLongLong();
    QTest::keyClick(table, Qt::Key_S);
    QVERIFY(table->currentIndex().data(PaperTableModel::StarredRole).toBool());
    QVERIFY(LibraryRepository(m_demo->database()).paper(id)->row.starred);
    QTest::keyClick(table, Qt::Key_S);
    QVERIFY(!LibraryRepository(m_demo->database()).paper(id)->row.starred);

    // Space pages the abstract; at its end it moves on to the next paper.
    window.resize(900, 500);
    const int before = table->currentIndex().row();
    for (int i = 0; i < 30 && table->currentIndex().row() == before; ++i)
        QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(table->currentIndex().row(), before + 1);

    // / goes to the search box; typing searches the whole history as you type.
    QAction *find = nullptr;
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcuts().contains(QKeySequence(Qt::Key_Slash)))
            find = a;
    }
    QVERIFY(find);
    QSignalSpy triggered(find, &QAction::triggered);
    QTest::keyClick(table, '/');
    QCOMPARE(triggered.count(), 1);
    QTRY_COMPARE(window.focusWidget(), static_cast<QWidget *>(window.searchField()));
    QTest::keyClicks(window.searchField(), u"ternariz"_s);
    QTRY_COMPARE(window.paperModel()->source(), PaperTableModel::Source::Search);
    QTRY_VERIFY(window.paperView()->model()->rowCount() >= 1);
    QVERIFY(window.detailView()->paper()->row.title.contains(u"Ternarization"_s));
    // Escape clears it and returns to the day.
    QTest::keyClick(window.searchField(), Qt::Key_Escape);
    QTRY_COMPARE(window.paperModel()->source(), PaperTableModel::Source::Day);
    QCOMPARE(window.paperView()->model()->rowCount(), 70);
}

void TestMainWindow::filterBarNarrowsTheTable()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    auto spins = window.findChildren<QSpinBox *>();
    QVERIFY(spins.size() >= 2);
    spins.at(0)->setValue(10); // relevance
    QVERIFY(window.paperView()->model()->rowCount() < 70);
    QVERIFY(window.paperView()->model()->rowCount() > 0);
    for (int r = 0; r < window.paperView()->model()->rowCount(); ++r)
        QCOMPARE(window.paperView()->model()->index(r, 0).data(PaperTableModel::RelevanceRole).toInt(), 10);
    auto *count = window.findChild<QLabel *>(u"countLabel"_s);
    QVERIFY(count->text().contains(u"hidden by filters"_s));
    spins.at(0)->setValue(0);
    QCOMPARE(window.paperView()->model()->rowCount(), 70);
}

void TestMainWindow::stateIsRemembered()
{
    int leftWidth = 0;
    {
        MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.paperView()->horizontalHeader()->resizeSection(PaperTableModel::AuthorsColumn, 333);
        window.findChild<QSplitter *>(u"mainSplitter"_s)->setSizes({260, 700});
        leftWidth = window.findChild<QSplitter *>(u"mainSplitter"_s)->sizes().first();
        window.close();
    }
    QVERIFY(m_qsettings->contains(u"window/geometry"_s));
    MainWindow again(m_demo->database(), *m_settings, m_secrets, nullptr);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.paperView()->horizontalHeader()->sectionSize(PaperTableModel::AuthorsColumn), 333);
    QCOMPARE(again.findChild<QSplitter *>(u"mainSplitter"_s)->sizes().first(), leftWidth);
}

void TestMainWindow::errorMessageIsNonModal()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.show();
    QVERIFY(!window.isMessageVisible());
    window.showMessage(u"The run failed: HTTP 401 from api.openai.com"_s);
    QVERIFY(window.isMessageVisible());
    QVERIFY(window.messageLabel()->text().contains(u"401"_s));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    window.hideMessage();
    QVERIFY(!window.isMessageVisible());
}

void TestMainWindow::messageBarShowsFeedTextLiterally()
{
    // A run error carries a provider message or a feed title; AutoText would render this as markup.
    const QString hostile = u"The <s>token</s> <font size=7 color=red>X</font> <img src=x>"_s;
    QVERIFY(Qt::mightBeRichText(hostile));
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.show();
    window.showMessage(u"The run failed: "_s + hostile);
    QCOMPARE(window.messageLabel()->textFormat(), Qt::PlainText);
    QCOMPARE(window.messageLabel()->text(), u"The run failed: "_s + hostile);
    // The status bar's labels (run stage, next run) are plain text too.
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    QVERIFY(!labels.isEmpty());
    for (const QLabel *label : labels)
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
