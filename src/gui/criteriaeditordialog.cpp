// SPDX-License-Identifier: GPL-3.0-or-later
#include "criteriaeditordialog.h"

#include "llm/pricingtable.h"
#include "markdownhighlighter.h"
#include "pipeline/runconfig.h"
#include "selection/promptbuilder.h"
#include "settings/appsettings.h"
#include "storage/criteriarepository.h"
#include "storage/database.h"
#include "storage/feeddayrepository.h"
#include "storage/libraryrepository.h"
#include "storage/paperrepository.h"
#include "text/costformat.h"
#include "ui_criteriaeditordialog.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kSamplePapers = 2;
constexpr int kFallbackPaperCount = 900; // a usual cs.LG + cs.AI day after the announce-type filter
} // namespace

CriteriaEditorDialog::CriteriaEditorDialog(Database &database, AppSettings &settings, const QDate &day, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CriteriaEditorDialog>())
    , m_database(database)
    , m_settings(settings)
    , m_base(settings.criteria())
    , m_previewTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->estimate->setTextFormat(Qt::PlainText); // it names the model as typed in the settings

    // A sample batch from the day shown, and how many papers such a day has.
    LibraryRepository library(database);
    const QList<LibraryPaper> rows = library.papersForDay(day);
    PaperRepository papers(database);
    for (const LibraryPaper &row : rows) {
        if (m_sample.size() >= kSamplePapers)
            break;
        if (auto p = papers.find(row.arxivId))
            m_sample.append(*p);
    }
    int kept = 0;
    for (const FeedDayRepository::Entry &e : FeedDayRepository(database).forDay(day))
        kept += e.kept;
    m_paperCount = kept > 0 ? kept : int(rows.size());
    // Says how many sample papers the day gave, so it is written here rather than in the .ui.
    m_ui->promptLabel->setText(tr("Exactly what is sent for one batch (here with %n sample paper(s) of the day):",
                                  nullptr, int(m_sample.size())));

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->topics->setFont(mono);
    m_ui->topics->setPlainText(m_base.topics);
    m_ui->prompt->setFont(mono);
    m_repository = new KSyntaxHighlighting::Repository;
    m_highlighter = new MarkdownHighlighter(m_ui->topics->document());
    // The theme first: setDefinition() highlights at once, and with no theme yet every format comes out
    // as the default style (KSyntaxHighlighting 5.x does not re-highlight on setTheme()).
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_highlighter->setTheme(m_repository->defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                            : KSyntaxHighlighting::Repository::LightTheme));
    m_highlighter->setDefinition(m_repository->definitionForName(u"Markdown"_s));

    connect(m_ui->restoreDefaultButton, &QPushButton::clicked, this, &CriteriaEditorDialog::restoreDefault);
    connect(m_ui->restoreVersionButton, &QPushButton::clicked, this, &CriteriaEditorDialog::restoreSelectedVersion);
    connect(m_ui->versions, &QListWidget::itemDoubleClicked, this, &CriteriaEditorDialog::restoreSelectedVersion);
    connect(m_ui->versions, &QListWidget::currentRowChanged, this,
            [this](int row) { m_ui->restoreVersionButton->setEnabled(row >= 0); });

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(200);
    connect(m_previewTimer, &QTimer::timeout, this, &CriteriaEditorDialog::updatePreview);
    connect(m_ui->topics, &QPlainTextEdit::textChanged, m_previewTimer, qOverload<>(&QTimer::start));

    loadVersions();
    updatePreview();
    // Open at the top of the text, once the editor has its size.
    QTimer::singleShot(0, m_ui->topics, [this] {
        m_ui->topics->moveCursor(QTextCursor::Start);
        m_ui->topics->verticalScrollBar()->setValue(0);
    });
}

CriteriaEditorDialog::~CriteriaEditorDialog()
{
    delete m_highlighter;
    delete m_repository;
}

QPlainTextEdit *CriteriaEditorDialog::topicsEdit() const
{
    return m_ui->topics;
}

QPlainTextEdit *CriteriaEditorDialog::promptView() const
{
    return m_ui->prompt;
}

QListWidget *CriteriaEditorDialog::versionList() const
{
    return m_ui->versions;
}

QLabel *CriteriaEditorDialog::estimateLabel() const
{
    return m_ui->estimate;
}

Criteria CriteriaEditorDialog::criteria() const
{
    Criteria c = m_base;
    c.topics = m_ui->topics->toPlainText();
    return c;
}

CostEstimate CriteriaEditorDialog::estimate(const Criteria &criteria, int paperCount, const AppSettings &settings)
{
    SelectionConfig config = RunConfig::selectionConfig(RunConfig::runSettings(settings), settings);
    config.criteria = criteria; // the text being edited, not the saved one
    return CostEstimator::estimate(paperCount, config, PricingTable::builtin());
}

void CriteriaEditorDialog::updatePreview()
{
    const Criteria c = criteria();
    const LlmPrompt prompt = PromptBuilder::preview(c, m_sample);
    m_ui->prompt->setPlainText(tr("── system ──") + u"\n"_s + prompt.system + u"\n\n"_s + tr("── user ──") + u"\n"_s + prompt.user);

    const int count = m_paperCount > 0 ? m_paperCount : kFallbackPaperCount;
    const CostEstimate e = estimate(c, count, m_settings);
    const bool flex = e.tier == ServiceTier::Flex;
    const QString papers = m_paperCount > 0 ? tr("the day's %n paper(s)", nullptr, count)
                                            : tr("a usual day of %n papers (none stored for this day)", nullptr, count);
    const QString cost = !e.priceKnown ? tr("price unknown for this model")
                         : flex        ? tr("≈ %1 at the flex tier").arg(CostFormat::usd(e.usd))
                                       : u"≈ "_s + CostFormat::usd(e.usd);
    m_ui->estimate->setText(tr("Estimate for %1 with %2: %n request(s), about %3 prompt + %4 completion tokens "
                               "(reasoning included), %5. Papers answered before are not sent again.",
                               nullptr, e.requests())
                                .arg(papers, m_settings.model(), CostFormat::tokens(e.usage.promptTokens),
                                     CostFormat::tokens(e.usage.completionTokens), cost));
}

void CriteriaEditorDialog::loadVersions()
{
    m_ui->versions->clear();
    const QLocale locale;
    for (const CriteriaVersion &v : CriteriaRepository(m_database).versions()) {
        auto *item = new QListWidgetItem(
            u"%1 — %2"_s.arg(locale.toString(v.created.toLocalTime(), QLocale::ShortFormat), v.topicsPreview), m_ui->versions);
        item->setData(Qt::UserRole, v.id);
        item->setToolTip(v.topicsPreview);
    }
    if (m_ui->versions->count() == 0) {
        auto *item = new QListWidgetItem(tr("No earlier versions yet: one is kept each time a run uses the criteria."), m_ui->versions);
        item->setFlags(Qt::NoItemFlags);
    }
    m_ui->restoreVersionButton->setEnabled(false);
}

void CriteriaEditorDialog::restoreDefault()
{
    m_ui->topics->setPlainText(Criteria::defaults().topics);
    updatePreview();
}

void CriteriaEditorDialog::restoreSelectedVersion()
{
    const QListWidgetItem *item = m_ui->versions->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    if (auto c = CriteriaRepository(m_database).load(item->data(Qt::UserRole).toLongLong())) {
        // The whole version comes back: its rubric and instructions too, not just the topics.
        m_base = *c;
        m_ui->topics->setPlainText(c->topics);
        updatePreview();
    }
}

void CriteriaEditorDialog::accept()
{
    m_settings.setCriteria(criteria());
    QDialog::accept();
}
