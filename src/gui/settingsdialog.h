// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class AppSettings;
class ArxivCategoryModel;
class QAction;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class SecretStore;

namespace Ui {
class SettingsDialog;
}

// Every setting a user changes: categories (arXiv's list with names, plus typed ones), announce types,
// provider / model / base URL / API key (kept in the system keychain, never in the settings file),
// cutoffs, batch sizes, concurrency, reasoning effort, service tier, followed authors, h-index cutoff, the daily time and
// start at login. Checked as the user types; Save stays disabled while something is wrong.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(AppSettings &settings, SecretStore &secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Empty when everything can be saved; else the first problem, in one line.
    QString validationError() const { return m_error; }

    // For tests.
    QLineEdit *categoryEntry() const;
    QLineEdit *baseUrlEdit() const;
    QLineEdit *apiKeyEdit() const;
    QLineEdit *modelEdit() const;
    ArxivCategoryModel *categoryModel() const { return m_categories; }
    QPushButton *saveButton() const;
    int currentPage() const;
    void setCurrentPage(int page);

public slots:
    void accept() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private slots:
    void validate();
    void addTypedCategory();

private:
    void load();
    void readApiKey();
    void updateServiceTier();
    // The model list for the chosen provider (pricing.json's rows); on a provider change another provider's
    // model gives way to this one's default.
    void fillModels(bool providerChanged);

    std::unique_ptr<Ui::SettingsDialog> m_ui; // the static layout: ui/settingsdialog.ui
    AppSettings &m_settings;
    SecretStore &m_secrets;
    QString m_error;
    QString m_loadedKey;
    bool m_keyLoaded = false;
    QAction *m_showKey = nullptr;
    ArxivCategoryModel *m_categories;
    QSortFilterProxyModel *m_categoryFilter;
};
