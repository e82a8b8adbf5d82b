// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "selection/costestimator.h"
#include "domain/criteria.h"

#include <QDate>
#include <QDialog>

#include <memory>

class AppSettings;
class Database;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class MarkdownHighlighter;

namespace KSyntaxHighlighting {
class Repository;
}
namespace Ui {
class CriteriaEditorDialog;
}

// The research interests: the topics text (Markdown, highlighted), the prompt exactly as it is sent for a
// sample batch of the day's papers, a live estimate of tokens and cost for the day, the default text, and
// the earlier versions (each kept when a run used it) to restore. Saves through AppSettings::setCriteria.
class CriteriaEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CriteriaEditorDialog)

public:
    CriteriaEditorDialog(Database &database, AppSettings &settings, const QDate &day, QWidget *parent = nullptr);
    ~CriteriaEditorDialog() override;

    // What a run of paperCount papers with these criteria and the settings' model, tier, effort and
    // batching would cost: the same CostEstimator a run announces before it starts.
    static CostEstimate estimate(const Criteria &criteria, int paperCount, const AppSettings &settings);

    Criteria criteria() const; // what Save would store
    QPlainTextEdit *topicsEdit() const;
    QPlainTextEdit *promptView() const;
    QListWidget *versionList() const;
    QLabel *estimateLabel() const;

public slots:
    void restoreDefault();
    void restoreSelectedVersion();
    void accept() override;

private:
    void updatePreview();
    void loadVersions();

    std::unique_ptr<Ui::CriteriaEditorDialog> m_ui; // the static layout: ui/criteriaeditordialog.ui
    Database &m_database;
    AppSettings &m_settings;
    Criteria m_base; // the stored criteria; the dialog edits the topics
    QList<Paper> m_sample;
    int m_paperCount = 0;
    QTimer *m_previewTimer;
    KSyntaxHighlighting::Repository *m_repository = nullptr;
    MarkdownHighlighter *m_highlighter = nullptr;
};
