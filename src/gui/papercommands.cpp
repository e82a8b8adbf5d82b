// SPDX-License-Identifier: GPL-3.0-or-later
#include "papercommands.h"

#include "helpdialogs.h"
#include "mainactions.h"
#include "models/papertablemodel.h"
#include "paperdetailview.h"
#include "paperexporter.h"
#include "paperlistcontroller.h"
#include "settings/appsettings.h"
#include "storage/database.h"
#include "storage/libraryrepository.h"

#include <QAction>
#include <QDesktopServices>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QTableView>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

PaperCommands::PaperCommands(Database &database, AppSettings &settings, MainActions *actions,
                             PaperListController *list, PaperTableModel *papers, QMainWindow *window)
    : QObject(window)
    , m_database(database)
    , m_settings(settings)
    , m_actions(actions)
    , m_list(list)
    , m_papers(papers)
    , m_window(window)
    , m_exporter(new PaperExporter(database, settings, window))
{
    connect(actions->open, &QAction::triggered, this, [this] { openSelected(false); });
    connect(actions->openPdf, &QAction::triggered, this, [this] { openSelected(true); });
    connect(actions->copyBibtex, &QAction::triggered, this,
            [this] { m_exporter->copy(selectionDigest(), DigestExport::Format::Bibtex); });
    connect(actions->copyMarkdown, &QAction::triggered, this,
            [this] { m_exporter->copy(selectionDigest(), DigestExport::Format::Markdown); });
    connect(actions->exportDay, &QAction::triggered, this, &PaperCommands::exportDay);
    connect(actions->exportSelection, &QAction::triggered, this,
            [this] { m_exporter->exportToFile(selectionDigest(), tr("papers") + u".md"_s); });
    connect(actions->exportStarred, &QAction::triggered, this,
            [this] { m_exporter->exportToFile(m_exporter->starredDigest(), tr("starred") + u".bib"_s); });
    connect(m_exporter, &PaperExporter::done, this, &PaperCommands::status);
    connect(m_exporter, &PaperExporter::failed, this, &PaperCommands::failed);
    connect(actions->shortcutsHelp, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(m_window->findChildren<QAction *>(Qt::FindDirectChildrenOnly), m_window);
        dialog.exec();
    });
    connect(actions->about, &QAction::triggered, this, [this] {
        AboutDialog dialog(m_database.filePath(), m_settings.raw().fileName(), m_window);
        dialog.exec();
    });
    list->view()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list->view(), &QWidget::customContextMenuRequested, this, &PaperCommands::showContextMenu);
}

void PaperCommands::showContextMenu(const QPoint &pos)
{
    QTableView *view = m_list->view();
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    // A right-click outside the selection acts on that row alone, as in a mail reader.
    if (!view->selectionModel()->isRowSelected(index.row(), {}))
        view->setCurrentIndex(index);
    QMenu menu(m_window);
    menu.setObjectName(u"paperContextMenu"_s);
    m_actions->fillContextMenu(&menu);
    menu.exec(view->viewport()->mapToGlobal(pos));
}

QList<qint64> PaperCommands::selectedPaperIds() const
{
    QList<qint64> ids;
    for (const int row : m_list->selectedSourceRows())
        ids.append(m_papers->paperAt(row)->id);
    return ids;
}

Digest PaperCommands::selectionDigest() const
{
    return m_exporter->papersDigest(selectedPaperIds(), m_day.isValid() ? m_day : QDate::currentDate());
}

void PaperCommands::exportDay()
{
    const QDate day = m_day.isValid() ? m_day : QDate::currentDate();
    // Without a run, the day's digest is the papers it lists as relevant, in rank order.
    QList<std::pair<int, qint64>> ranked;
    for (int row = 0; row < m_papers->rowCount(); ++row) {
        if (m_papers->rankAt(row) > 0 && m_papers->isRelevant(*m_papers->paperAt(row)))
            ranked.append({m_papers->rankAt(row), m_papers->paperAt(row)->id});
    }
    std::sort(ranked.begin(), ranked.end());
    QList<qint64> relevant;
    for (const auto &[rank, id] : std::as_const(ranked))
        relevant.append(id);
    m_exporter->exportToFile(m_exporter->dayDigest(day, relevant), u"papersieve-%1.md"_s.arg(day.toString(Qt::ISODate)));
}

void PaperCommands::openSelected(bool pdf)
{
    LibraryRepository repo(m_database);
    const QList<qint64> ids = selectedPaperIds();
    for (const qint64 id : ids) {
        if (const auto p = repo.paper(id))
            QDesktopServices::openUrl(pdf ? PaperDetailView::pdfUrl(*p) : PaperDetailView::absUrl(*p));
    }
    if (!ids.isEmpty())
        emit status(tr("Opened %n paper(s) in the browser", nullptr, int(ids.size())));
}
