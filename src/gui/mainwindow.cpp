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

// The DAILY engineer's controller; until the core builds it the window runs without it (as in the demo).
#include "schedule/dailycontroller.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
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
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QString stageText(const QString &stage)
{
    if (stage == u"feed")
        return MainWindow::tr("Fetching the feed");
    if (stage == u"metadata")
        return MainWindow::tr("Completing metadata");
    if (stage == u"authors")
        return MainWindow::tr("Matching followed authors");
    if (stage == u"pre-filter")
        return MainWindow::tr("Pre-filtering titles");
    if (stage == u"scoring")
        return MainWindow::tr("Scoring abstracts");
    return stage;
}

// What to do about a failed run, from its one-line error.
QString adviceFor(const QString &error)
{
    const QString e = error.toLower();
    if (e.contains(u"key"_s) || e.contains(u"401"_s) || e.contains(u"unauthor"_s))
        return MainWindow::tr("Check the API key in Settings, then run again.");
    if (e.contains(u"budget"_s))
        return MainWindow::tr("Raise the daily budget in Settings, or run again tomorrow.");
    if (e.contains(u"network"_s) || e.contains(u"timeout"_s) || e.contains(u"timed out"_s) || e.contains(u"host"_s)
        || e.contains(u"connect"_s))
        return MainWindow::tr("Check the network connection, then press Retry.");
    if (e.contains(u"429"_s) || e.contains(u"rate"_s))
        return MainWindow::tr("The provider is limiting requests: wait a few minutes, then press Retry.");
    return MainWindow::tr("Press Retry; the papers and scores already stored are kept and not paid for twice.");
}

} // namespace

MainWindow::MainWindow(Database &database, AppSettings &settings, SecretStore &secrets, DailyController *daily,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_daily(daily)
    , m_days(new DayListModel(database, this))
    , m_papers(new PaperTableModel(database, this))
    , m_proxy(new PaperFilterProxyModel(this))
{
    setWindowTitle(tr("PaperSieve"));
    setObjectName(u"MainWindow"_s);
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
    resize(1280, 820);
    restoreState();
    reloadAll();
    showDay(m_days->today());
}

MainWindow::~MainWindow() = default;

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
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
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
    // The search box lives in the filter bar (buildCentral), where a narrow window never hides it.
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search all days: title, abstract, authors, comment  ( / )"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer->start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        runSearch();
        m_table->setFocus();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_search, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        m_search->clear();
        m_table->setFocus();
    });
}

void MainWindow::buildCentral()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_demoBanner = new QLabel(central);
    m_demoBanner->setObjectName(u"demoBanner"_s);
    m_demoBanner->setWordWrap(true);
    m_demoBanner->setTextFormat(Qt::RichText);
    m_demoBanner->setMargin(8);
    m_demoBanner->hide();
    connect(m_demoBanner, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"library"_s)
            emit leaveDemoRequested();
        else
            openSettings();
    });
    layout->addWidget(m_demoBanner);

    m_messageBar = new QWidget(central);
    m_messageBar->setObjectName(u"messageBar"_s);
    m_messageBar->setAutoFillBackground(true);
    auto *messageLayout = new QHBoxLayout(m_messageBar);
    messageLayout->setContentsMargins(8, 6, 8, 6);
    m_messageText = new QLabel(m_messageBar);
    m_messageText->setWordWrap(true);
    m_messageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageRetry = new QToolButton(m_messageBar);
    m_messageRetry->setText(tr("Retry"));
    connect(m_messageRetry, &QToolButton::clicked, this, &MainWindow::runNow);
    auto *messageSettings = new QToolButton(m_messageBar);
    messageSettings->setText(tr("Settings…"));
    connect(messageSettings, &QToolButton::clicked, this, &MainWindow::openSettings);
    auto *messageClose = new QToolButton(m_messageBar);
    messageClose->setText(u"✕"_s);
    messageClose->setAutoRaise(true);
    messageClose->setToolTip(tr("Dismiss"));
    connect(messageClose, &QToolButton::clicked, this, &MainWindow::hideMessage);
    messageLayout->addWidget(m_messageText, 1);
    messageLayout->addWidget(m_messageRetry);
    messageLayout->addWidget(messageSettings);
    messageLayout->addWidget(messageClose);
    m_messageBar->hide();
    layout->addWidget(m_messageBar);

    // Filter bar.
    auto *filters = new QWidget(central);
    auto *fl = new QHBoxLayout(filters);
    fl->setContentsMargins(8, 6, 8, 6);
    m_scope = new QComboBox(filters);
    m_scope->addItem(tr("Digest (relevant)"), int(PaperFilterProxyModel::Scope::Relevant));
    m_scope->addItem(tr("All scored"), int(PaperFilterProxyModel::Scope::Scored));
    m_scope->addItem(tr("All papers"), int(PaperFilterProxyModel::Scope::All));
    m_scope->setToolTip(tr("Which papers of the day to list"));
    m_minRelevance = new QSpinBox(filters);
    m_minRelevance->setRange(0, 10);
    m_minRelevance->setSpecialValueText(tr("any"));
    m_minRelevance->setToolTip(tr("Only papers with at least this relevance"));
    m_minNovelty = new QSpinBox(filters);
    m_minNovelty->setRange(0, 10);
    m_minNovelty->setSpecialValueText(tr("any"));
    m_minNovelty->setToolTip(tr("Only papers with at least this novelty"));
    m_starred = new QCheckBox(tr("Starred"), filters);
    m_unread = new QCheckBox(tr("Unread"), filters);
    m_category = new QComboBox(filters);
    m_category->setToolTip(tr("Only papers listed in this category (primary or cross-list)"));
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_countLabel = new QLabel(filters);
    m_countLabel->setObjectName(u"countLabel"_s);
    m_search->setParent(filters);
    fl->addWidget(m_search, 2);
    fl->addSpacing(8);
    auto *relevanceLabel = new QLabel(tr("Relevance ≥"), filters);
    relevanceLabel->setBuddy(m_minRelevance);
    auto *noveltyLabel = new QLabel(tr("Novelty ≥"), filters);
    noveltyLabel->setBuddy(m_minNovelty);
    for (QWidget *w : std::initializer_list<QWidget *>{m_scope, relevanceLabel, m_minRelevance, noveltyLabel, m_minNovelty,
                                                       m_starred, m_unread, m_category})
        fl->addWidget(w);
    fl->addStretch();
    fl->addWidget(m_countLabel);
    layout->addWidget(filters);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    connect(m_minRelevance, &QSpinBox::valueChanged, this, &MainWindow::applyFilter);
    connect(m_minNovelty, &QSpinBox::valueChanged, this, &MainWindow::applyFilter);
    connect(m_starred, &QCheckBox::toggled, this, &MainWindow::applyFilter);
    connect(m_unread, &QCheckBox::toggled, this, &MainWindow::applyFilter);
    connect(m_category, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);

    m_dayView = new QListView(central);
    m_dayView->setObjectName(u"days"_s);
    m_dayView->setModel(m_days);
    m_dayView->setItemDelegate(new DayItemDelegate(m_dayView));
    m_dayView->setUniformItemSizes(true);
    m_dayView->setMinimumWidth(150);
    connect(m_dayView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && m_days->dayAt(current.row()) != m_currentDay)
                    showDay(m_days->dayAt(current.row()));
            });

    m_table = new QTableView(central);
    m_table->setObjectName(u"papers"_s);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new PaperItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PaperTableModel::RankColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(PaperTableModel::TitleColumn, QHeaderView::Stretch);
    const int narrow = m_table->fontMetrics().horizontalAdvance(u"Nov.__"_s) + 12;
    header->resizeSection(PaperTableModel::RankColumn, narrow);
    header->resizeSection(PaperTableModel::RelevanceColumn, narrow);
    header->resizeSection(PaperTableModel::NoveltyColumn, narrow);
    header->resizeSection(PaperTableModel::AuthorsColumn, m_table->fontMetrics().horizontalAdvance(u"M"_s) * 18);
    header->resizeSection(PaperTableModel::CategoryColumn, m_table->fontMetrics().horizontalAdvance(u"Category__"_s) + 8);
    header->resizeSection(PaperTableModel::StarColumn, narrow - 8);
    header->resizeSection(PaperTableModel::ReadColumn, narrow - 8);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::currentPaperChanged);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == PaperTableModel::StarColumn)
            toggleStar();
    });
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::openCurrentPaper);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCountLabel);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateCountLabel);

    m_detail = new PaperDetailView(central);
    m_detail->setObjectName(u"detail"_s);
    connect(m_detail, &PaperDetailView::starToggled, this, [this](bool on) {
        const int row = currentSourceRow();
        if (row >= 0 && !m_papers->setStarred(row, on))
            showMessage(tr("Could not save the star: %1").arg(m_papers->lastError()));
    });
    connect(m_detail, &PaperDetailView::openUrlRequested, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });

    m_paperSplitter = new QSplitter(Qt::Vertical, central);
    m_paperSplitter->setObjectName(u"paperSplitter"_s);
    m_paperSplitter->addWidget(m_table);
    m_paperSplitter->addWidget(m_detail);
    m_paperSplitter->setStretchFactor(0, 3);
    m_paperSplitter->setStretchFactor(1, 2);
    m_paperSplitter->setChildrenCollapsible(false);

    m_mainSplitter = new QSplitter(Qt::Horizontal, central);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_dayView);
    m_mainSplitter->addWidget(m_paperSplitter);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({200, 1080});
    m_mainSplitter->setChildrenCollapsible(false);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);
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
    m_messageRetry->setEnabled(false);
}

void MainWindow::setDemoDay(const QDate &day, const QString &model)
{
    m_demoDay = day;
    m_demoModel = model;
    setWindowTitle(tr("PaperSieve — demo"));
    const QColor accent = palette().color(QPalette::Highlight);
    m_demoBanner->setStyleSheet(u"QLabel#demoBanner { background: rgba(%1,%2,%3,48); }"_s.arg(accent.red())
                                    .arg(accent.green())
                                    .arg(accent.blue()));
    m_demoBanner->setText(
        tr("<b>Demo day</b> — the real arXiv papers of %1 (cs.LG, cs.AI) as the reference tool scored them with %2. "
           "Nothing here is your data and nothing is sent anywhere. "
           "<a href=\"settings\">Choose your categories and add an API key</a> to get your own digest every morning, "
           "then <a href=\"library\">open your own library</a>.")
            .arg(QLocale().toString(day, QLocale::LongFormat), model.toHtmlEscaped()));
    m_demoBanner->show();
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
        const QSignalBlocker block(m_dayView->selectionModel());
        if (row >= 0)
            m_dayView->setCurrentIndex(m_days->index(row));
    }
    if (m_search && !m_search->text().trimmed().isEmpty())
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
        const QSignalBlocker block(m_search);
        m_search->clear();
    }
    m_papers->showDay(day);
    if (!m_papers->lastError().isEmpty())
        showMessage(tr("Could not read the papers of %1: %2").arg(day.toString(Qt::ISODate), m_papers->lastError()));
    const int row = m_days->rowOfDay(day);
    if (row >= 0) {
        const QSignalBlocker block(m_dayView->selectionModel());
        m_dayView->setCurrentIndex(m_days->index(row));
    }
    m_table->sortByColumn(m_table->horizontalHeader()->sortIndicatorSection(),
                          m_table->horizontalHeader()->sortIndicatorOrder());
    updateCategoryChoices();
    applyFilter();
    // An empty digest with papers stored: show them all rather than an empty table.
    if (m_proxy->rowCount() == 0 && m_papers->rowCount() > 0 && m_scope->currentIndex() == 0)
        m_scope->setCurrentIndex(2);
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, PaperTableModel::TitleColumn));
    else
        m_detail->showPaper(std::nullopt);
    if (isVisible() && !isActiveWindow() && QApplication::activeWindow() == nullptr)
        activateWindow();
}

void MainWindow::runSearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        showDay(m_currentDay.isValid() ? m_currentDay : m_days->today());
        return;
    }
    m_papers->showSearch(text, 500);
    m_table->sortByColumn(PaperTableModel::RankColumn, Qt::AscendingOrder);
    updateCategoryChoices();
    applyFilter();
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, PaperTableModel::TitleColumn));
    else
        m_detail->showPaper(std::nullopt);
}

void MainWindow::applyFilter()
{
    PaperFilterProxyModel::Filter f;
    // A search spans the whole history: every match counts, whatever its score.
    f.scope = m_papers->source() == PaperTableModel::Source::Search
        ? PaperFilterProxyModel::Scope::All
        : PaperFilterProxyModel::Scope(m_scope->currentData().toInt());
    f.minRelevance = m_minRelevance->value();
    f.minNovelty = m_minNovelty->value();
    f.starredOnly = m_starred->isChecked();
    f.unreadOnly = m_unread->isChecked();
    f.category = m_category->currentData().toString();
    m_proxy->setFilter(f);
    m_scope->setEnabled(m_papers->source() != PaperTableModel::Source::Search);
    updateCountLabel();
}

void MainWindow::updateCategoryChoices()
{
    const QString current = m_category->currentData().toString();
    QMap<QString, int> counts;
    for (int row = 0; row < m_papers->rowCount(); ++row)
        ++counts[m_papers->paperAt(row)->primaryCategory];
    const QSignalBlocker block(m_category);
    m_category->clear();
    m_category->addItem(tr("All categories"), QString());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!it.key().isEmpty())
            m_category->addItem(u"%1 (%2)"_s.arg(it.key()).arg(it.value()), it.key());
    }
    const int keep = m_category->findData(current);
    if (keep < 0 && !current.isEmpty()) {
        m_category->addItem(current, current);
        m_category->setCurrentIndex(m_category->count() - 1);
    } else {
        m_category->setCurrentIndex(std::max(0, keep));
    }
}

void MainWindow::updateCountLabel()
{
    if (!m_countLabel)
        return;
    const int shown = m_proxy->rowCount();
    const int hidden = m_proxy->hiddenCount();
    QString text = m_papers->source() == PaperTableModel::Source::Search
        ? tr("%n match(es) in all days", nullptr, shown)
        : tr("%n paper(s)", nullptr, shown);
    if (hidden > 0)
        text += u" · "_s + tr("%n hidden by filters", nullptr, hidden);
    m_countLabel->setText(text);
}

int MainWindow::currentSourceRow() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? m_proxy->mapToSource(index).row() : -1;
}

void MainWindow::currentPaperChanged()
{
    const int row = currentSourceRow();
    const LibraryPaper *p = m_papers->paperAt(row);
    if (!p) {
        m_detail->showPaper(std::nullopt);
        return;
    }
    m_detail->showPaper(LibraryRepository(m_database).paper(p->id), m_papers->isFollowed(*p));
    m_readTimer->start();
}

void MainWindow::moveSelection(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, rows - 1) : 0;
    m_table->setCurrentIndex(m_proxy->index(row, PaperTableModel::TitleColumn));
    m_table->scrollTo(m_table->currentIndex());
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
    m_detail->setStarred(on);
}

void MainWindow::openCurrentPaper()
{
    m_detail->openAbstractPage();
}

void MainWindow::pageAbstract()
{
    // At the end of the text, Space moves on to the next paper, as in a mail reader.
    if (!m_detail->pageDown())
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

void MainWindow::onProgress(const QString &stage, int done, int total)
{
    m_stageLabel->setText(total > 0 ? tr("%1 %2/%3").arg(stageText(stage)).arg(done).arg(total) : stageText(stage));
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
                        .arg(QLocale().toString(summary.day, QLocale::ShortFormat), summary.error, adviceFor(summary.error)));
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
    m_messageText->setText(text);
    QPalette pal = m_messageBar->palette();
    const QColor base = palette().color(QPalette::Window);
    const QColor tint = isError ? QColor(0xd0, 0x40, 0x30) : palette().color(QPalette::Highlight);
    // A tint of the window colour, so it works with light and dark palettes.
    pal.setColor(QPalette::Window, QColor((base.red() * 3 + tint.red()) / 4, (base.green() * 3 + tint.green()) / 4,
                                          (base.blue() * 3 + tint.blue()) / 4));
    m_messageBar->setPalette(pal);
    m_messageRetry->setVisible(isError);
    m_messageBar->show();
}

void MainWindow::hideMessage()
{
    m_messageBar->hide();
}

bool MainWindow::isMessageVisible() const
{
    return !m_messageBar->isHidden();
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
    s.setValue(u"window/mainSplitter"_s, m_mainSplitter->saveState());
    s.setValue(u"window/paperSplitter"_s, m_paperSplitter->saveState());
    s.setValue(u"window/paperHeader"_s, m_table->horizontalHeader()->saveState());
}

void MainWindow::restoreState()
{
    QSettings &s = m_settings.raw();
    restoreGeometry(s.value(u"window/geometry"_s).toByteArray());
    QMainWindow::restoreState(s.value(u"window/state"_s).toByteArray());
    m_mainSplitter->restoreState(s.value(u"window/mainSplitter"_s).toByteArray());
    m_paperSplitter->restoreState(s.value(u"window/paperSplitter"_s).toByteArray());
    m_table->horizontalHeader()->restoreState(s.value(u"window/paperHeader"_s).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    // Hiding, not quitting: whether the app keeps running in the tray is the DesktopShell's decision.
    QMainWindow::closeEvent(event);
}
