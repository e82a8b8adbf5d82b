// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "criteriaeditordialog.h"
#include "dayitemdelegate.h"
#include "firstrunchecklist.h"
#include "llm/llmapikeys.h"
#include "mainactions.h"
#include "messagebar.h"
#include "models/daylistmodel.h"
#include "models/paperfilterproxymodel.h"
#include "models/papertablemodel.h"
#include "paperdetailview.h"
#include "papercommands.h"
#include "paperfilterbar.h"
#include "paperlistcontroller.h"
#include "pipeline/dailyrun.h"
#include "runcostsdialog.h"
#include "runstatuswidget.h"
#include "runtexts.h"
#include "searchfield.h"
#include "schedule/dailycontroller.h"
#include "settings/appsettings.h"
#include "settingsdialog.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"
#include "text/costformat.h"
#include "ui_mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(Database &database, AppSettings &settings, SecretStore &secrets, DailyController *daily,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_database(database)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_daily(daily)
    , m_days(new DayListModel(database, this))
    , m_papers(new PaperTableModel(database, this))
    , m_proxy(new PaperFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_papers);

    m_search = new SearchField(m_ui->search, this);
    connect(m_search, &SearchField::searchRequested, this, &MainWindow::runSearch);
    connect(m_search, &SearchField::done, m_ui->papers, [this] { m_ui->papers->setFocus(); });

    m_actions = new MainActions(this);
    m_message = new MessageBar(m_ui->messageBar, m_ui->messageText, m_ui->messageRetry, m_ui->messageSettings,
                               m_ui->messageDismiss, this);
    m_filterBar = new PaperFilterBar({m_ui->scope, m_ui->minRelevance, m_ui->minNovelty, m_ui->starredOnly,
                                      m_ui->unreadOnly, m_ui->category, m_ui->countLabel, m_ui->resetFilters},
                                     this);
    m_list = new PaperListController(m_ui->papers, m_papers, m_proxy, this);
    // The count changes length with every filter: in the status bar it moves nothing the pointer aims at.
    m_ui->countLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_ui->countLabel);
    m_ui->countLabel->setContentsMargins(8, 0, 12, 0);
    m_runStatus = new RunStatusWidget(statusBar());
    m_commands = new PaperCommands(database, settings, m_actions, m_list, m_papers, this);
    connectActions();
    buildCentral();
    applySettings();
    connectDaily();
    restoreState();
    reloadAll();
    showDay(m_days->today());
    // Keyboard first: j / k / s work at once; the search takes the focus only on /, Ctrl+F or a click.
    m_ui->papers->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

QTableView *MainWindow::paperView() const { return m_ui->papers; }

QListView *MainWindow::dayView() const { return m_ui->days; }

PaperDetailView *MainWindow::detailView() const { return m_ui->detail; }

QLineEdit *MainWindow::searchField() const { return m_ui->search; }

QLabel *MainWindow::messageLabel() const { return m_message->label(); }

void MainWindow::connectActions()
{
    connect(m_actions->run, &QAction::triggered, this, &MainWindow::runNow);
    connect(m_actions->quit, &QAction::triggered, qApp, &QCoreApplication::quit);
    connect(m_actions->criteria, &QAction::triggered, this, &MainWindow::openCriteriaEditor);
    connect(m_actions->settings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_actions->costs, &QAction::triggered, this, &MainWindow::openRunCosts);
    connect(m_actions->find, &QAction::triggered, m_search, &SearchField::focus);
    connect(m_actions->next, &QAction::triggered, this, [this] { m_list->moveSelection(1); });
    connect(m_actions->previous, &QAction::triggered, this, [this] { m_list->moveSelection(-1); });
    connect(m_actions->page, &QAction::triggered, this, &MainWindow::pageAbstract);
    connect(m_actions->star, &QAction::triggered, m_list, &PaperListController::toggleStar);
    connect(m_actions->toggleRead, &QAction::triggered, m_list, &PaperListController::toggleRead);
    connect(m_actions->markDayRead, &QAction::triggered, m_list, &PaperListController::markAllRead);
    connect(m_commands, &PaperCommands::status, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_commands, &PaperCommands::failed, this, [this](const QString &text) { showMessage(text); });
    connect(m_actions->resetFilters, &QAction::triggered, m_filterBar, &PaperFilterBar::reset);
}

void MainWindow::buildCentral()
{
    m_ui->demoBanner->hide();
    connect(m_ui->demoBanner, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"library"_s)
            emit leaveDemoRequested();
        else
            openSettings();
    });
    connect(m_message, &MessageBar::retryRequested, this, &MainWindow::runNow);
    connect(m_message, &MessageBar::settingsRequested, this, &MainWindow::openSettings);
    connect(m_filterBar, &PaperFilterBar::changed, this, &MainWindow::applyFilter);

    m_ui->days->setModel(m_days);
    m_ui->days->setItemDelegate(new DayItemDelegate(m_ui->days));
    connect(m_ui->days->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && m_days->dayAt(current.row()) != m_currentDay)
                    showDay(m_days->dayAt(current.row()));
            });

    connect(m_list, &PaperListController::currentChanged, this, &MainWindow::showPaper);
    connect(m_list, &PaperListController::starChanged, m_ui->detail, &PaperDetailView::setStarred);
    connect(m_list, &PaperListController::readChanged, m_actions, &MainActions::setCurrentRead);
    connect(m_list, &PaperListController::failed, this, [this](const QString &text) { showMessage(text); });
    connect(m_ui->papers, &QTableView::doubleClicked, m_ui->detail, &PaperDetailView::openAbstractPage);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCountLabel);
    connect(m_ui->detail, &PaperDetailView::starToggled, this, [this](bool on) {
        const int row = m_list->currentSourceRow();
        if (row >= 0 && !m_papers->setStarred(row, on))
            showMessage(tr("Could not save the star: %1").arg(m_papers->lastError()));
    });
    connect(m_ui->detail, &PaperDetailView::openUrlRequested, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });

    m_ui->mainSplitter->setSizes({200, 1080});
    m_checklist = new FirstRunChecklist(m_settings, m_secrets, m_ui->central);
    m_ui->centralLayout->insertWidget(3, m_checklist);
    connect(m_checklist, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"run"_s) runNow();
        else if (link == u"interests"_s) openCriteriaEditor();
        else openSettingsAt(link == u"model"_s ? 1 : 0);
    });
}

void MainWindow::connectDaily()
{
    if (m_daily) {
        connect(m_daily, &DailyController::runStarted, this, &MainWindow::onRunStarted);
        connect(m_daily, &DailyController::progress, m_runStatus, &RunStatusWidget::progress);
        connect(m_daily, &DailyController::runFinished, this, &MainWindow::onRunFinished);
        connect(m_daily, &DailyController::nextRunChanged, m_runStatus, &RunStatusWidget::setNextRun);
        connect(m_actions->cancel, &QAction::triggered, m_daily, &DailyController::cancel);
        connect(m_runStatus, &RunStatusWidget::cancelRequested, m_daily, &DailyController::cancel);
        m_runStatus->setNextRun(m_daily->nextRun());
        if (m_daily->isRunning())
            onRunStarted({});
        return;
    }
    m_actions->run->setEnabled(false);
    m_actions->run->setToolTip(tr("Running needs an API key: add one in Settings"));
    m_message->setRetryAvailable(false);
}

void MainWindow::setDemoDay(const QDate &day, const QString &model)
{
    m_demoDay = day;
    m_demoModel = model;
    // Qt adds the application's name to the title bar itself.
    setWindowTitle(tr("Demo day"));
    const QColor accent = palette().color(QPalette::Highlight);
    m_ui->demoBanner->setStyleSheet(u"QLabel#demoBanner { background: rgba(%1,%2,%3,48); }"_s.arg(accent.red())
                                    .arg(accent.green())
                                    .arg(accent.blue()));
    m_ui->demoBanner->setText(
        tr("<b>Demo day</b> — the real arXiv papers of %1 (cs.LG, cs.AI) as the reference tool scored them with %2. "
           "Nothing here is your data and nothing is sent anywhere. "
           "<a href=\"settings\">Choose your categories and add an API key</a> to get your own digest every morning, "
           "then <a href=\"library\">open your own library</a>.")
            .arg(QLocale().toString(day, QLocale::LongFormat), model.toHtmlEscaped()));
    m_ui->demoBanner->show();
    m_checklist->hide();
    m_runStatus->setNextRunText(tr("Demo library: nothing is fetched or sent"));
    m_days->setToday(day);
    m_days->setTodayCaption(tr("Demo day"));
    reloadAll();
    showDay(day);
}

void MainWindow::applySettings()
{
    m_papers->setCutoffs(m_settings.relevanceCutoff(), m_settings.noveltyCutoff());
    m_papers->setFollowedAuthors(m_settings.followedAuthors());
    m_days->setCutoffs(m_settings.relevanceCutoff(), m_settings.noveltyCutoff());
}

void MainWindow::reloadAll()
{
    const QDate keep = m_currentDay;
    m_days->reload();
    if (keep.isValid()) {
        const int row = m_days->rowOfDay(keep);
        const QSignalBlocker block(m_ui->days->selectionModel());
        if (row >= 0)
            m_ui->days->setCurrentIndex(m_days->index(row));
    }
    if (m_ui->search && !m_ui->search->text().trimmed().isEmpty())
        runSearch();
    else if (keep.isValid())
        m_papers->reload();
    // An empty library (not the demo) starts with what to do first, in place of an empty table.
    m_checklist->setVisible(!isDemo() && LibraryRepository(m_database).isEmpty());
}

void MainWindow::showDay(const QDate &day)
{
    if (!day.isValid())
        return;
    if (m_days->rowOfDay(day) < 0)
        m_days->reload();
    m_currentDay = day;
    m_commands->setDay(day);
    {
        const QSignalBlocker block(m_ui->search);
        m_ui->search->clear();
    }
    m_papers->showDay(day);
    m_proxy->keepUnreadAsOfNow(); // the Unread filter lists what was unread when the day was chosen
    if (!m_papers->lastError().isEmpty())
        showMessage(tr("Could not read the papers of %1: %2").arg(day.toString(Qt::ISODate), m_papers->lastError()));
    const int row = m_days->rowOfDay(day);
    if (row >= 0) {
        const QSignalBlocker block(m_ui->days->selectionModel());
        m_ui->days->setCurrentIndex(m_days->index(row));
    }
    m_ui->papers->sortByColumn(m_ui->papers->horizontalHeader()->sortIndicatorSection(),
                          m_ui->papers->horizontalHeader()->sortIndicatorOrder());
    m_filterBar->updateCategories(*m_papers);
    applyFilter();
    // An empty digest with papers stored: show them all rather than an empty table.
    if (m_proxy->rowCount() == 0 && m_papers->rowCount() > 0 && m_filterBar->isDigestScope())
        m_filterBar->showAllPapers();
    m_list->selectFirst();
    // After a day change the keys go to the list again (not while the reader is editing the search).
    if (!m_ui->search->hasFocus())
        m_ui->papers->setFocus(Qt::OtherFocusReason);
    if (isVisible() && !isActiveWindow() && QApplication::activeWindow() == nullptr)
        activateWindow();
}

void MainWindow::runSearch()
{
    const QString text = m_ui->search->text().trimmed();
    if (text.isEmpty()) {
        showDay(m_currentDay.isValid() ? m_currentDay : m_days->today());
        return;
    }
    m_papers->showSearch(text, 500);
    m_ui->papers->sortByColumn(PaperTableModel::RankColumn, Qt::AscendingOrder);
    m_filterBar->updateCategories(*m_papers);
    applyFilter();
    m_list->selectFirst();
    // The top hit of a search being typed was not chosen by the reader: it is shown, not marked read.
    if (m_ui->search->hasFocus())
        m_list->cancelAutoRead();
}

void MainWindow::applyFilter()
{
    const bool searching = m_papers->source() == PaperTableModel::Source::Search;
    m_proxy->setFilter(m_filterBar->filter(searching));
    m_filterBar->setSearching(searching);
    // Search results come from every day: say which (a day's own list needs no such column).
    m_ui->papers->horizontalHeader()->setSectionHidden(PaperTableModel::DayColumn, !searching);
    updateCountLabel();
}

void MainWindow::updateCountLabel()
{
    m_filterBar->updateCount(m_proxy->rowCount(), m_proxy->hiddenCount(),
                             m_papers->source() == PaperTableModel::Source::Search);
}

void MainWindow::showPaper(int sourceRow)
{
    const LibraryPaper *p = m_papers->paperAt(sourceRow);
    if (!p) {
        m_ui->detail->showPaper(std::nullopt);
        return;
    }
    m_ui->detail->showPaper(LibraryRepository(m_database).paper(p->id), m_papers->isFollowed(*p));
    m_actions->setCurrentRead(p->read);
}

void MainWindow::pageAbstract()
{
    // At the end of the text, Space moves on to the next paper, as in a mail reader.
    if (!m_ui->detail->pageDown())
        m_list->moveSelection(1);
}

void MainWindow::runNow()
{
    if (!m_daily || m_daily->isRunning())
        return;
    hideMessage();
    // Today means "the newest announcement"; an earlier day in the list is run for that day.
    const QDate day = m_currentDay.isValid() && m_currentDay != m_days->today() ? m_currentDay : QDate();
    m_daily->runNow(day);
}

void MainWindow::onRunStarted(const QDate &day)
{
    m_runDay = day;
    m_actions->run->setEnabled(false);
    m_actions->cancel->setEnabled(true);
    m_runStatus->runStarted();
}

void MainWindow::onRunFinished(const RunSummary &summary)
{
    m_actions->run->setEnabled(m_daily != nullptr);
    m_actions->cancel->setEnabled(false);
    m_runStatus->runFinished();
    reloadAll();
    if (summary.cancelled) {
        statusBar()->showMessage(tr("Run cancelled; what was scored so far is kept."), 8000);
    } else if (!summary.error.isEmpty()) {
        // A run that failed before reading the feed has no day of its own: name the one it was started for.
        showMessage(RunTexts::runFailed(summary.day.isValid() ? summary.day : m_runDay, summary.error, summary.failure));
    } else if (summary.noAnnouncement) {
        statusBar()->showMessage(tr("arXiv announced nothing new for %1.").arg(RunTexts::dayName(summary.day)), 8000);
    } else {
        statusBar()->showMessage(tr("%n relevant paper(s) for %1, %2", nullptr, summary.relevant)
                                     .arg(RunTexts::dayName(summary.day),
                                          summary.priceKnown ? CostFormat::usd(summary.costUsd) : tr("price unknown")),
                                 10000);
        if (summary.budgetReached)
            showMessage(tr("The daily budget was reached: some papers were not scored. Raise the budget in Settings "
                           "and run again to score the rest (scores already paid for are kept)."));
        if (summary.day.isValid())
            showDay(summary.day);
    }
    m_ui->papers->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showMessage(const QString &text, bool isError)
{
    m_message->show(text, isError);
}

void MainWindow::hideMessage()
{
    m_message->hide();
}

bool MainWindow::isMessageVisible() const
{
    return m_message->isShown();
}

void MainWindow::openSettings()
{
    openSettingsAt(0);
}

void MainWindow::openSettingsAt(int page)
{
    SettingsDialog dialog(m_settings, m_secrets, this);
    dialog.setCurrentPage(page);
    if (dialog.exec() == QDialog::Accepted) {
        applySettings();
        reloadAll();
        m_checklist->refresh();
        if (isDemo()) {
            const bool hasKey = !dialog.apiKeyEdit()->text().trimmed().isEmpty()
                || !LlmApiKeys::fromEnvironment(m_settings.provider()).isEmpty();
            if (hasKey)
                offerToLeaveDemo();
            else
                showMessage(tr("Settings saved. The demo day is not your library: add an API key to get your own "
                               "digest, then open your library from the banner above."),
                            false);
        }
    }
}

void MainWindow::offerToLeaveDemo()
{
    // Window-modal and asynchronous: the demo stays usable behind it until the user decides.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Open your library?"),
                                tr("PaperSieve can now read your own categories and score them with your model.\n\n"
                                   "Leave the demo day and open your own library? The demo is not copied into it."),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"leaveDemoQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *open = box->addButton(tr("Open my library"), QMessageBox::AcceptRole);
    box->addButton(tr("Stay in the demo"), QMessageBox::RejectRole);
    box->setDefaultButton(open);
    connect(box, &QMessageBox::finished, this, [this, box, open] {
        if (box->clickedButton() == open)
            emit leaveDemoRequested();
        else
            showMessage(tr("You can open your own library later from the banner above."), false);
    });
    box->open();
}

void MainWindow::openCriteriaEditor()
{
    CriteriaEditorDialog dialog(m_database, m_settings, m_currentDay, this);
    if (dialog.exec() == QDialog::Accepted)
        m_checklist->refresh();
}

void MainWindow::openRunCosts()
{
    RunCostsDialog dialog(m_database, m_days->today(), this);
    dialog.exec();
}

void MainWindow::saveState()
{
    QSettings &s = m_settings.raw();
    s.setValue(u"window/geometry"_s, saveGeometry());
    s.setValue(u"window/state"_s, QMainWindow::saveState());
    s.setValue(u"window/mainSplitter"_s, m_ui->mainSplitter->saveState());
    s.setValue(u"window/paperSplitter"_s, m_ui->paperSplitter->saveState());
    s.setValue(u"window/paperHeader"_s, m_ui->papers->horizontalHeader()->saveState());
}

void MainWindow::restoreState()
{
    QSettings &s = m_settings.raw();
    restoreGeometry(s.value(u"window/geometry"_s).toByteArray());
    QMainWindow::restoreState(s.value(u"window/state"_s).toByteArray());
    m_ui->mainSplitter->restoreState(s.value(u"window/mainSplitter"_s).toByteArray());
    m_ui->paperSplitter->restoreState(s.value(u"window/paperSplitter"_s).toByteArray());
    m_ui->papers->horizontalHeader()->restoreState(s.value(u"window/paperHeader"_s).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    // Hiding, not quitting: whether the app keeps running in the tray is the DesktopShell's decision.
    QMainWindow::closeEvent(event);
}
