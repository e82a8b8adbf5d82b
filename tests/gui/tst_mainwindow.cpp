// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demolibrary.h"
#include "firstrunchecklist.h"
#include "llm/llmapikeys.h"
#include "helpdialogs.h"
#include "paperexporter.h"
#include "runstatuswidget.h"
#include "runtexts.h"
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

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolButton>
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
    void unreadFilterKeepsWhatWasUnread();
    void markUnreadAndMarkDayRead();
    void contextMenuAndMultiSelection();
    void listHasTheFocus();
    void typedSearchDoesNotMarkRead();
    void exportsFollowTheExtension();
    void copyAsBibtexSaysSo();
    void filterBarStaysPutAndResets();
    void runTextsNameTheDay();
    void runningIsNotPaused();
    void helpMenuAndShortcuts();
    void searchRanksTheAuthorFirstWithADayColumn();
    void emptyLibraryShowsTheChecklist();

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
    QVERIFY(window.windowTitle().contains(u"demo"_s, Qt::CaseInsensitive));
    // Qt adds the application's name to the title bar; the title must not say it a second time.
    QVERIFY2(!window.windowTitle().contains(u"PaperSieve"_s), qPrintable(window.windowTitle()));
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

namespace {
QAction *actionNamed(QWidget &window, const QString &text)
{
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->text().remove(u'&') == text)
            return a;
    }
    return nullptr;
}

int readCount(Database &db, const QDate &day)
{
    int n = 0;
    for (const LibraryPaper &p : LibraryRepository(db).papersForDay(day))
        n += p.read ? 1 : 0;
    return n;
}

// Accepts the next export dialog with this file (Qt's own dialog: the platform's cannot be driven).
void acceptExportDialogWith(const QString &path)
{
    QTimer::singleShot(0, qApp, [path] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->objectName(), u"exportDialog"_s);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept();
    });
}
} // namespace

void TestMainWindow::unreadFilterKeepsWhatWasUnread()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = window.paperView();
    window.findChild<QCheckBox *>(u"unreadOnly"_s)->setChecked(true);
    QCOMPARE(table->model()->rowCount(), 70);
    const qint64 first = table->currentIndex().data(PaperTableModel::PaperIdRole).toLongLong();
    // The read timer marks the current paper read; it stays listed and current, and nothing cascades.
    QTest::qWait(3000);
    QVERIFY(LibraryRepository(m_demo->database()).paper(first)->row.read);
    QCOMPARE(readCount(m_demo->database(), m_demo->day()), 1);
    QCOMPARE(table->model()->rowCount(), 70);
    QCOMPARE(table->currentIndex().data(PaperTableModel::PaperIdRole).toLongLong(), first);
    // Choosing the filter again lists what is unread now.
    window.findChild<QCheckBox *>(u"unreadOnly"_s)->setChecked(false);
    window.findChild<QCheckBox *>(u"unreadOnly"_s)->setChecked(true);
    QCOMPARE(table->model()->rowCount(), 69);
}

void TestMainWindow::markUnreadAndMarkDayRead()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTableView *table = window.paperView();
    const qint64 id = table->currentIndex().data(PaperTableModel::PaperIdRole).toLongLong();
    QTest::keyClick(table, Qt::Key_M);
    QVERIFY(LibraryRepository(m_demo->database()).paper(id)->row.read);
    QVERIFY(actionNamed(window, u"Mark as unread"_s));
    QTest::keyClick(table, Qt::Key_M);
    QVERIFY(!LibraryRepository(m_demo->database()).paper(id)->row.read);
    // The reader's choice holds: the read timer does not mark it read again.
    QTest::qWait(1600);
    QVERIFY(!LibraryRepository(m_demo->database()).paper(id)->row.read);

    QAction *dayRead = actionNamed(window, u"Mark day as read"_s);
    QVERIFY(dayRead);
    dayRead->trigger();
    QCOMPARE(readCount(m_demo->database(), m_demo->day()), 70);
}

void TestMainWindow::contextMenuAndMultiSelection()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTableView *table = window.paperView();
    QCOMPARE(table->selectionMode(), QAbstractItemView::ExtendedSelection);
    table->selectionModel()->select(QItemSelection(table->model()->index(0, 0), table->model()->index(2, 0)),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QList<qint64> ids;
    for (int r = 0; r < 3; ++r)
        ids << table->model()->index(r, 0).data(PaperTableModel::PaperIdRole).toLongLong();

    // A right-click on a selected row offers the actions, which then act on the whole selection.
    QStringList offered;
    QTimer::singleShot(0, qApp, [&offered] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), u"paperContextMenu"_s);
        for (QAction *a : menu->actions())
            offered << a->text().remove(u'&');
        menu->close();
    });
    const QRect rect = table->visualRect(table->model()->index(1, PaperTableModel::TitleColumn));
    emit table->customContextMenuRequested(rect.center());
    QVERIFY(offered.contains(u"Mark as read"_s) || offered.contains(u"Mark as unread"_s));
    for (const QString &wanted : {u"Star"_s, u"Copy as BibTeX"_s, u"Open abstract page"_s,
                                  u"Open PDF"_s, u"Export selection…"_s})
        QVERIFY2(offered.contains(wanted), qPrintable(offered.join(u", "_s)));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
    actionNamed(window, u"Star"_s)->trigger();
    for (const qint64 id : ids)
        QVERIFY(LibraryRepository(m_demo->database()).paper(id)->row.starred);
    actionNamed(window, u"Star"_s)->trigger();
    for (const qint64 id : ids)
        QVERIFY(!LibraryRepository(m_demo->database()).paper(id)->row.starred);
}

void TestMainWindow::listHasTheFocus()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.paperView()));
    // j works at once, without a click.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
    QCOMPARE(window.paperView()->currentIndex().row(), 1);
    QCOMPARE(window.paperModel()->source(), PaperTableModel::Source::Day);
    // A day chosen in the list gives the keys back to the papers.
    window.dayView()->setFocus();
    window.showDay(m_demo->day());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window.paperView()));
}

void TestMainWindow::typedSearchDoesNotMarkRead()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.searchField()->setFocus();
    QTest::keyClicks(window.searchField(), u"ternariz"_s);
    QTRY_COMPARE(window.paperModel()->source(), PaperTableModel::Source::Search);
    QTRY_VERIFY(window.paperView()->currentIndex().isValid());
    const qint64 hit = window.paperView()->currentIndex().data(PaperTableModel::PaperIdRole).toLongLong();
    QTest::qWait(1800);
    QVERIFY(!LibraryRepository(m_demo->database()).paper(hit)->row.read);
    QCOMPARE(readCount(m_demo->database(), m_demo->day()), 0);
}

void TestMainWindow::exportsFollowTheExtension()
{
    PaperExporter::setUseNativeDialog(false);
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // File ▸ Export day as JSON: the run's digest, all 70 papers in digest order.
    const QString json = m_dir->filePath(u"day.json"_s);
    acceptExportDialogWith(json);
    actionNamed(window, u"Export day…"_s)->trigger();
    QVERIFY2(!window.isMessageVisible(), qPrintable(window.messageLabel()->text()));
    QFile jf(json);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(jf.readAll()).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"papersieve-digest"_s);
    QCOMPARE(root.value(u"papers"_s).toArray().size(), 70);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"Exported 70 paper"_s), qPrintable(window.statusBar()->currentMessage()));

    // The selection as RIS and as BibTeX: one record per selected paper.
    QTableView *table = window.paperView();
    table->selectionModel()->select(QItemSelection(table->model()->index(0, 0), table->model()->index(1, 0)),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString ris = m_dir->filePath(u"two.ris"_s);
    acceptExportDialogWith(ris);
    actionNamed(window, u"Export selection…"_s)->trigger();
    QFile rf(ris);
    QVERIFY(rf.open(QIODevice::ReadOnly));
    const QString risText = QString::fromUtf8(rf.readAll());
    QCOMPARE(risText.count(u"TY  - ELEC"_s), 2);
    QVERIFY(risText.contains(u"UR  - https://arxiv.org/abs/"_s + table->model()->index(0, 0).data(PaperTableModel::ArxivIdRole).toString()));
    const QString bib = m_dir->filePath(u"two.bib"_s);
    acceptExportDialogWith(bib);
    actionNamed(window, u"Export selection…"_s)->trigger();
    QFile bf(bib);
    QVERIFY(bf.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(bf.readAll()).count(u"@misc{"_s), 2);

    // Starred papers as Markdown.
    actionNamed(window, u"Star"_s)->trigger(); // stars the two selected
    const QString md = m_dir->filePath(u"starred.md"_s);
    acceptExportDialogWith(md);
    actionNamed(window, u"Export starred papers…"_s)->trigger();
    QFile mf(md);
    QVERIFY(mf.open(QIODevice::ReadOnly));
    const QString mdText = QString::fromUtf8(mf.readAll());
    QVERIFY(mdText.startsWith(u"# "_s));
    QCOMPARE(mdText.count(u"**ArXiv ID:**"_s), 2);
}

void TestMainWindow::copyAsBibtexSaysSo()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::clipboard()->clear();
    actionNamed(window, u"Copy as BibTeX"_s)->trigger();
    const QString arxivId = window.paperView()->currentIndex().data(PaperTableModel::ArxivIdRole).toString();
    QVERIFY(QApplication::clipboard()->text().contains(u"@misc{"_s));
    QVERIFY(QApplication::clipboard()->text().contains(arxivId));
    QVERIFY(window.statusBar()->currentMessage().startsWith(u"Copied 1 paper"_s));
    QVERIFY(window.statusBar()->currentMessage().endsWith(u"as BibTeX"_s));
    actionNamed(window, u"Copy as Markdown"_s)->trigger();
    QVERIFY(QApplication::clipboard()->text().contains(u"https://arxiv.org/abs/"_s + arxivId));
    QVERIFY(window.statusBar()->currentMessage().endsWith(u"as Markdown"_s));
}

void TestMainWindow::filterBarStaysPutAndResets()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *starred = window.findChild<QCheckBox *>(u"starredOnly"_s);
    auto *category = window.findChild<QComboBox *>(u"category"_s);
    auto *reset = window.findChild<QToolButton *>(u"resetFilters"_s);
    QVERIFY(starred && category && reset);
    QVERIFY(!reset->isEnabled());
    const int starredX = starred->x(), categoryX = category->x(), resetX = reset->x();
    // The count text grows ("70 papers" → "21 papers · 49 hidden by filters"); nothing moves.
    window.findChild<QSpinBox *>(u"minRelevance"_s)->setValue(10);
    QApplication::processEvents();
    QVERIFY(window.findChild<QLabel *>(u"countLabel"_s)->text().contains(u"hidden"_s));
    QCOMPARE(starred->x(), starredX);
    QCOMPARE(category->x(), categoryX);
    QCOMPARE(reset->x(), resetX);
    category->setCurrentIndex(1);
    QApplication::processEvents();
    QCOMPARE(starred->x(), starredX);
    QCOMPARE(reset->x(), resetX);
    QVERIFY(reset->isEnabled());
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(window.paperView()->model()->rowCount(), 70);
    QCOMPARE(window.findChild<QSpinBox *>(u"minRelevance"_s)->value(), 0);
    QCOMPARE(category->currentIndex(), 0);
    QVERIFY(!reset->isEnabled());
}

void TestMainWindow::runTextsNameTheDay()
{
    QLocale::setDefault(QLocale::c());
    const QDate today(2026, 12, 3);
    QCOMPARE(RunTexts::dayName(QDate(2026, 10, 7), today), u"Wed 7 Oct"_s);
    QCOMPARE(RunTexts::dayName(QDate(2025, 10, 7), today), u"Tue 7 Oct 2025"_s);
    // A run that failed before it read the feed has no day: the message names the feed, never a hole.
    const QString text = RunTexts::runFailed(QDate(), u"could not reach arXiv's feed"_s,
                                             RunFailureKind::ArxivUnavailable, today);
    QVERIFY2(text.startsWith(u"The run for today's feed (Thu 3 Dec) failed: could not reach arXiv's feed"_s), qPrintable(text));
    QVERIFY(!text.contains(u"for  "_s));
    QVERIFY(RunTexts::runFailed(QDate(2025, 10, 7), u"x"_s, RunFailureKind::ArxivUnavailable, today)
                .startsWith(u"The run for Tue 7 Oct 2025 failed: x"_s));
}

void TestMainWindow::runningIsNotPaused()
{
    QStatusBar bar;
    auto *status = new RunStatusWidget(&bar);
    status->setNextRun(QDateTime::currentDateTime().addDays(1));
    QVERIFY(status->nextRunLabel()->text().startsWith(u"Next run"_s));
    // While a run is on the schedule has no next run; that is not a pause.
    status->setNextRun({});
    status->runStarted();
    QCOMPARE(status->nextRunLabel()->text(), u"Running…"_s);
    status->runFinished();
    QCOMPARE(status->nextRunLabel()->text(), u"Daily run paused"_s);
}

void TestMainWindow::helpMenuAndShortcuts()
{
    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus << a->text().remove(u'&');
    QVERIFY2(menus.contains(u"Help"_s), qPrintable(menus.join(u", "_s)));
    // Ctrl+, opens the settings on every platform (QKeySequence::Preferences is empty on Linux).
    QAction *settings = actionNamed(window, u"Settings…"_s);
    QVERIFY(settings);
    QVERIFY(settings->shortcuts().contains(QKeySequence(u"Ctrl+,"_s)));
    QCOMPARE(ShortcutsDialog::keyText(QKeySequence(u"J"_s)), u"j"_s);
    QCOMPARE(ShortcutsDialog::keyText(QKeySequence(u"Ctrl+I"_s)), QKeySequence(u"Ctrl+I"_s).toString(QKeySequence::NativeText));

    QStringList keys;
    QTimer::singleShot(0, qApp, [&keys] {
        auto *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog && dialog->objectName() == u"shortcutsDialog"_s);
        auto *table = dialog->findChild<QTableWidget *>(u"shortcutsTable"_s);
        for (int r = 0; r < table->rowCount(); ++r)
            keys << table->item(r, 0)->text() + u" = "_s + table->item(r, 1)->text();
        dialog->close();
    });
    actionNamed(window, u"Keyboard shortcuts"_s)->trigger();
    QVERIFY2(keys.contains(u"j = Next paper"_s), qPrintable(keys.join(u"; "_s)));
    QVERIFY2(keys.contains(u"m = Mark as unread"_s) || keys.contains(u"m = Mark as read"_s), qPrintable(keys.join(u"; "_s)));

    QString dbPath;
    QTimer::singleShot(0, qApp, [&dbPath] {
        auto *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog && dialog->objectName() == u"aboutDialog"_s);
        dbPath = dialog->findChild<QLabel *>(u"databasePath"_s)->text();
        QVERIFY(dialog->findChild<QLabel *>(u"settingsPath"_s)->text().endsWith(u"settings.ini"_s));
        dialog->close();
    });
    actionNamed(window, u"About PaperSieve"_s)->trigger();
    QCOMPARE(dbPath, QDir::toNativeSeparators(m_demo->database().filePath()));
}

void TestMainWindow::searchRanksTheAuthorFirstWithADayColumn()
{
    // A paper that names "Di" and "Zhang" often, and one by Di Zhang that names them nowhere else.
    GuiFixture::TestPaper mentions;
    mentions.arxivId = u"2510.77771"_s;
    mentions.title = u"Zhang and Di: Di Zhang's lemma on Zhang Di graphs"_s;
    mentions.abstract = u"Di Zhang Di Zhang Di Zhang revisited; Zhang and Di show Di Zhang bounds."_s;
    mentions.day = m_demo->day();
    GuiFixture::TestPaper byAuthor;
    byAuthor.arxivId = u"2510.77772"_s;
    byAuthor.title = u"Sparse mixtures for small devices"_s;
    byAuthor.authors = {u"Di Zhang"_s, u"Ada Lovelace"_s};
    byAuthor.day = m_demo->day();
    // Stored first: a short last word ("Zhang") lists the newest matches first.
    const qint64 authorsPaper = GuiFixture::addPaper(m_demo->database(), byAuthor);
    QVERIFY(authorsPaper > 0);
    QVERIFY(GuiFixture::addPaper(m_demo->database(), mentions) > 0);
    const QList<LibraryPaper> bm25 = LibraryRepository(m_demo->database()).search(u"Di Zhang"_s);
    QVERIFY(bm25.size() >= 2);
    QVERIFY2(bm25.first().id != authorsPaper, "full-text ranking alone already puts the author first");

    MainWindow window(m_demo->database(), *m_settings, m_secrets, nullptr);
    window.setDemoDay(m_demo->day(), m_demo->model());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QHeaderView *header = window.paperView()->horizontalHeader();
    QVERIFY(header->isSectionHidden(PaperTableModel::DayColumn));
    window.searchField()->setText(u"Di Zhang"_s);
    QTRY_COMPARE(window.paperModel()->source(), PaperTableModel::Source::Search);
    QTRY_VERIFY(window.paperView()->model()->rowCount() >= 2);
    // The exact author's paper comes first, although bm25 ranks a paper naming "Di" and "Zhang" apart higher.
    const QModelIndex top = window.paperView()->model()->index(0, PaperTableModel::AuthorsColumn);
    QCOMPARE(top.data(PaperTableModel::PaperIdRole).toLongLong(), authorsPaper);
    QCOMPARE(top.data(PaperTableModel::RankRole).toInt(), 1);
    // Matches come from every day: the Day column says which.
    QVERIFY(!header->isSectionHidden(PaperTableModel::DayColumn));
    QCOMPARE(window.paperView()->model()->index(0, PaperTableModel::DayColumn).data().toString(),
             QLocale().toString(m_demo->day(), QLocale::ShortFormat));
    window.searchField()->clear();
    QTRY_COMPARE(window.paperModel()->source(), PaperTableModel::Source::Day);
    QVERIFY(header->isSectionHidden(PaperTableModel::DayColumn));
}

void TestMainWindow::emptyLibraryShowsTheChecklist()
{
    qunsetenv("OPENAI_API_KEY");
    Database db(m_dir->filePath(u"empty.sqlite"_s));
    QVERIFY(db.open());
    MainWindow window(db, *m_settings, m_secrets, nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *checklist = window.findChild<FirstRunChecklist *>(u"firstRunChecklist"_s);
    QVERIFY(checklist && checklist->isVisible());
    QString text = checklist->text();
    // Categories are chosen (the defaults), the key is missing, the interests are still the example.
    QVERIFY2(text.contains(u"✓&nbsp;&nbsp;<b>Categories</b>: cs.LG, cs.AI"_s), qPrintable(text));
    QVERIFY(text.contains(u"○&nbsp;&nbsp;<b>API key</b>: none yet"_s));
    QVERIFY(text.contains(u"○&nbsp;&nbsp;<b>Your research interests</b>: still the shipped example"_s));
    for (const QString &link : {u"href=\"settings\""_s, u"href=\"model\""_s, u"href=\"interests\""_s, u"href=\"run\""_s})
        QVERIFY(text.contains(link));
    // A key in the keychain ticks its step.
    bool written = false;
    m_secrets.write(LlmApiKeys::secretName(m_settings->provider()), u"sk-x"_s, this, [&](bool ok, const QString &) { written = ok; });
    QTRY_VERIFY(written);
    checklist->refresh();
    QTRY_VERIFY(checklist->text().contains(u"✓&nbsp;&nbsp;<b>API key</b>: stored"_s));

    // Neither the demo nor a library with papers shows it.
    MainWindow demo(m_demo->database(), *m_settings, m_secrets, nullptr);
    demo.setDemoDay(m_demo->day(), m_demo->model());
    demo.show();
    QVERIFY(!demo.findChild<FirstRunChecklist *>(u"firstRunChecklist"_s)->isVisible());
    GuiFixture::TestPaper p;
    p.arxivId = u"2510.00001"_s;
    p.title = u"A first paper"_s;
    QVERIFY(GuiFixture::addPaper(db, p) > 0);
    window.reloadAll();
    QVERIFY(!checklist->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
