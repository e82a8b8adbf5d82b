// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "criteriaeditordialog.h"
#include "dayitemdelegate.h"
#include "llm/llmapikeys.h"
#include "models/daylistmodel.h"
#include "models/paperfilterproxymodel.h"
#include "models/papertablemodel.h"
#include "paperdetailview.h"
#include "paperitemdelegate.h"
#include "pipeline/dailyrun.h"
#include "runcostsdialog.h"
#include "settings/appsettings.h"
#include "settingsdialog.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"
#include "text/costformat.h"
#include "ui_mainwindow.h"

// The DAILY engineer's controller; until the core builds it the window runs without it (as in the demo).
#include "schedule/dailycontroller.h"
#include "runtexts.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMap>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

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

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(60); // answers as you type, once per burst of keys
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    m_readTimer = new QTimer(this);
    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(1200); // a paper counts as read once it was shown for a moment
    connect(m_readTimer, &QTimer::timeout, this, [this] {
        const int row = currentSourceRow();
        if (row >= 0)
            m_papers->setRead(row, true);
    });

    buildActions();
    buildCentral();
    buildStatusBar();
    applySettings();
    connectDaily();
    restoreState();
    reloadAll();
    showDay(m_days->today());
}

MainWindow::~MainWindow() = default;

QTableView *MainWindow::paperView() const
{
    return m_ui->papers;
}

QListView *MainWindow::dayView() const
{
    return m_ui->days;
}

PaperDetailView *MainWindow::detailView() const
{
    return m_ui->detail;
}

QLineEdit *MainWindow::searchField() const
{
    return m_ui->search;
}

QLabel *MainWindow::messageLabel() const
{
    return m_ui->messageText;
}

void MainWindow::buildActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));

    m_runAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run now"), this);
    m_runAction->setShortcut(QKeySequence::Refresh);
    m_runAction->setToolTip(tr("Fetch, pre-filter and score the selected day now (F5)"));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runNow);
    m_cancelAction = new QAction(style()->standardIcon(QStyle::SP_MediaStop), tr("&Cancel run"), this);
    m_cancelAction->setEnabled(false);
    fileMenu->addAction(m_runAction);
    fileMenu->addAction(m_cancelAction);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QAction *criteria = toolsMenu->addAction(tr("Research &interests…"), this, &MainWindow::openCriteriaEditor);
    criteria->setShortcut(QKeySequence(u"Ctrl+I"_s));
    QAction *settingsAction = toolsMenu->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settingsAction->setShortcut(QKeySequence::Preferences);
    QAction *costs = toolsMenu->addAction(tr("Run &costs…"), this, &MainWindow::openRunCosts);

    QAction *find = viewMenu->addAction(tr("&Search all papers"), this, [this] {
        m_ui->search->setFocus(Qt::ShortcutFocusReason);
        m_ui->search->selectAll();
    });
    find->setShortcuts({QKeySequence(Qt::Key_Slash), QKeySequence(QKeySequence::Find)});
    viewMenu->addSeparator();
    viewMenu->addAction(tr("&Next paper"), QKeySequence(u"J"_s), this, [this] { moveSelection(1); });
    viewMenu->addAction(tr("&Previous paper"), QKeySequence(u"K"_s), this, [this] { moveSelection(-1); });
    viewMenu->addAction(tr("Page the abstract"), QKeySequence(u"Space"_s), this, &MainWindow::pageAbstract);
    viewMenu->addAction(tr("S&tar"), QKeySequence(u"S"_s), this, &MainWindow::toggleStar);
    viewMenu->addAction(tr("&Open in browser"), QKeySequence(u"O"_s), this, &MainWindow::openCurrentPaper);

    QToolBar *tb = addToolBar(tr("Main"));
    tb->setObjectName(u"MainToolBar"_s);
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->addAction(m_runAction);
    tb->addAction(m_cancelAction);
    tb->addSeparator();
    tb->addAction(criteria);
    tb->addAction(settingsAction);
    tb->addAction(costs);
    // The search box lives in the filter bar, where a narrow window never hides it.
    connect(m_ui->search, &QLineEdit::textChanged, this, [this] { m_searchTimer->start(); });
    connect(m_ui->search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        runSearch();
        m_ui->papers->setFocus();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_ui->search, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        m_ui->search->clear();
        m_ui->papers->setFocus();
    });
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

    connect(m_ui->messageRetry, &QToolButton::clicked, this, &MainWindow::runNow);
    connect(m_ui->messageSettings, &QToolButton::clicked, this, &MainWindow::openSettings);
    connect(m_ui->messageDismiss, &QToolButton::clicked, this, &MainWindow::hideMessage);
    m_ui->messageBar->hide();

    // Filter bar. The scope's item data are the proxy's values, which Designer cannot hold.
    m_ui->scope->addItem(tr("Digest (relevant)"), int(PaperFilterProxyModel::Scope::Relevant));
    m_ui->scope->addItem(tr("All scored"), int(PaperFilterProxyModel::Scope::Scored));
    m_ui->scope->addItem(tr("All papers"), int(PaperFilterProxyModel::Scope::All));
    connect(m_ui->scope, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    connect(m_ui->minRelevance, &QSpinBox::valueChanged, this, &MainWindow::applyFilter);
    connect(m_ui->minNovelty, &QSpinBox::valueChanged, this, &MainWindow::applyFilter);
    connect(m_ui->starredOnly, &QCheckBox::toggled, this, &MainWindow::applyFilter);
    connect(m_ui->unreadOnly, &QCheckBox::toggled, this, &MainWindow::applyFilter);
    connect(m_ui->category, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);

    m_ui->days->setModel(m_days);
    m_ui->days->setItemDelegate(new DayItemDelegate(m_ui->days));
    connect(m_ui->days->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && m_days->dayAt(current.row()) != m_currentDay)
                    showDay(m_days->dayAt(current.row()));
            });

    m_ui->papers->setModel(m_proxy);
    m_ui->papers->setItemDelegate(new PaperItemDelegate(m_ui->papers));
    m_ui->papers->setSortingEnabled(true);
    m_ui->papers->sortByColumn(PaperTableModel::RankColumn, Qt::AscendingOrder);
    m_ui->papers->verticalHeader()->setDefaultSectionSize(m_ui->papers->fontMetrics().height() + 8);
    QHeaderView *header = m_ui->papers->horizontalHeader();
    header->setSectionResizeMode(PaperTableModel::TitleColumn, QHeaderView::Stretch);
    const int narrow = m_ui->papers->fontMetrics().horizontalAdvance(u"Nov.__"_s) + 12;
    header->resizeSection(PaperTableModel::RankColumn, narrow);
    header->resizeSection(PaperTableModel::RelevanceColumn, narrow);
    header->resizeSection(PaperTableModel::NoveltyColumn, narrow);
    header->resizeSection(PaperTableModel::AuthorsColumn, m_ui->papers->fontMetrics().horizontalAdvance(u"M"_s) * 18);
    header->resizeSection(PaperTableModel::CategoryColumn, m_ui->papers->fontMetrics().horizontalAdvance(u"Category__"_s) + 8);
    header->resizeSection(PaperTableModel::StarColumn, narrow - 8);
    header->resizeSection(PaperTableModel::ReadColumn, narrow - 8);
    connect(m_ui->papers->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::currentPaperChanged);
    connect(m_ui->papers, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == PaperTableModel::StarColumn)
            toggleStar();
    });
    connect(m_ui->papers, &QTableView::doubleClicked, this, &MainWindow::openCurrentPaper);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCountLabel);

    connect(m_ui->detail, &PaperDetailView::starToggled, this, [this](bool on) {
        const int row = currentSourceRow();
        if (row >= 0 && !m_papers->setStarred(row, on))
            showMessage(tr("Could not save the star: %1").arg(m_papers->lastError()));
    });
    connect(m_ui->detail, &PaperDetailView::openUrlRequested, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });

    m_ui->mainSplitter->setSizes({200, 1080});
}

void MainWindow::buildStatusBar()
{
    m_stageLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop the run; what was already scored is kept"));
    m_nextRunLabel = new QLabel(this);
    m_stageLabel->setTextFormat(Qt::PlainText);
    m_nextRunLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_stageLabel);
    statusBar()->addWidget(m_progress);
    statusBar()->addWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_nextRunLabel);
    m_stageLabel->hide();
    m_progress->hide();
    m_cancelButton->hide();
}

void MainWindow::connectDaily()
{
    if (m_daily) {
        connect(m_daily, &DailyController::runStarted, this, &MainWindow::onRunStarted);
        connect(m_daily, &DailyController::progress, this, &MainWindow::onProgress);
        connect(m_daily, &DailyController::runFinished, this, &MainWindow::onRunFinished);
        connect(m_daily, &DailyController::nextRunChanged, this, &MainWindow::onNextRunChanged);
        connect(m_cancelAction, &QAction::triggered, m_daily, &DailyController::cancel);
        connect(m_cancelButton, &QToolButton::clicked, m_daily, &DailyController::cancel);
        onNextRunChanged(m_daily->nextRun());
        if (m_daily->isRunning())
            onRunStarted({});
        return;
    }
    m_runAction->setEnabled(false);
    m_runAction->setToolTip(tr("Running needs an API key: add one in Settings"));
    m_ui->messageRetry->setEnabled(false);
}

void MainWindow::setDemoDay(const QDate &day, const QString &model)
{
    m_demoDay = day;
    m_demoModel = model;
    setWindowTitle(tr("PaperSieve — demo"));
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
    m_nextRunLabel->setText(tr("Demo library: nothing is fetched or sent"));
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
}

void MainWindow::showDay(const QDate &day)
{
    if (!day.isValid())
        return;
    if (m_days->rowOfDay(day) < 0)
        m_days->reload();
    m_currentDay = day;
    {
        const QSignalBlocker block(m_ui->search);
        m_ui->search->clear();
    }
    m_papers->showDay(day);
    if (!m_papers->lastError().isEmpty())
        showMessage(tr("Could not read the papers of %1: %2").arg(day.toString(Qt::ISODate), m_papers->lastError()));
    const int row = m_days->rowOfDay(day);
    if (row >= 0) {
        const QSignalBlocker block(m_ui->days->selectionModel());
        m_ui->days->setCurrentIndex(m_days->index(row));
    }
    m_ui->papers->sortByColumn(m_ui->papers->horizontalHeader()->sortIndicatorSection(),
                          m_ui->papers->horizontalHeader()->sortIndicatorOrder());
    updateCategoryChoices();
    applyFilter();
    // An empty digest with papers stored: show them all rather than an empty table.
    if (m_proxy->rowCount() == 0 && m_papers->rowCount() > 0 && m_ui->scope->currentIndex() == 0)
        m_ui->scope->setCurrentIndex(2);
    if (m_proxy->rowCount() > 0)
        m_ui->papers->setCurrentIndex(m_proxy->index(0, PaperTableModel::TitleColumn));
    else
        m_ui->detail->showPaper(std::nullopt);
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
    updateCategoryChoices();
    applyFilter();
    if (m_proxy->rowCount() > 0)
        m_ui->papers->setCurrentIndex(m_proxy->index(0, PaperTableModel::TitleColumn));
    else
        m_ui->detail->showPaper(std::nullopt);
}

void MainWindow::applyFilter()
{
    PaperFilterProxyModel::Filter f;
    // A search spans the whole history: every match counts, whatever its score.
    f.scope = m_papers->source() == PaperTableModel::Source::Search
        ? PaperFilterProxyModel::Scope::All
        : PaperFilterProxyModel::Scope(m_ui->scope->currentData().toInt());
    f.minRelevance = m_ui->minRelevance->value();
    f.minNovelty = m_ui->minNovelty->value();
    f.starredOnly = m_ui->starredOnly->isChecked();
    f.unreadOnly = m_ui->unreadOnly->isChecked();
    f.category = m_ui->category->currentData().toString();
    m_proxy->setFilter(f);
    m_ui->scope->setEnabled(m_papers->source() != PaperTableModel::Source::Search);
    updateCountLabel();
}

void MainWindow::updateCategoryChoices()
{
    const QString current = m_ui->category->currentData().toString();
    QMap<QString, int> counts;
    for (int row = 0; row < m_papers->rowCount(); ++row)
        ++counts[m_papers->paperAt(row)->primaryCategory];
    const QSignalBlocker block(m_ui->category);
    m_ui->category->clear();
    m_ui->category->addItem(tr("All categories"), QString());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!it.key().isEmpty())
            m_ui->category->addItem(u"%1 (%2)"_s.arg(it.key()).arg(it.value()), it.key());
    }
    const int keep = m_ui->category->findData(current);
    if (keep < 0 && !current.isEmpty()) {
        m_ui->category->addItem(current, current);
        m_ui->category->setCurrentIndex(m_ui->category->count() - 1);
    } else {
        m_ui->category->setCurrentIndex(std::max(0, keep));
    }
}

void MainWindow::updateCountLabel()
{
    if (!m_ui->countLabel)
        return;
    const int shown = m_proxy->rowCount();
    const int hidden = m_proxy->hiddenCount();
    QString text = m_papers->source() == PaperTableModel::Source::Search
        ? tr("%n match(es) in all days", nullptr, shown)
        : tr("%n paper(s)", nullptr, shown);
    if (hidden > 0)
        text += u" · "_s + tr("%n hidden by filters", nullptr, hidden);
    m_ui->countLabel->setText(text);
}

int MainWindow::currentSourceRow() const
{
    const QModelIndex index = m_ui->papers->currentIndex();
    return index.isValid() ? m_proxy->mapToSource(index).row() : -1;
}

void MainWindow::currentPaperChanged()
{
    const int row = currentSourceRow();
    const LibraryPaper *p = m_papers->paperAt(row);
    if (!p) {
        m_ui->detail->showPaper(std::nullopt);
        return;
    }
    m_ui->detail->showPaper(LibraryRepository(m_database).paper(p->id), m_papers->isFollowed(*p));
    m_readTimer->start();
}

void MainWindow::moveSelection(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_ui->papers->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, rows - 1) : 0;
    m_ui->papers->setCurrentIndex(m_proxy->index(row, PaperTableModel::TitleColumn));
    m_ui->papers->scrollTo(m_ui->papers->currentIndex());
}

void MainWindow::toggleStar()
{
    const int row = currentSourceRow();
    const LibraryPaper *p = m_papers->paperAt(row);
    if (!p)
        return;
    const bool on = !p->starred;
    if (!m_papers->setStarred(row, on)) {
        showMessage(tr("Could not save the star: %1").arg(m_papers->lastError()));
        return;
    }
    m_ui->detail->setStarred(on);
}

void MainWindow::openCurrentPaper()
{
    m_ui->detail->openAbstractPage();
}

void MainWindow::pageAbstract()
{
    // At the end of the text, Space moves on to the next paper, as in a mail reader.
    if (!m_ui->detail->pageDown())
        moveSelection(1);
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
    Q_UNUSED(day)
    m_runAction->setEnabled(false);
    m_cancelAction->setEnabled(true);
    m_stageLabel->setText(tr("Starting…"));
    m_stageLabel->show();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelButton->show();
}

void MainWindow::onProgress(RunStage stage, int done, int total)
{
    m_stageLabel->setText(total > 0 ? tr("%1 %2/%3").arg(RunTexts::stage(stage)).arg(done).arg(total) : RunTexts::stage(stage));
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(std::min(done, total));
    } else {
        m_progress->setRange(0, 0);
    }
}

void MainWindow::onRunFinished(const RunSummary &summary)
{
    m_runAction->setEnabled(m_daily != nullptr);
    m_cancelAction->setEnabled(false);
    m_stageLabel->hide();
    m_progress->hide();
    m_cancelButton->hide();
    reloadAll();
    if (summary.cancelled) {
        statusBar()->showMessage(tr("Run cancelled; what was scored so far is kept."), 8000);
    } else if (!summary.error.isEmpty()) {
        showMessage(tr("The run for %1 failed: %2\n%3")
                        .arg(QLocale().toString(summary.day, QLocale::ShortFormat), summary.error,
                             RunTexts::advice(summary.failure)));
    } else if (summary.noAnnouncement) {
        statusBar()->showMessage(tr("arXiv announced nothing new for %1.").arg(QLocale().toString(summary.day, QLocale::ShortFormat)), 8000);
    } else {
        statusBar()->showMessage(tr("%n relevant paper(s) for %1, %2", nullptr, summary.relevant)
                                     .arg(QLocale().toString(summary.day, QLocale::ShortFormat),
                                          summary.priceKnown ? CostFormat::usd(summary.costUsd) : tr("price unknown")),
                                 10000);
        if (summary.budgetReached)
            showMessage(tr("The daily budget was reached: some papers were not scored. Raise the budget in Settings "
                           "and run again to score the rest (scores already paid for are kept)."));
        if (summary.day.isValid())
            showDay(summary.day);
    }
}

void MainWindow::onNextRunChanged(const QDateTime &at)
{
    m_nextRunLabel->setText(at.isValid() ? tr("Next run: %1").arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat))
                                         : tr("Daily run paused"));
}

void MainWindow::showMessage(const QString &text, bool isError)
{
    m_ui->messageText->setText(text);
    QPalette pal = m_ui->messageBar->palette();
    const QColor base = palette().color(QPalette::Window);
    const QColor tint = isError ? QColor(0xd0, 0x40, 0x30) : palette().color(QPalette::Highlight);
    // A tint of the window colour, so it works with light and dark palettes.
    pal.setColor(QPalette::Window, QColor((base.red() * 3 + tint.red()) / 4, (base.green() * 3 + tint.green()) / 4,
                                          (base.blue() * 3 + tint.blue()) / 4));
    m_ui->messageBar->setPalette(pal);
    m_ui->messageRetry->setVisible(isError);
    m_ui->messageBar->show();
}

void MainWindow::hideMessage()
{
    m_ui->messageBar->hide();
}

bool MainWindow::isMessageVisible() const
{
    return !m_ui->messageBar->isHidden();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, m_secrets, this);
    if (dialog.exec() == QDialog::Accepted) {
        applySettings();
        reloadAll();
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
    dialog.exec();
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
