// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "llm/llmapikeys.h"
#include "llm/pricingtable.h"
#include "models/arxivcategorymodel.h"
#include "net/urlpolicy.h"
#include "settings/appsettings.h"
#include "settings/endpoints.h"
#include "settings/secretstore.h"
#include "ui_settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QAbstractSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace {
// Which provider a model name belongs to, by the families' names; empty: unknown (any server may host it).
QString providerOfModel(const QString &model)
{
    const QString m = model.trimmed().toLower();
    if (m.startsWith(u"gpt") || m.startsWith(u"o1") || m.startsWith(u"o3") || m.startsWith(u"o4"))
        return u"openai"_s;
    if (m.startsWith(u"claude"))
        return u"anthropic"_s;
    if (m.startsWith(u"gemini"))
        return u"gemini"_s;
    return {};
}

QString defaultModelFor(const QString &provider)
{
    if (provider == u"anthropic")
        return u"claude-sonnet-4-5"_s;
    if (provider == u"gemini")
        return u"gemini-2.5-pro"_s;
    return u"gpt-5"_s;
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings &settings, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
    , m_secrets(secrets)
    , m_categories(new ArxivCategoryModel(this))
    , m_categoryFilter(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    // These echo what was typed (a category, a URL): plain text, whatever it looks like.
    m_ui->selectedCategories->setTextFormat(Qt::PlainText);
    m_ui->validation->setTextFormat(Qt::PlainText);

    // Papers: arXiv's list (filterable) plus typed categories.
    m_categoryFilter->setSourceModel(m_categories);
    m_categoryFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_categoryFilter->setFilterRole(Qt::DisplayRole);
    m_ui->categoryList->setModel(m_categoryFilter);
    connect(m_ui->categorySearch, &QLineEdit::textChanged, m_categoryFilter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->addCategoryButton, &QPushButton::clicked, this, &SettingsDialog::addTypedCategory);
    connect(m_ui->categoryEntry, &QLineEdit::returnPressed, this, &SettingsDialog::addTypedCategory);
    connect(m_ui->categoryEntry, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_categories, &ArxivCategoryModel::selectionChanged, this, &SettingsDialog::validate);
    for (QCheckBox *b : {m_ui->typeNew, m_ui->typeCross, m_ui->typeReplace, m_ui->typeReplaceCross})
        connect(b, &QCheckBox::toggled, this, &SettingsDialog::validate);

    // Model: the combo boxes carry the settings' values as item data, which Designer cannot hold.
    m_ui->provider->addItem(u"OpenAI"_s, u"openai"_s);
    m_ui->provider->addItem(tr("OpenAI-compatible (local or other server)"), u"openai-compatible"_s);
    m_ui->provider->addItem(u"Anthropic"_s, u"anthropic"_s);
    m_ui->provider->addItem(u"Google Gemini"_s, u"gemini"_s);
    for (const QString &e : {u"minimal"_s, u"low"_s, u"medium"_s, u"high"_s})
        m_ui->effort->addItem(e, e);
    m_ui->serviceTier->addItem(tr("Flex: half price, slower (OpenAI)"), u"flex"_s);
    m_ui->serviceTier->addItem(tr("Standard: fastest answers"), u"standard"_s);
    connect(m_ui->model, &QComboBox::editTextChanged, this, &SettingsDialog::validate);
    connect(m_ui->baseUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->provider, &QComboBox::currentIndexChanged, this, [this] {
        fillModels(true);
        readApiKey();
        validate();
        updateServiceTier();
    });

    // Every day: a fixed time only when not right after the announcement.
    connect(m_ui->scheduleAuto, &QCheckBox::toggled, m_ui->scheduleTime, [this](bool on) { m_ui->scheduleTime->setEnabled(!on); });

    // The key can be shown to check a paste; it is masked again for every provider.
    m_showKey = m_ui->apiKey->addAction(QIcon(), QLineEdit::TrailingPosition);
    m_showKey->setObjectName(u"showKey"_s);
    m_showKey->setCheckable(true);
    m_showKey->setText(tr("Show"));
    m_showKey->setToolTip(tr("Show the key"));
    m_showKey->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    connect(m_showKey, &QAction::toggled, this, [this](bool shown) {
        m_ui->apiKey->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setToolTip(shown ? tr("Hide the key") : tr("Show the key"));
    });

    // The environment wins over the field (Endpoints): say so where the address is typed.
    const QString envBase = qEnvironmentVariable("PAPERSIEVE_LLM_BASE_URL");
    if (!envBase.isEmpty()) {
        auto *note = new QLabel(tr("PAPERSIEVE_LLM_BASE_URL is set: runs use %1, whatever this field says.")
                                    .arg(envBase.toHtmlEscaped()),
                                this);
        note->setObjectName(u"baseUrlOverride"_s);
        note->setWordWrap(true);
        m_ui->modelLayout->insertRow(3, QString(), note);
        m_ui->baseUrl->setPlaceholderText(tr("Overridden by PAPERSIEVE_LLM_BASE_URL"));
    }

    load();
    validate();
}

void SettingsDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter in a text field (a typed category, the key, a spin box) does that field's job, never Save: the
    // line edit has already acted on it (returnPressed) when the key reaches the dialog.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (qobject_cast<QLineEdit *>(focusWidget()) || qobject_cast<QAbstractSpinBox *>(focusWidget()))) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void SettingsDialog::fillModels(bool providerChanged)
{
    const QString provider = m_ui->provider->currentData().toString();
    const QString current = m_ui->model->currentText().trimmed();
    const PricingTable prices = PricingTable::builtin();
    const QSignalBlocker block(m_ui->model);
    m_ui->model->clear();
    for (const QString &model : prices.models()) {
        // An OpenAI-compatible server may host anything: every known model is offered.
        if (provider != u"openai-compatible" && providerOfModel(model) != provider)
            continue;
        const std::optional<ModelPrice> price = prices.price(model);
        m_ui->model->addItem(model);
        m_ui->model->setItemData(m_ui->model->count() - 1,
                                 tr("$%1 input, $%2 output per million tokens").arg(price->input).arg(price->output),
                                 Qt::ToolTipRole);
    }
    // Another provider's model would be refused (Anthropic does not serve gpt-5): take this one's default.
    const QString owner = providerOfModel(current);
    const bool foreign = !owner.isEmpty() && owner != provider && provider != u"openai-compatible";
    m_ui->model->setEditText(providerChanged && (foreign || current.isEmpty()) ? defaultModelFor(provider) : current);
}

SettingsDialog::~SettingsDialog() = default;

QLineEdit *SettingsDialog::categoryEntry() const
{
    return m_ui->categoryEntry;
}

QLineEdit *SettingsDialog::baseUrlEdit() const
{
    return m_ui->baseUrl;
}

QLineEdit *SettingsDialog::apiKeyEdit() const
{
    return m_ui->apiKey;
}

QLineEdit *SettingsDialog::modelEdit() const
{
    return m_ui->model->lineEdit();
}

QPushButton *SettingsDialog::saveButton() const
{
    return m_ui->buttons->button(QDialogButtonBox::Save);
}

int SettingsDialog::currentPage() const
{
    return m_ui->pages->currentIndex();
}

void SettingsDialog::setCurrentPage(int page)
{
    m_ui->pages->setCurrentIndex(page);
}

void SettingsDialog::load()
{
    m_categories->setSelected(m_settings.categories());
    const QStringList types = m_settings.announceTypes();
    m_ui->typeNew->setChecked(types.contains(u"new"_s));
    m_ui->typeCross->setChecked(types.contains(u"cross"_s));
    m_ui->typeReplace->setChecked(types.contains(u"replace"_s));
    m_ui->typeReplaceCross->setChecked(types.contains(u"replace-cross"_s));
    {
        const QSignalBlocker block(m_ui->provider);
        m_ui->provider->setCurrentIndex(std::max(0, m_ui->provider->findData(m_settings.provider())));
    }
    m_ui->model->setEditText(m_settings.model());
    fillModels(false);
    m_ui->baseUrl->setText(m_settings.llmBaseUrl());
    m_ui->effort->setCurrentIndex(std::max(0, m_ui->effort->findData(m_settings.reasoningEffort())));
    m_ui->serviceTier->setCurrentIndex(std::max(0, m_ui->serviceTier->findData(m_settings.serviceTier())));
    updateServiceTier();
    m_ui->titleBatch->setValue(m_settings.titleBatchSize());
    m_ui->abstractBatch->setValue(m_settings.abstractBatchSize());
    m_ui->concurrency->setValue(m_settings.concurrency());
    m_ui->budget->setValue(m_settings.dailyBudgetUsd());
    m_ui->relevanceCutoff->setValue(m_settings.relevanceCutoff());
    m_ui->noveltyCutoff->setValue(m_settings.noveltyCutoff());
    m_ui->titleFilter->setChecked(m_settings.titleFilterEnabled());
    m_ui->authorMatch->setChecked(m_settings.authorMatchEnabled());
    m_ui->followed->setPlainText(m_settings.followedAuthors().join(u'\n'));
    m_ui->hIndexFilter->setChecked(m_settings.hIndexFilterEnabled());
    m_ui->hIndexCutoff->setValue(m_settings.hIndexCutoff());
    m_ui->hIndexCutoff->setEnabled(m_ui->hIndexFilter->isChecked());
    m_ui->scheduleEnabled->setChecked(m_settings.scheduleEnabled());
    const QTime at = m_settings.scheduleTime();
    m_ui->scheduleAuto->setChecked(!at.isValid());
    m_ui->scheduleTime->setTime(at.isValid() ? at : QTime(6, 30));
    m_ui->scheduleTime->setEnabled(at.isValid());
    m_ui->startAtLogin->setChecked(m_settings.startAtLogin());
    readApiKey();
}

void SettingsDialog::updateServiceTier()
{
    // Only OpenAI itself has the flex tier; the choice is kept for when the provider is switched back.
    m_ui->serviceTier->setEnabled(m_ui->provider->currentData().toString() == u"openai"_s);
}

void SettingsDialog::readApiKey()
{
    m_keyLoaded = false;
    if (m_showKey)
        m_showKey->setChecked(false);
    m_ui->apiKey->clear();
    m_ui->apiKey->setPlaceholderText(tr("Reading the system keychain…"));
    const QString provider = m_ui->provider->currentData().toString();
    m_secrets.read(LlmApiKeys::secretName(provider), this, [this, provider](bool ok, const QString &value, const QString &error) {
        if (m_ui->provider->currentData().toString() != provider)
            return; // the user switched provider meanwhile
        m_keyLoaded = true;
        m_loadedKey = ok ? value : QString();
        m_ui->apiKey->setText(m_loadedKey);
        m_ui->apiKey->setPlaceholderText(ok ? tr("Paste the key from your provider's account page")
                                        : tr("The keychain could not be read: %1").arg(error));
        validate();
    });
}

void SettingsDialog::addTypedCategory()
{
    const QString id = m_ui->categoryEntry->text().trimmed();
    if (id.isEmpty() || !ArxivCategoryModel::validate(id).isEmpty())
        return;
    const int row = m_categories->addCategory(id);
    m_ui->categoryEntry->clear();
    const QModelIndex index = m_categoryFilter->mapFromSource(m_categories->index(row));
    if (index.isValid())
        m_ui->categoryList->scrollTo(index);
    validate();
}

void SettingsDialog::validate()
{
    QString error;
    const QStringList selected = m_categories->selected();
    m_ui->selectedCategories->setText(selected.isEmpty() ? tr("No category chosen.")
                                                     : tr("Reading: %1").arg(selected.join(u", "_s)));
    if (selected.isEmpty())
        error = tr("Choose at least one arXiv category.");
    const QString typed = m_ui->categoryEntry->text().trimmed();
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
    if (error.isEmpty() && !m_ui->typeNew->isChecked() && !m_ui->typeCross->isChecked() && !m_ui->typeReplace->isChecked()
        && !m_ui->typeReplaceCross->isChecked())
        error = tr("Choose at least one announcement type (usually new submissions).");
    if (error.isEmpty() && m_ui->model->currentText().trimmed().isEmpty())
        error = tr("Name the model to use, e.g. gpt-5.");
    const QString base = m_ui->baseUrl->text().trimmed();
    if (error.isEmpty() && !base.isEmpty())
        error = UrlPolicy::problemWith(QUrl(base));
    if (error.isEmpty() && m_ui->provider->currentData().toString() == u"openai-compatible"_s && base.isEmpty())
        error = tr("An OpenAI-compatible server needs its base URL.");
    m_error = error;
    m_ui->validation->setText(error);
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
    if (m_ui->typeNew->isChecked())
        types << u"new"_s;
    if (m_ui->typeCross->isChecked())
        types << u"cross"_s;
    if (m_ui->typeReplace->isChecked())
        types << u"replace"_s;
    if (m_ui->typeReplaceCross->isChecked())
        types << u"replace-cross"_s;
    m_settings.setAnnounceTypes(types);
    m_settings.setProvider(m_ui->provider->currentData().toString());
    m_settings.setModel(m_ui->model->currentText().trimmed());
    m_settings.setLlmBaseUrl(m_ui->baseUrl->text().trimmed());
    m_settings.setReasoningEffort(m_ui->effort->currentData().toString());
    m_settings.setServiceTier(m_ui->serviceTier->currentData().toString());
    m_settings.setTitleBatchSize(m_ui->titleBatch->value());
    m_settings.setAbstractBatchSize(m_ui->abstractBatch->value());
    m_settings.setConcurrency(m_ui->concurrency->value());
    m_settings.setDailyBudgetUsd(m_ui->budget->value());
    m_settings.setRelevanceCutoff(m_ui->relevanceCutoff->value());
    m_settings.setNoveltyCutoff(m_ui->noveltyCutoff->value());
    m_settings.setTitleFilterEnabled(m_ui->titleFilter->isChecked());
    m_settings.setAuthorMatchEnabled(m_ui->authorMatch->isChecked());
    QStringList followed;
    for (const QString &line : m_ui->followed->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            followed << line.trimmed();
    }
    m_settings.setFollowedAuthors(followed);
    m_settings.setHIndexFilterEnabled(m_ui->hIndexFilter->isChecked());
    m_settings.setHIndexCutoff(m_ui->hIndexCutoff->value());
    m_settings.setScheduleEnabled(m_ui->scheduleEnabled->isChecked());
    m_settings.setScheduleTime(m_ui->scheduleAuto->isChecked() ? QTime() : m_ui->scheduleTime->time());
    m_settings.setStartAtLogin(m_ui->startAtLogin->isChecked());

    // The key goes to the keychain only, and only when it changed.
    const QString key = m_ui->apiKey->text().trimmed();
    if (m_keyLoaded && key != m_loadedKey) {
        const QString name = LlmApiKeys::secretName(m_ui->provider->currentData().toString());
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
