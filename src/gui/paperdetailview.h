// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/libraryrepository.h"

#include <QUrl>
#include <QWidget>

#include <optional>

class QLabel;
class QTextBrowser;
class QToolButton;

// The selected paper: title, authors, categories, dates, the abstract with its TeX made readable, the
// LLM's comment and scores, links to the abstract page, PDF and HTML, star and copy-BibTeX buttons.
// Every feed or LLM text goes through HtmlText before it reaches the rich-text browser.
class PaperDetailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperDetailView)

public:
    explicit PaperDetailView(QWidget *parent = nullptr);

    void showPaper(const std::optional<LibraryPaperDetail> &paper, bool followed = false);
    const std::optional<LibraryPaperDetail> &paper() const { return m_paper; }
    void setStarred(bool starred);

    // Pages the text down; false when it was already at the end.
    bool pageDown();

    QTextBrowser *browser() const { return m_browser; }
    // The rich text for a paper; public so tests check the escaping without a window.
    static QString html(const LibraryPaperDetail &paper, bool followed);
    static QString bibtex(const LibraryPaperDetail &paper);
    static QUrl absUrl(const LibraryPaperDetail &paper);
    static QUrl pdfUrl(const LibraryPaperDetail &paper);
    static QUrl htmlUrl(const LibraryPaperDetail &paper);

signals:
    void starToggled(bool starred);
    void openUrlRequested(const QUrl &url);

public slots:
    void copyBibtex();
    void openAbstractPage();

private:
    QTextBrowser *m_browser;
    QToolButton *m_star;
    QToolButton *m_abs;
    QToolButton *m_pdf;
    QToolButton *m_html;
    QToolButton *m_bibtex;
    std::optional<LibraryPaperDetail> m_paper;
};
