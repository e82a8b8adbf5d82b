// SPDX-License-Identifier: GPL-3.0-or-later
#include "daylistmodel.h"

#include "domain/digestrule.h"
#include "storage/database.h"
#include "text/costformat.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

DayListModel::DayListModel(Database &database, QObject *parent)
    : QAbstractListModel(parent)
    , m_database(database)
    , m_today(QDate::currentDate())
{
}

void DayListModel::setCutoffs(int relevance, int novelty)
{
    m_relevanceCutoff = relevance;
    m_noveltyCutoff = novelty;
}

void DayListModel::setToday(const QDate &today)
{
    m_today = today;
}

void DayListModel::reload()
{
    LibraryRepository repo(m_database);
    QList<LibraryDay> days = repo.days(DigestRule(m_relevanceCutoff, m_noveltyCutoff));
    // Today first, whether or not it has data yet; days after "today" (a pinned demo day) stay above it.
    if (m_today.isValid()) {
        bool present = false;
        for (const LibraryDay &d : days)
            present = present || d.day == m_today;
        if (!present) {
            LibraryDay today;
            today.day = m_today;
            qsizetype at = 0;
            while (at < days.size() && days.at(at).day > m_today)
                ++at;
            days.insert(at, today);
        }
    }
    beginResetModel();
    m_days = std::move(days);
    endResetModel();
}

int DayListModel::rowOfDay(const QDate &day) const
{
    for (qsizetype i = 0; i < m_days.size(); ++i) {
        if (m_days.at(i).day == day)
            return int(i);
    }
    return -1;
}

QDate DayListModel::dayAt(int row) const
{
    return row >= 0 && row < m_days.size() ? m_days.at(row).day : QDate();
}

const LibraryDay *DayListModel::entry(int row) const
{
    return row >= 0 && row < m_days.size() ? &m_days.at(row) : nullptr;
}

int DayListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_days.size());
}

QString DayListModel::summary(const LibraryDay &d) const
{
    if (d.lastRunStatus == u"running"_s)
        return tr("Running…");
    if (d.papers == 0 && d.runs == 0)
        return d.day == m_today ? tr("Not run yet") : tr("No papers");
    if (d.papers == 0)
        return tr("No announcement");
    QString text = d.scored > 0 || d.relevant > 0 ? tr("%n relevant", nullptr, d.relevant)
                                                  : tr("%n papers, not scored", nullptr, d.papers);
    if (d.costUsd > 0)
        text += u" · "_s + CostFormat::usd(d.costUsd);
    if (d.lastRunStatus == u"failed"_s)
        text += u" · "_s + tr("failed");
    else if (d.lastRunStatus == u"cancelled"_s)
        text += u" · "_s + tr("cancelled");
    else if (d.lastRunStatus == u"budget"_s)
        text += u" · "_s + tr("budget reached");
    return text;
}

QVariant DayListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LibraryDay &d = m_days.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString date = QLocale().toString(d.day, u"ddd d MMM yyyy"_s);
        if (d.day != m_today)
            return date;
        const QString shortDate = QLocale().toString(d.day, u"d MMM yyyy"_s);
        return m_todayCaption.isEmpty() ? tr("Today, %1").arg(QLocale().toString(d.day, u"d MMM"_s))
                                        : m_todayCaption + u", "_s + shortDate;
    }
    case Qt::ToolTipRole:
        return tr("%1\n%2 papers stored, %3 scored, %4 relevant\nLLM cost %5 over %n run(s)", nullptr, d.runs)
            .arg(QLocale().toString(d.day, QLocale::LongFormat))
            .arg(d.papers)
            .arg(d.scored)
            .arg(d.relevant)
            .arg(CostFormat::usd(d.costUsd));
    case Qt::AccessibleTextRole:
        return QString(QLocale().toString(d.day, QLocale::LongFormat) + u", "_s + summary(d));
    case DayRole: return d.day;
    case SummaryRole: return summary(d);
    case RelevantRole: return d.relevant;
    case PapersRole: return d.papers;
    case CostRole: return d.costUsd;
    case RunsRole: return d.runs;
    case StatusRole: return d.lastRunStatus;
    case IsTodayRole: return d.day == m_today;
    default: return {};
    }
}
