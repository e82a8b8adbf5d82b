// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/paperfilterproxymodel.h"

#include <QObject>

class PaperTableModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QToolButton;

// The filter bar's controls (their widgets are in ui/mainwindow.ui): scope, relevance ≥, novelty ≥,
// starred, unread, category, and the count of shown and hidden papers. Emits the filter as the proxy takes it.
class PaperFilterBar final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperFilterBar)

public:
    struct Widgets
    {
        QComboBox *scope;
        QSpinBox *minRelevance;
        QSpinBox *minNovelty;
        QCheckBox *starredOnly;
        QCheckBox *unreadOnly;
        QComboBox *category;
        QLabel *count;
        QToolButton *reset;
    };
    explicit PaperFilterBar(const Widgets &widgets, QObject *parent = nullptr);

    // forSearch: a search spans the whole history, every match counts whatever its score.
    PaperFilterProxyModel::Filter filter(bool forSearch) const;
    void setSearching(bool searching);
    // The category choices with their counts among the model's rows; the chosen one is kept.
    void updateCategories(const PaperTableModel &papers);
    void updateCount(int shown, int hidden, bool searching);
    // An empty digest with papers stored: show them all rather than an empty table.
    bool isDigestScope() const;
    void showAllPapers();
    // Every filter at its default: the day's digest, any score, starred or not, read or not, all categories.
    bool isDefault() const;

public slots:
    void reset();

signals:
    void changed();

private:
    Widgets m_w;
};
