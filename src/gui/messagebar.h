// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLabel;
class QToolButton;
class QWidget;

// The non-modal bar above the papers (its widgets are in ui/mainwindow.ui): what went wrong and what to do
// about it, with Retry and Settings… buttons, tinted from the palette so it works in light and dark themes.
class MessageBar final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    MessageBar(QWidget *bar, QLabel *text, QToolButton *retry, QToolButton *settings, QToolButton *dismiss,
               QObject *parent = nullptr);

    void show(const QString &text, bool isError);
    void hide();
    bool isShown() const;
    QLabel *label() const { return m_text; }
    // Without a controller nothing can be retried.
    void setRetryAvailable(bool available);

signals:
    void retryRequested();
    void settingsRequested();

private:
    QWidget *m_bar;
    QLabel *m_text;
    QToolButton *m_retry;
    bool m_retryAvailable = true;
};
