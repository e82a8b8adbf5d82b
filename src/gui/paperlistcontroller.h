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
    // The selected papers as source rows, in list order; the current one when nothing is selected.
    QList<int> selectedSourceRows() const;
    void moveSelection(int delta);
    void selectFirst();
    // On the selection: stars all unless all are starred (then unstars them).
    void toggleStar();
    // On the selection: the current paper's read state flipped, for all of them.
    void toggleRead();
    // Every paper of the list, shown or filtered out.
    void markAllRead();
    // The current paper was not chosen by the reader (a search as you type): it does not become read.
    void cancelAutoRead();

signals:
    // The current paper (a source row; -1: none) is to be shown.
    void currentChanged(int sourceRow);
    void starChanged(bool starred);
    void readChanged(bool read);
    void failed(const QString &message);

private:
    void onCurrentChanged();

    QTableView *m_view;
    PaperTableModel *m_papers;
    PaperFilterProxyModel *m_proxy;
    QTimer *m_readTimer;
    qint64 m_readCandidate = 0; // the paper the read timer was started for
};
