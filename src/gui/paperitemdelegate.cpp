// SPDX-License-Identifier: GPL-3.0-or-later
#include "paperitemdelegate.h"

#include "models/papertablemodel.h"

using namespace Qt::Literals::StringLiterals;

void PaperItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(PaperTableModel::ReadRole).toBool())
        option->font.setBold(true);
    switch (index.column()) {
    case PaperTableModel::AuthorsColumn:
        if (index.data(PaperTableModel::FollowedRole).toBool()) {
            option->text = u"◆ "_s + option->text;
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Link));
        }
        break;
    case PaperTableModel::StarColumn:
        // A warm accent that reads on light and dark bases alike.
        option->palette.setColor(QPalette::Text, QColor(0xe0, 0x9a, 0x10));
        break;
    case PaperTableModel::ReadColumn:
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Link));
        break;
    default:
        break;
    }
}
