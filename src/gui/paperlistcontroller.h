// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class PaperFilterProxyModel;
class PaperTableModel;
class QTableView;
class QTimer;

// What the reader does in the paper list: the columns' widths, moving through it (j / k), starring and
// read state. A paper counts as read once it was current for a moment (the read timer).
class PaperListController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperListController)

public:
    PaperListController(QTableView *view, PaperTableModel *papers, PaperFilterProxyModel *proxy,
                        QObject *parent = nullptr);

    QTableView *view() const { return m_view; }
    int currentSourceRow() const;
    void moveSelection(int delta);
    void selectFirst();
    void toggleStar();

signals:
    // The current paper (a source row; -1: none) is to be shown.
    void currentChanged(int sourceRow);
    void starChanged(bool starred);
    void failed(const QString &message);

private:
    void onCurrentChanged();

    QTableView *m_view;
    PaperTableModel *m_papers;
    PaperFilterProxyModel *m_proxy;
    QTimer *m_readTimer;
};
