// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// How a paper row looks: unread in bold, followed authors marked, the star in an accent colour. The model
// lives in the core (no QtGui) and says what to show through roles; this turns that into fonts and colours,
// taken from the palette so a dark system theme reads as well as a light one.
class PaperItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
