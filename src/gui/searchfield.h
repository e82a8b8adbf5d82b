// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLineEdit;
class QTimer;

// The filter bar's search box (its widget is in ui/mainwindow.ui): asks for a search as the user types, once
// per burst of keys; Enter searches at once and hands the keys to the list, Esc clears it and does the same.
class SearchField final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchField)

public:
    explicit SearchField(QLineEdit *edit, QObject *parent = nullptr);

    // /, Ctrl+F: the only ways besides a click that put the focus here.
    void focus();

signals:
    void searchRequested();
    void done(); // Enter or Esc: the list should take the keys

private:
    QLineEdit *m_edit;
    QTimer *m_timer;
};
