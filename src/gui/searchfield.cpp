// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchfield.h"

#include <QLineEdit>
#include <QShortcut>
#include <QTimer>

SearchField::SearchField(QLineEdit *edit, QObject *parent)
    : QObject(parent)
    , m_edit(edit)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(60); // answers as you type, once per burst of keys
    connect(m_timer, &QTimer::timeout, this, &SearchField::searchRequested);
    connect(m_edit, &QLineEdit::textChanged, m_timer, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_timer->stop();
        emit searchRequested();
        emit done();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_edit, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        m_edit->clear();
        emit done();
    });
}

void SearchField::focus()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}
