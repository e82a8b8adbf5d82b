// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperfilterbar.h"

#include "models/papertablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMap>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

PaperFilterBar::PaperFilterBar(const Widgets &widgets, QObject *parent)
    : QObject(parent)
    , m_w(widgets)
{
    // The scope's item data are the proxy's values, which Designer cannot hold.
    m_w.scope->addItem(tr("Digest (relevant)"), int(PaperFilterProxyModel::Scope::Relevant));
    m_w.scope->addItem(tr("All scored"), int(PaperFilterProxyModel::Scope::Scored));
    m_w.scope->addItem(tr("All papers"), int(PaperFilterProxyModel::Scope::All));
    connect(m_w.scope, &QComboBox::currentIndexChanged, this, &PaperFilterBar::changed);
    connect(m_w.minRelevance, &QSpinBox::valueChanged, this, &PaperFilterBar::changed);
    connect(m_w.minNovelty, &QSpinBox::valueChanged, this, &PaperFilterBar::changed);
    connect(m_w.starredOnly, &QCheckBox::toggled, this, &PaperFilterBar::changed);
    connect(m_w.unreadOnly, &QCheckBox::toggled, this, &PaperFilterBar::changed);
    connect(m_w.category, &QComboBox::currentIndexChanged, this, &PaperFilterBar::changed);
}

PaperFilterProxyModel::Filter PaperFilterBar::filter(bool forSearch) const
{
    PaperFilterProxyModel::Filter f;
    f.scope = forSearch ? PaperFilterProxyModel::Scope::All
                        : PaperFilterProxyModel::Scope(m_w.scope->currentData().toInt());
    f.minRelevance = m_w.minRelevance->value();
    f.minNovelty = m_w.minNovelty->value();
    f.starredOnly = m_w.starredOnly->isChecked();
    f.unreadOnly = m_w.unreadOnly->isChecked();
    f.category = m_w.category->currentData().toString();
    return f;
}

void PaperFilterBar::setSearching(bool searching)
{
    m_w.scope->setEnabled(!searching);
}

void PaperFilterBar::updateCategories(const PaperTableModel &papers)
{
    const QString current = m_w.category->currentData().toString();
    QMap<QString, int> counts;
    for (int row = 0; row < papers.rowCount(); ++row)
        ++counts[papers.paperAt(row)->primaryCategory];
    const QSignalBlocker block(m_w.category);
    m_w.category->clear();
    m_w.category->addItem(tr("All categories"), QString());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!it.key().isEmpty())
            m_w.category->addItem(u"%1 (%2)"_s.arg(it.key()).arg(it.value()), it.key());
    }
    const int keep = m_w.category->findData(current);
    if (keep < 0 && !current.isEmpty()) {
        m_w.category->addItem(current, current);
        m_w.category->setCurrentIndex(m_w.category->count() - 1);
    } else {
        m_w.category->setCurrentIndex(std::max(0, keep));
    }
}

void PaperFilterBar::updateCount(int shown, int hidden, bool searching)
{
    QString text = searching ? tr("%n match(es) in all days", nullptr, shown) : tr("%n paper(s)", nullptr, shown);
    if (hidden > 0)
        text += u" · "_s + tr("%n hidden by filters", nullptr, hidden);
    m_w.count->setText(text);
}

bool PaperFilterBar::isDigestScope() const
{
    return m_w.scope->currentIndex() == 0;
}

void PaperFilterBar::showAllPapers()
{
    m_w.scope->setCurrentIndex(2);
}
