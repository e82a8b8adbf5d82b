// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "llm/servicetier.h"
#include "scoring/criteria.h"

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

    struct Estimate
    {
        int papers = 0;
        int batches = 0;
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        double costUsd = 0;
        bool priceKnown = false;
    };
    // About 4 characters a token; the completion as the reference run's ~120 tokens a paper (with reasoning).
    static Estimate estimate(const Criteria &criteria, const QList<Paper> &sample, int paperCount, int batchSize,
                             const QString &model, ServiceTier tier = ServiceTier::Standard);

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
