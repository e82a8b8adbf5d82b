// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class AppSettings;
class ArxivCategoryModel;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QSpinBox;
class QTimeEdit;
class SecretStore;

// Every setting a user changes: categories (arXiv's list with names, plus typed ones), announce types,
// provider / model / base URL / API key (kept in the system keychain, never in the settings file),
// cutoffs, batch sizes, concurrency, reasoning effort, followed authors, h-index cutoff, the daily time and
// start at login. Checked as the user types; Save stays disabled while something is wrong.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(AppSettings &settings, SecretStore &secrets, QWidget *parent = nullptr);

    // Empty when everything can be saved; else the first problem, in one line.
    QString validationError() const { return m_error; }

    // For tests.
    QLineEdit *categoryEntry() const { return m_categoryEntry; }
    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QLineEdit *apiKeyEdit() const { return m_apiKey; }
    QLineEdit *modelEdit() const { return m_model; }
    ArxivCategoryModel *categoryModel() const { return m_categories; }
    QPushButton *saveButton() const;
    int currentPage() const;
    void setCurrentPage(int page);

public slots:
    void accept() override;

private slots:
    void validate();
    void addTypedCategory();

private:
    QWidget *buildPapersPage();
    QWidget *buildModelPage();
    QWidget *buildSelectionPage();
    QWidget *buildSchedulePage();
    void load();
    void readApiKey();

    AppSettings &m_settings;
    SecretStore &m_secrets;
    QString m_error;
    QString m_loadedKey;
    bool m_keyLoaded = false;

    ArxivCategoryModel *m_categories;
    QSortFilterProxyModel *m_categoryFilter;
    QLineEdit *m_categorySearch = nullptr;
    QListView *m_categoryList = nullptr;
    QLineEdit *m_categoryEntry = nullptr;
    QLabel *m_selectedCategories = nullptr;
    QCheckBox *m_typeNew = nullptr;
    QCheckBox *m_typeCross = nullptr;
    QCheckBox *m_typeReplace = nullptr;
    QCheckBox *m_typeReplaceCross = nullptr;
    QComboBox *m_provider = nullptr;
    QLineEdit *m_model = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QLabel *m_keyStatus = nullptr;
    QComboBox *m_effort = nullptr;
    QSpinBox *m_titleBatch = nullptr;
    QSpinBox *m_abstractBatch = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QSpinBox *m_relevanceCutoff = nullptr;
    QSpinBox *m_noveltyCutoff = nullptr;
    QCheckBox *m_titleFilter = nullptr;
    QCheckBox *m_authorMatch = nullptr;
    QPlainTextEdit *m_followed = nullptr;
    QCheckBox *m_hIndexFilter = nullptr;
    QSpinBox *m_hIndexCutoff = nullptr;
    QCheckBox *m_scheduleEnabled = nullptr;
    QCheckBox *m_scheduleAuto = nullptr;
    QTimeEdit *m_scheduleTime = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    class QTabWidget *m_tabs = nullptr;
};
