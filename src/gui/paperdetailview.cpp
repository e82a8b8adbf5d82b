// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperdetailview.h"

#include "digest/bibtexwriter.h"
#include "digest/digest.h"
#include "models/arxivcategorymodel.h"
#include "text/htmltext.h"
#include "text/latextext.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLocale>
#include <QScrollBar>
#include <QTimeZone>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QUrl storedOr(const QString &stored, const QString &fallback)
{
    const QUrl url(stored.isEmpty() ? fallback : stored);
    // Only web links leave the app: a feed cannot make a button open a local file or a script.
    return url.scheme() == u"https" || url.scheme() == u"http" ? url : QUrl(fallback);
}

QString idForUrl(const LibraryPaperDetail &p)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(p.row.arxivId, "/."));
}

QString link(const QUrl &url, const QString &label)
{
    return u"<a href=\""_s + HtmlText::escape(url.toString(QUrl::FullyEncoded)) + u"\">"_s + label + u"</a>"_s;
}

} // namespace

PaperDetailView::PaperDetailView(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
    , m_star(new QToolButton(this))
    , m_abs(new QToolButton(this))
    , m_pdf(new QToolButton(this))
    , m_html(new QToolButton(this))
    , m_bibtex(new QToolButton(this))
{
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &PaperDetailView::openUrlRequested);

    m_star->setText(tr("☆ Star"));
    m_star->setCheckable(true);
    m_star->setToolTip(tr("Star this paper (S)"));
    m_abs->setText(tr("Abstract page"));
    m_abs->setToolTip(tr("Open the arXiv abstract page in the browser (O)"));
    m_pdf->setText(tr("PDF"));
    m_html->setText(tr("HTML"));
    m_bibtex->setText(tr("Copy BibTeX"));
    for (QToolButton *b : {m_star, m_abs, m_pdf, m_html, m_bibtex}) {
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAutoRaise(false);
        b->setFocusPolicy(Qt::TabFocus); // Space belongs to paging the abstract
    }
    connect(m_star, &QToolButton::toggled, this, [this](bool on) {
        m_star->setText(on ? tr("★ Starred") : tr("☆ Star"));
        if (m_paper && m_paper->row.starred != on) {
            m_paper->row.starred = on;
            emit starToggled(on);
        }
    });
    connect(m_abs, &QToolButton::clicked, this, &PaperDetailView::openAbstractPage);
    connect(m_pdf, &QToolButton::clicked, this, [this] {
        if (m_paper)
            emit openUrlRequested(pdfUrl(*m_paper));
    });
    connect(m_html, &QToolButton::clicked, this, [this] {
        if (m_paper)
            emit openUrlRequested(htmlUrl(*m_paper));
    });
    connect(m_bibtex, &QToolButton::clicked, this, &PaperDetailView::copyBibtex);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(6, 4, 6, 4);
    buttons->addWidget(m_star);
    buttons->addSpacing(12);
    buttons->addWidget(m_abs);
    buttons->addWidget(m_pdf);
    buttons->addWidget(m_html);
    buttons->addStretch();
    buttons->addWidget(m_bibtex);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(buttons);
    layout->addWidget(m_browser, 1);
    showPaper(std::nullopt);
}

void PaperDetailView::showPaper(const std::optional<LibraryPaperDetail> &paper, bool followed)
{
    m_paper = paper;
    for (QToolButton *b : {m_star, m_abs, m_pdf, m_html, m_bibtex})
        b->setEnabled(paper.has_value());
    {
        const QSignalBlocker block(m_star);
        m_star->setChecked(paper && paper->row.starred);
        m_star->setText(m_star->isChecked() ? tr("★ Starred") : tr("☆ Star"));
    }
    if (!paper) {
        m_browser->setHtml(u"<p style=\"color:gray\">"_s + tr("Select a paper to read its abstract.") + u"</p>"_s);
        return;
    }
    m_browser->setHtml(html(*paper, followed));
    m_browser->verticalScrollBar()->setValue(0);
}

void PaperDetailView::setStarred(bool starred)
{
    if (m_paper)
        m_paper->row.starred = starred;
    const QSignalBlocker block(m_star);
    m_star->setChecked(starred);
    m_star->setText(starred ? tr("★ Starred") : tr("☆ Star"));
}

bool PaperDetailView::pageDown()
{
    QScrollBar *bar = m_browser->verticalScrollBar();
    if (bar->value() >= bar->maximum())
        return false;
    bar->setValue(bar->value() + bar->pageStep());
    return true;
}

QUrl PaperDetailView::absUrl(const LibraryPaperDetail &p)
{
    return storedOr(p.absUrl, u"https://arxiv.org/abs/"_s + idForUrl(p));
}

QUrl PaperDetailView::pdfUrl(const LibraryPaperDetail &p)
{
    return storedOr(p.pdfUrl, u"https://arxiv.org/pdf/"_s + idForUrl(p));
}

QUrl PaperDetailView::htmlUrl(const LibraryPaperDetail &p)
{
    return storedOr(p.htmlUrl, u"https://arxiv.org/html/"_s + idForUrl(p));
}

QString PaperDetailView::html(const LibraryPaperDetail &p, bool followed)
{
    const QLocale locale;
    QString h;
    h += u"<h2 style=\"margin-bottom:4px\">"_s + HtmlText::escape(LatexText::toReadable(p.row.title)) + u"</h2>"_s;
    h += u"<p style=\"margin-top:0\">"_s + HtmlText::escape(LatexText::toReadable(p.row.authorsText));
    if (followed)
        h += u" <b>◆ "_s + tr("a followed author") + u"</b>"_s;
    h += u"</p>"_s;

    // Scores and the model's comment first: they are why the paper is here.
    if (p.row.relevance > 0) {
        h += u"<table cellspacing=\"0\" cellpadding=\"3\"><tr><td><b>"_s + tr("Relevance %1").arg(p.row.relevance)
            + u"</b></td><td>&nbsp;</td><td><b>"_s + tr("Novelty %1").arg(p.row.novelty) + u"</b></td>"_s;
        if (!p.scoreModel.isEmpty())
            h += u"<td>&nbsp;</td><td style=\"color:gray\">"_s + tr("scored by %1").arg(HtmlText::escape(p.scoreModel))
                + u"</td>"_s;
        h += u"</tr></table>"_s;
    }
    if (!p.llmComment.isEmpty())
        h += u"<p><i>"_s + HtmlText::readable(p.llmComment) + u"</i></p>"_s;
    if (p.scoreStatus == u"unscored"_s)
        h += u"<p>"_s + tr("Not scored: %1").arg(HtmlText::escape(p.scoreReason)) + u"</p>"_s;
    if (!p.filterNote.isEmpty())
        h += u"<p style=\"color:gray\">"_s + HtmlText::escape(p.filterNote) + u"</p>"_s;

    h += u"<p>"_s + HtmlText::readable(p.abstract) + u"</p>"_s;

    QStringList facts;
    QStringList cats;
    for (const QString &c : p.row.categories.split(u' ', Qt::SkipEmptyParts)) {
        const QString name = ArxivCategoryModel::nameOf(c);
        cats << (name.isEmpty() ? HtmlText::escape(c) : HtmlText::escape(c) + u" ("_s + HtmlText::escape(name) + u')');
    }
    if (!cats.isEmpty())
        facts << u"<b>"_s + tr("Categories") + u":</b> "_s + cats.join(u", "_s);
    QString idLine = u"<b>arXiv:</b> "_s + HtmlText::escape(p.row.arxivId) + u'v' + QString::number(p.row.version);
    if (!p.announceType.isEmpty())
        idLine += u" · "_s + HtmlText::escape(p.announceType);
    facts << idLine;
    if (p.row.day.isValid())
        facts << u"<b>"_s + tr("Announced") + u":</b> "_s + locale.toString(p.row.day, QLocale::LongFormat);
    if (p.published.isValid())
        facts << u"<b>"_s + tr("Submitted") + u":</b> "_s + locale.toString(p.published.toLocalTime().date(), QLocale::LongFormat)
            + (p.updated.isValid() && p.updated != p.published
                   ? u" · "_s + tr("updated %1").arg(locale.toString(p.updated.toLocalTime().date(), QLocale::ShortFormat))
                   : QString());
    if (!p.comment.isEmpty())
        facts << u"<b>"_s + tr("Comment") + u":</b> "_s + HtmlText::readable(p.comment);
    if (!p.journalRef.isEmpty())
        facts << u"<b>"_s + tr("Journal") + u":</b> "_s + HtmlText::escape(p.journalRef);
    if (!p.doi.isEmpty())
        facts << u"<b>DOI:</b> "_s
            + link(QUrl(u"https://doi.org/"_s + QString::fromUtf8(QUrl::toPercentEncoding(p.doi, "/"))), HtmlText::escape(p.doi));
    facts << link(absUrl(p), tr("Abstract page")) + u" · "_s + link(pdfUrl(p), tr("PDF")) + u" · "_s
            + link(htmlUrl(p), tr("HTML"));
    h += u"<p style=\"line-height:140%\">"_s + facts.join(u"<br>"_s) + u"</p>"_s;
    return h;
}

QString PaperDetailView::bibtex(const LibraryPaperDetail &p)
{
    DigestPaper d;
    d.arxivId = p.row.arxivId;
    d.version = p.row.version;
    d.title = p.row.title;
    d.authors = p.row.authorsText.split(u", "_s, Qt::SkipEmptyParts);
    d.abstract = p.abstract;
    d.categories = p.row.categories.split(u' ', Qt::SkipEmptyParts);
    d.doi = p.doi;
    d.journalRef = p.journalRef;
    d.arxivComment = p.comment;
    d.published = p.published.isValid() ? p.published : p.row.day.startOfDay(QTimeZone::utc());
    return BibtexWriter::entry(d, BibtexWriter::baseKey(d));
}

void PaperDetailView::copyBibtex()
{
    if (m_paper)
        QApplication::clipboard()->setText(bibtex(*m_paper));
}

void PaperDetailView::openAbstractPage()
{
    if (m_paper)
        emit openUrlRequested(absUrl(*m_paper));
}
