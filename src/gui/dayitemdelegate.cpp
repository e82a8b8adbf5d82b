// SPDX-License-Identifier: GPL-3.0-or-later
#include "dayitemdelegate.h"

#include "models/daylistmodel.h"

#include <QApplication>
#include <QPainter>

namespace {
constexpr int kMargin = 6;

QFont summaryFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.9);
    return f;
}
} // namespace

void DayItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString date = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    QColor main = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = main;
    dim.setAlphaF(0.7);

    const QRect r = opt.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    painter->save();
    QFont dateFont = opt.font;
    if (index.data(DayListModel::IsTodayRole).toBool())
        dateFont.setBold(true);
    painter->setFont(dateFont);
    painter->setPen(main);
    const int lineHeight = QFontMetrics(dateFont).height();
    painter->drawText(QRect(r.left(), r.top(), r.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(dateFont).elidedText(date, Qt::ElideRight, r.width()));
    const QFont small = summaryFont(opt.font);
    painter->setFont(small);
    painter->setPen(dim);
    const QString summary = index.data(DayListModel::SummaryRole).toString();
    painter->drawText(QRect(r.left(), r.top() + lineHeight, r.width(), QFontMetrics(small).height()),
                      Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(small).elidedText(summary, Qt::ElideRight, r.width()));
    painter->restore();
}

QSize DayItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const int h = QFontMetrics(option.font).height() + QFontMetrics(summaryFont(option.font)).height() + kMargin;
    return {160, h + kMargin / 2};
}
