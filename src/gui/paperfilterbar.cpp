// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperfilterbar.h"

#include "models/papertablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMap>
#include <QSpinBox>
#include <QToolButton>

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
    // Enabled rather than shown, and the count lives in the status bar (MainWindow): nothing in the bar moves
    // under the pointer when a filter or the count changes.
    connect(this, &PaperFilterBar::changed, this, [this] { m_w.reset->setEnabled(!isDefault()); });
    m_w.reset->setEnabled(false);
    m_w.reset->setText(tr("Reset"));
    m_w.reset->setToolTip(tr("Show the digest again: every filter back to its default (Ctrl+Backspace)"));
    connect(m_w.reset, &QToolButton::clicked, this, &PaperFilterBar::reset);
}

bool PaperFilterBar::isDefault() const
{
    return m_w.scope->currentIndex() == 0 && m_w.minRelevance->value() == 0 && m_w.minNovelty->value() == 0
        && !m_w.starredOnly->isChecked() && !m_w.unreadOnly->isChecked() && m_w.category->currentIndex() <= 0;
}

void PaperFilterBar::reset()
{
    {
        const QSignalBlocker b1(m_w.scope), b2(m_w.minRelevance), b3(m_w.minNovelty), b4(m_w.starredOnly),
            b5(m_w.unreadOnly), b6(m_w.category);
        m_w.scope->setCurrentIndex(0);
        m_w.minRelevance->setValue(0);
        m_w.minNovelty->setValue(0);
        m_w.starredOnly->setChecked(false);
        m_w.unreadOnly->setChecked(false);
        m_w.category->setCurrentIndex(0);
    }
    emit changed();
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
