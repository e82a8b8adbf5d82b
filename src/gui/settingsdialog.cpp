// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "llm/llmapikeys.h"
#include "models/arxivcategorymodel.h"
#include "settings/appsettings.h"
#include "settings/endpoints.h"
#include "settings/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

SettingsDialog::SettingsDialog(AppSettings &settings, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_categories(new ArxivCategoryModel(this))
    , m_categoryFilter(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(u"SettingsDialog"_s);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildPapersPage(), tr("Papers"));
    m_tabs->addTab(buildModelPage(), tr("Model"));
    m_tabs->addTab(buildSelectionPage(), tr("Selection"));
    m_tabs->addTab(buildSchedulePage(), tr("Every day"));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"validation"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(u"color: #d9412b"_s); // readable on light and dark bases
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    load();
    validate();
    resize(760, 620);
}

QPushButton *SettingsDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

int SettingsDialog::currentPage() const
{
    return m_tabs->currentIndex();
}

void SettingsDialog::setCurrentPage(int page)
{
    m_tabs->setCurrentIndex(page);
}

QWidget *SettingsDialog::buildPapersPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *catBox = new QGroupBox(tr("arXiv categories to read every day"), page);
    auto *cl = new QVBoxLayout(catBox);
    m_categorySearch = new QLineEdit(catBox);
    m_categorySearch->setPlaceholderText(tr("Filter the list: “learning”, “cs.”, “quant”…"));
    m_categorySearch->setClearButtonEnabled(true);
    m_categoryFilter->setSourceModel(m_categories);
    m_categoryFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_categoryFilter->setFilterRole(Qt::DisplayRole);
    connect(m_categorySearch, &QLineEdit::textChanged, m_categoryFilter, &QSortFilterProxyModel::setFilterFixedString);
    m_categoryList = new QListView(catBox);
    m_categoryList->setModel(m_categoryFilter);
    m_categoryList->setUniformItemSizes(true);
    m_selectedCategories = new QLabel(catBox);
    m_selectedCategories->setWordWrap(true);
    auto *entryRow = new QHBoxLayout;
    m_categoryEntry = new QLineEdit(catBox);
    m_categoryEntry->setObjectName(u"categoryEntry"_s);
    m_categoryEntry->setPlaceholderText(tr("Or type one: math.OC, hep-th…"));
    auto *add = new QPushButton(tr("Add"), catBox);
    entryRow->addWidget(m_categoryEntry, 1);
    entryRow->addWidget(add);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addTypedCategory);
    connect(m_categoryEntry, &QLineEdit::returnPressed, this, &SettingsDialog::addTypedCategory);
    connect(m_categoryEntry, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_categories, &ArxivCategoryModel::selectionChanged, this, &SettingsDialog::validate);
    cl->addWidget(m_categorySearch);
    cl->addWidget(m_categoryList, 1);
    cl->addWidget(m_selectedCategories);
    cl->addLayout(entryRow);
    layout->addWidget(catBox, 1);

    auto *typeBox = new QGroupBox(tr("Announcement types"), page);
    auto *tl = new QHBoxLayout(typeBox);
    m_typeNew = new QCheckBox(tr("New submissions"), typeBox);
    m_typeCross = new QCheckBox(tr("Cross-lists"), typeBox);
    m_typeReplace = new QCheckBox(tr("Replacements"), typeBox);
    m_typeReplaceCross = new QCheckBox(tr("Replaced cross-lists"), typeBox);
    for (QCheckBox *b : {m_typeNew, m_typeCross, m_typeReplace, m_typeReplaceCross}) {
        tl->addWidget(b);
        connect(b, &QCheckBox::toggled, this, &SettingsDialog::validate);
    }
    tl->addStretch();
    layout->addWidget(typeBox);
    return page;
}

QWidget *SettingsDialog::buildModelPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_provider = new QComboBox(page);
    m_provider->addItem(u"OpenAI"_s, u"openai"_s);
    m_provider->addItem(tr("OpenAI-compatible (local or other server)"), u"openai-compatible"_s);
    m_provider->addItem(u"Anthropic"_s, u"anthropic"_s);
    m_provider->addItem(u"Google Gemini"_s, u"gemini"_s);
    m_model = new QLineEdit(page);
    m_model->setObjectName(u"model"_s);
    m_baseUrl = new QLineEdit(page);
    m_baseUrl->setObjectName(u"baseUrl"_s);
    m_baseUrl->setPlaceholderText(tr("Empty: the provider's own address"));
    m_apiKey = new QLineEdit(page);
    m_apiKey->setObjectName(u"apiKey"_s);
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("Reading the system keychain…"));
    m_keyStatus = new QLabel(tr("The key is stored in the system keychain (Secret Service, macOS Keychain or Windows "
                                "Credential Manager), never in the settings file or a log."), page);
    m_keyStatus->setWordWrap(true);
    m_effort = new QComboBox(page);
    for (const QString &e : {u"minimal"_s, u"low"_s, u"medium"_s, u"high"_s})
        m_effort->addItem(e, e);
    m_titleBatch = new QSpinBox(page);
    m_titleBatch->setRange(0, 500);
    m_titleBatch->setSpecialValueText(tr("automatic"));
    m_abstractBatch = new QSpinBox(page);
    m_abstractBatch->setRange(0, 100);
    m_abstractBatch->setSpecialValueText(tr("automatic"));
    m_concurrency = new QSpinBox(page);
    m_concurrency->setRange(1, 32);
    m_budget = new QDoubleSpinBox(page);
    m_budget->setRange(0, 1000);
    m_budget->setDecimals(2);
    m_budget->setPrefix(u"$"_s);
    m_budget->setSpecialValueText(tr("no budget"));

    form->addRow(tr("Provider:"), m_provider);
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Base URL:"), m_baseUrl);
    form->addRow(tr("API key:"), m_apiKey);
    form->addRow(QString(), m_keyStatus);
    form->addRow(tr("Reasoning effort:"), m_effort);
    form->addRow(tr("Titles per request:"), m_titleBatch);
    form->addRow(tr("Abstracts per request:"), m_abstractBatch);
    form->addRow(tr("Requests at once:"), m_concurrency);
    form->addRow(tr("Daily budget:"), m_budget);
    connect(m_model, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        readApiKey();
        validate();
    });
    return page;
}

QWidget *SettingsDialog::buildSelectionPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_relevanceCutoff = new QSpinBox(page);
    m_relevanceCutoff->setRange(1, 10);
    m_noveltyCutoff = new QSpinBox(page);
    m_noveltyCutoff->setRange(1, 10);
    m_titleFilter = new QCheckBox(tr("Drop clearly unrelated papers by their titles first (cheaper)"), page);
    m_authorMatch = new QCheckBox(tr("Always include papers by the followed authors"), page);
    m_followed = new QPlainTextEdit(page);
    m_followed->setPlaceholderText(tr("One per line: a name, or “Name, Semantic Scholar id”"));
    m_followed->setTabChangesFocus(true);
    m_hIndexFilter = new QCheckBox(tr("Skip papers none of whose authors has an h-index of at least"), page);
    m_hIndexCutoff = new QSpinBox(page);
    m_hIndexCutoff->setRange(0, 200);
    auto *hRow = new QHBoxLayout;
    hRow->addWidget(m_hIndexFilter);
    hRow->addWidget(m_hIndexCutoff);
    hRow->addStretch();
    connect(m_hIndexFilter, &QCheckBox::toggled, m_hIndexCutoff, &QSpinBox::setEnabled);
    form->addRow(tr("Relevance at least:"), m_relevanceCutoff);
    form->addRow(tr("Novelty at least:"), m_noveltyCutoff);
    form->addRow(QString(), m_titleFilter);
    form->addRow(QString(), m_authorMatch);
    form->addRow(tr("Followed authors:"), m_followed);
    form->addRow(tr("h-index:"), hRow);
    return page;
}

QWidget *SettingsDialog::buildSchedulePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_scheduleEnabled = new QCheckBox(tr("Run every day in the background"), page);
    m_scheduleAuto = new QCheckBox(tr("Right after arXiv's announcement (recommended)"), page);
    m_scheduleTime = new QTimeEdit(page);
    m_scheduleTime->setDisplayFormat(u"HH:mm"_s);
    m_startAtLogin = new QCheckBox(tr("Start PaperSieve when I log in (in the tray)"), page);
    connect(m_scheduleAuto, &QCheckBox::toggled, m_scheduleTime, [this](bool on) { m_scheduleTime->setEnabled(!on); });
    form->addRow(QString(), m_scheduleEnabled);
    form->addRow(QString(), m_scheduleAuto);
    form->addRow(tr("Or at (local time):"), m_scheduleTime);
    form->addRow(QString(), m_startAtLogin);
    return page;
}

void SettingsDialog::load()
{
    m_categories->setSelected(m_settings.categories());
    const QStringList types = m_settings.announceTypes();
    m_typeNew->setChecked(types.contains(u"new"_s));
    m_typeCross->setChecked(types.contains(u"cross"_s));
    m_typeReplace->setChecked(types.contains(u"replace"_s));
    m_typeReplaceCross->setChecked(types.contains(u"replace-cross"_s));
    {
        const QSignalBlocker block(m_provider);
        m_provider->setCurrentIndex(std::max(0, m_provider->findData(m_settings.provider())));
    }
    m_model->setText(m_settings.model());
    m_baseUrl->setText(m_settings.llmBaseUrl());
    m_effort->setCurrentIndex(std::max(0, m_effort->findData(m_settings.reasoningEffort())));
    m_titleBatch->setValue(m_settings.titleBatchSize());
    m_abstractBatch->setValue(m_settings.abstractBatchSize());
    m_concurrency->setValue(m_settings.concurrency());
    m_budget->setValue(m_settings.dailyBudgetUsd());
    m_relevanceCutoff->setValue(m_settings.relevanceCutoff());
    m_noveltyCutoff->setValue(m_settings.noveltyCutoff());
    m_titleFilter->setChecked(m_settings.titleFilterEnabled());
    m_authorMatch->setChecked(m_settings.authorMatchEnabled());
    m_followed->setPlainText(m_settings.followedAuthors().join(u'\n'));
    m_hIndexFilter->setChecked(m_settings.hIndexFilterEnabled());
    m_hIndexCutoff->setValue(m_settings.hIndexCutoff());
    m_hIndexCutoff->setEnabled(m_hIndexFilter->isChecked());
    m_scheduleEnabled->setChecked(m_settings.scheduleEnabled());
    const QTime at = m_settings.scheduleTime();
    m_scheduleAuto->setChecked(!at.isValid());
    m_scheduleTime->setTime(at.isValid() ? at : QTime(6, 30));
    m_scheduleTime->setEnabled(at.isValid());
    m_startAtLogin->setChecked(m_settings.startAtLogin());
    readApiKey();
}

void SettingsDialog::readApiKey()
{
    m_keyLoaded = false;
    m_apiKey->clear();
    m_apiKey->setPlaceholderText(tr("Reading the system keychain…"));
    const QString provider = m_provider->currentData().toString();
    m_secrets.read(LlmApiKeys::secretName(provider), this, [this, provider](bool ok, const QString &value, const QString &error) {
        if (m_provider->currentData().toString() != provider)
            return; // the user switched provider meanwhile
        m_keyLoaded = true;
        m_loadedKey = ok ? value : QString();
        m_apiKey->setText(m_loadedKey);
        m_apiKey->setPlaceholderText(ok ? tr("Paste the key from your provider's account page")
                                        : tr("The keychain could not be read: %1").arg(error));
        validate();
    });
}

void SettingsDialog::addTypedCategory()
{
    const QString id = m_categoryEntry->text().trimmed();
    if (id.isEmpty() || !ArxivCategoryModel::validate(id).isEmpty())
        return;
    const int row = m_categories->addCategory(id);
    m_categoryEntry->clear();
    const QModelIndex index = m_categoryFilter->mapFromSource(m_categories->index(row));
    if (index.isValid())
        m_categoryList->scrollTo(index);
    validate();
}

void SettingsDialog::validate()
{
    QString error;
    const QStringList selected = m_categories->selected();
    m_selectedCategories->setText(selected.isEmpty() ? tr("No category chosen.")
                                                     : tr("Reading: %1").arg(selected.join(u", "_s)));
    if (selected.isEmpty())
        error = tr("Choose at least one arXiv category.");
    const QString typed = m_categoryEntry->text().trimmed();
    if (error.isEmpty() && !typed.isEmpty())
        error = ArxivCategoryModel::validate(typed);
    if (error.isEmpty()) {
        for (const QString &c : selected) {
            const QString problem = ArxivCategoryModel::validate(c);
            if (!problem.isEmpty()) {
                error = problem;
                break;
            }
        }
    }
    if (error.isEmpty() && !m_typeNew->isChecked() && !m_typeCross->isChecked() && !m_typeReplace->isChecked()
        && !m_typeReplaceCross->isChecked())
        error = tr("Choose at least one announcement type (usually new submissions).");
    if (error.isEmpty() && m_model->text().trimmed().isEmpty())
        error = tr("Name the model to use, e.g. gpt-5.");
    const QString base = m_baseUrl->text().trimmed();
    if (error.isEmpty() && !base.isEmpty())
        error = Endpoints::validate(QUrl(base));
    if (error.isEmpty() && m_provider->currentData().toString() == u"openai-compatible"_s && base.isEmpty())
        error = tr("An OpenAI-compatible server needs its base URL.");
    m_error = error;
    m_errorLabel->setText(error);
    if (QPushButton *save = saveButton())
        save->setEnabled(error.isEmpty());
}

void SettingsDialog::accept()
{
    validate();
    if (!m_error.isEmpty())
        return;
    m_settings.setCategories(m_categories->selected());
    QStringList types;
    if (m_typeNew->isChecked())
        types << u"new"_s;
    if (m_typeCross->isChecked())
        types << u"cross"_s;
    if (m_typeReplace->isChecked())
        types << u"replace"_s;
    if (m_typeReplaceCross->isChecked())
        types << u"replace-cross"_s;
    m_settings.setAnnounceTypes(types);
    m_settings.setProvider(m_provider->currentData().toString());
    m_settings.setModel(m_model->text().trimmed());
    m_settings.setLlmBaseUrl(m_baseUrl->text().trimmed());
    m_settings.setReasoningEffort(m_effort->currentData().toString());
    m_settings.setTitleBatchSize(m_titleBatch->value());
    m_settings.setAbstractBatchSize(m_abstractBatch->value());
    m_settings.setConcurrency(m_concurrency->value());
    m_settings.setDailyBudgetUsd(m_budget->value());
    m_settings.setRelevanceCutoff(m_relevanceCutoff->value());
    m_settings.setNoveltyCutoff(m_noveltyCutoff->value());
    m_settings.setTitleFilterEnabled(m_titleFilter->isChecked());
    m_settings.setAuthorMatchEnabled(m_authorMatch->isChecked());
    QStringList followed;
    for (const QString &line : m_followed->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            followed << line.trimmed();
    }
    m_settings.setFollowedAuthors(followed);
    m_settings.setHIndexFilterEnabled(m_hIndexFilter->isChecked());
    m_settings.setHIndexCutoff(m_hIndexCutoff->value());
    m_settings.setScheduleEnabled(m_scheduleEnabled->isChecked());
    m_settings.setScheduleTime(m_scheduleAuto->isChecked() ? QTime() : m_scheduleTime->time());
    m_settings.setStartAtLogin(m_startAtLogin->isChecked());

    // The key goes to the keychain only, and only when it changed.
    const QString key = m_apiKey->text().trimmed();
    if (m_keyLoaded && key != m_loadedKey) {
        const QString name = LlmApiKeys::secretName(m_provider->currentData().toString());
        // The dialog is closed by the time the keychain answers: a failure is said on the window that
        // opened it, since the key was not kept anywhere (never in the settings file instead).
        QPointer<QWidget> owner = parentWidget();
        auto done = [owner](bool ok, const QString &error) {
            if (ok || !owner)
                return;
            auto *box = new QMessageBox(QMessageBox::Warning, tr("API key not saved"),
                                        tr("The API key could not be stored in the system keychain: %1\n\n"
                                           "PaperSieve keeps keys only there, so it was not saved. Check that a "
                                           "keychain (Secret Service, KWallet) is running and unlocked, then "
                                           "enter the key again in the settings.")
                                            .arg(error),
                                        QMessageBox::Ok, owner);
            box->setObjectName(u"keychainError"_s);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open(); // window-modal, does not block the event loop
        };
        if (key.isEmpty())
            m_secrets.remove(name, parent() ? parent() : this, done);
        else
            m_secrets.write(name, key, parent() ? parent() : this, done);
    }
    QDialog::accept();
}
