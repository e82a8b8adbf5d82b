// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtablemodel.h"

#include "storage/database.h"
#include "text/costformat.h"
#include "text/htmltext.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

RunTableModel::RunTableModel(Database &database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{
}

void RunTableModel::reload()
{
    RunHistory repo(m_database);
    QList<LibraryRun> runs = repo.runs();
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

const LibraryRun *RunTableModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int RunTableModel::rowOfRun(qint64 runId) const
{
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).id == runId)
            return int(i);
    }
    return -1;
}

int RunTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunTableModel::statusText(const QString &status)
{
    if (status == u"running"_s)
        return tr("Running");
    if (status == u"finished"_s)
        return tr("Finished");
    if (status == u"failed"_s)
        return tr("Failed");
    if (status == u"cancelled"_s)
        return tr("Cancelled");
    if (status == u"budget"_s)
        return tr("Budget reached");
    return status;
}

QVariant RunTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LibraryRun &r = m_runs.at(index.row());
    qint64 tokens = 0;
    for (const LibraryRunUsage &u : r.usage)
        tokens += u.promptTokens + u.completionTokens;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DayColumn: return QLocale().toString(r.day, u"ddd d MMM yyyy"_s);
        case StartedColumn: return QLocale().toString(r.started.toLocalTime().time(), u"HH:mm"_s);
        case StatusColumn: return statusText(r.status);
        case ModelColumn: return r.model;
        case AnnouncedColumn: return r.announced;
        case ScannedColumn: return r.scanned;
        case RelevantColumn: return r.relevant;
        case TokensColumn: return CostFormat::tokens(tokens);
        case CostColumn: return CostFormat::usd(r.costUsd());
        default: return {};
        }
    case Qt::ToolTipRole:
        // The run's message carries provider errors and feed titles: shown as written, never as markup.
        if (index.column() == StatusColumn && !r.message.isEmpty())
            return HtmlText::literalRichText(r.message);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= AnnouncedColumn ? QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter))
                                                 : QVariant();
    case RunIdRole: return r.id;
    case SortRole:
        switch (index.column()) {
        case DayColumn: return r.day;
        case StartedColumn: return r.started;
        case TokensColumn: return tokens;
        case CostColumn: return r.costUsd();
        case AnnouncedColumn: return r.announced;
        case ScannedColumn: return r.scanned;
        case RelevantColumn: return r.relevant;
        default: return data(index, Qt::DisplayRole);
        }
    default: return {};
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DayColumn: return tr("Day");
    case StartedColumn: return tr("Started");
    case StatusColumn: return tr("Status");
    case ModelColumn: return tr("Model");
    case AnnouncedColumn: return tr("Announced");
    case ScannedColumn: return tr("Scanned");
    case RelevantColumn: return tr("Relevant");
    case TokensColumn: return tr("Tokens");
    case CostColumn: return tr("Cost");
    default: return {};
    }
}
