// SPDX-License-Identifier: GPL-3.0-or-later
#include "requesttablemodel.h"

#include "storage/database.h"
#include "text/costformat.h"
#include "text/htmltext.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

RequestTableModel::RequestTableModel(Database &database, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
{
}

void RequestTableModel::showRun(qint64 runId)
{
    RunHistory repo(m_database);
    QList<LibraryRequest> requests = runId > 0 ? repo.requestsForRun(runId) : QList<LibraryRequest>();
    beginResetModel();
    m_runId = runId;
    m_requests = std::move(requests);
    endResetModel();
}

const LibraryRequest *RequestTableModel::requestAt(int row) const
{
    return row >= 0 && row < m_requests.size() ? &m_requests.at(row) : nullptr;
}

int RequestTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int RequestTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LibraryRequest &r = m_requests.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StartedColumn: return QLocale().toString(r.started.toLocalTime().time(), u"HH:mm:ss"_s);
        case StageColumn: return r.stage;
        case ModelColumn: return r.model;
        case PapersColumn: return r.paperCount;
        case PromptColumn: return CostFormat::tokens(r.promptTokens);
        case CachedColumn: return CostFormat::tokens(r.cachedTokens);
        case CompletionColumn: return CostFormat::tokens(r.completionTokens);
        case ReasoningColumn: return CostFormat::tokens(r.reasoningTokens);
        case LatencyColumn: return tr("%1 s").arg(r.latencyMs / 1000.0, 0, 'f', 1);
        case CostColumn: return CostFormat::usdPrecise(r.costUsd);
        case TierColumn: return r.serviceTier == u"flex"_s ? tr("Flex") : tr("Standard");
        case StatusColumn:
            if (r.status == u"ok"_s)
                return tr("OK");
            return r.httpStatus > 0 ? tr("%1 (HTTP %2)").arg(r.status).arg(r.httpStatus) : r.status;
        default: return {};
        }
    }
    // The provider's error message ('{"error":{"message":"<h1>..."}}'): shown as written, never as markup.
    if (role == Qt::ToolTipRole && index.column() == StatusColumn && !r.error.isEmpty())
        return HtmlText::literalRichText(r.error);
    if (role == Qt::TextAlignmentRole && index.column() >= PapersColumn && index.column() <= CostColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

QVariant RequestTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn: return tr("Time");
    case StageColumn: return tr("Stage");
    case ModelColumn: return tr("Model");
    case PapersColumn: return tr("Papers");
    case PromptColumn: return tr("Prompt");
    case CachedColumn: return tr("Cached");
    case CompletionColumn: return tr("Completion");
    case ReasoningColumn: return tr("Reasoning");
    case LatencyColumn: return tr("Latency");
    case CostColumn: return tr("Cost");
    case TierColumn: return tr("Tier");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}
