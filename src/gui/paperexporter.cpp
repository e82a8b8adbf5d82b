// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperexporter.h"

#include "digest/digestbuilder.h"
#include "llm/pricingtable.h"
#include "settings/appsettings.h"
#include "storage/libraryrepository.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QSettings>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
bool s_nativeDialog = true;
const QString kFolderKey = u"window/exportFolder"_s;
} // namespace

PaperExporter::PaperExporter(Database &database, AppSettings &settings, QWidget *parent)
    : QObject(parent)
    , m_database(database)
    , m_settings(settings)
    , m_parent(parent)
{
}

void PaperExporter::setUseNativeDialog(bool native)
{
    s_nativeDialog = native;
}

Digest PaperExporter::dayDigest(const QDate &day, const QList<qint64> &fallbackPaperIds) const
{
    const PricingTable prices = PricingTable::builtin();
    // A run whose settings select nothing the window lists (the demo's reference run has no categories of
    // its own) would export an empty file: then the day's papers as the window ranks them.
    if (std::optional<Digest> digest = DigestBuilder(m_database, prices).latestForDay(day); digest && !digest->papers.isEmpty())
        return *digest;
    return papersDigest(fallbackPaperIds, day);
}

Digest PaperExporter::papersDigest(const QList<qint64> &paperIds, const QDate &day) const
{
    LibraryRepository repo(m_database);
    QList<LibraryPaperDetail> papers;
    for (const qint64 id : paperIds) {
        if (std::optional<LibraryPaperDetail> p = repo.paper(id))
            papers.append(*p);
    }
    return DigestExport::fromPapers(papers, day);
}

Digest PaperExporter::starredDigest() const
{
    QList<LibraryPaper> starred;
    for (const LibraryPaper &p : LibraryRepository(m_database).allPapers())
        if (p.starred)
            starred.append(p);
    std::stable_sort(starred.begin(), starred.end(), [](const LibraryPaper &a, const LibraryPaper &b) { return a.day > b.day; });
    QList<qint64> ids;
    for (const LibraryPaper &p : std::as_const(starred))
        ids.append(p.id);
    return papersDigest(ids, starred.isEmpty() ? QDate::currentDate() : starred.first().day);
}

bool PaperExporter::exportToFile(const Digest &digest, const QString &suggestedName)
{
    if (digest.papers.isEmpty()) {
        emit failed(tr("There is nothing to export: no paper is in it."));
        return false;
    }
    QSettings &s = m_settings.raw();
    const QString folder = s.value(kFolderKey, QDir::homePath()).toString();
    QFileDialog dialog(m_parent, tr("Export papers"), QDir(folder).filePath(suggestedName));
    dialog.setObjectName(u"exportDialog"_s);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontUseNativeDialog, !s_nativeDialog);
    const QStringList filters = {tr("Markdown (*.md)"), tr("HTML page (*.html *.htm)"), tr("JSON (*.json)"),
                                 tr("BibTeX (*.bib)"), tr("RIS (*.ris)")};
    dialog.setNameFilters(filters);
    dialog.setDefaultSuffix(u"md"_s);
    // The default suffix follows the chosen filter, so "digest" saved under "BibTeX" becomes digest.bib.
    const QStringList suffixes = {u"md"_s, u"html"_s, u"json"_s, u"bib"_s, u"ris"_s};
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog, filters, suffixes](const QString &filter) {
        dialog.setDefaultSuffix(suffixes.value(int(filters.indexOf(filter)), u"md"_s));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    const QString path = dialog.selectedFiles().constFirst();
    s.setValue(kFolderKey, QFileInfo(path).absolutePath());
    const std::optional<DigestExport::Format> format = DigestExport::formatForPath(path);
    if (!format) {
        emit failed(tr("%1 has no known extension: use .md, .html, .json, .bib or .ris.").arg(QFileInfo(path).fileName()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(DigestExport::render(digest, *format)) < 0 || !file.commit()) {
        emit failed(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    emit done(tr("Exported %n paper(s) to %1", nullptr, int(digest.papers.size())).arg(QDir::toNativeSeparators(path)));
    return true;
}

void PaperExporter::copy(const Digest &digest, DigestExport::Format format)
{
    if (digest.papers.isEmpty())
        return;
    QApplication::clipboard()->setText(QString::fromUtf8(DigestExport::render(digest, format)));
    const int n = int(digest.papers.size());
    emit done(format == DigestExport::Format::Bibtex ? tr("Copied %n paper(s) as BibTeX", nullptr, n)
                                                     : tr("Copied %n paper(s) as Markdown", nullptr, n));
}
