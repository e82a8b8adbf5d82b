// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include <QLabel>
#include <QToolButton>

MessageBar::MessageBar(QWidget *bar, QLabel *text, QToolButton *retry, QToolButton *settings, QToolButton *dismiss,
                       QObject *parent)
    : QObject(parent)
    , m_bar(bar)
    , m_text(text)
    , m_retry(retry)
{
    connect(retry, &QToolButton::clicked, this, &MessageBar::retryRequested);
    connect(settings, &QToolButton::clicked, this, &MessageBar::settingsRequested);
    connect(dismiss, &QToolButton::clicked, this, &MessageBar::hide);
    m_bar->hide();
}

void MessageBar::show(const QString &text, bool isError)
{
    m_text->setText(text);
    QPalette pal = m_bar->palette();
    const QColor base = m_bar->parentWidget() ? m_bar->parentWidget()->palette().color(QPalette::Window)
                                              : pal.color(QPalette::Window);
    const QColor tint = isError ? QColor(0xd0, 0x40, 0x30) : pal.color(QPalette::Highlight);
    // A tint of the window colour, so it works with light and dark palettes.
    pal.setColor(QPalette::Window, QColor((base.red() * 3 + tint.red()) / 4, (base.green() * 3 + tint.green()) / 4,
                                          (base.blue() * 3 + tint.blue()) / 4));
    m_bar->setPalette(pal);
    m_retry->setVisible(isError);
    m_retry->setEnabled(m_retryAvailable);
    m_bar->show();
}

void MessageBar::hide()
{
    m_bar->hide();
}

bool MessageBar::isShown() const
{
    return !m_bar->isHidden();
}

void MessageBar::setRetryAvailable(bool available)
{
    m_retryAvailable = available;
    m_retry->setEnabled(available);
}
