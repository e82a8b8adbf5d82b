// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownhighlighter.h"

#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Theme>

#include <QFont>
#include <QTextCharFormat>

void MarkdownHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    const KSyntaxHighlighting::Theme t = theme();
    if (length <= 0 || !t.isValid() || format.isDefaultTextStyle(t))
        return;
    QTextCharFormat tf;
    if (format.hasTextColor(t)) {
        QColor color = format.textColor(t);
        color.setAlpha(255);
        tf.setForeground(color);
    }
    if (format.isBold(t))
        tf.setFontWeight(QFont::Bold);
    if (format.isItalic(t))
        tf.setFontItalic(true);
    if (format.isUnderline(t))
        tf.setFontUnderline(true);
    if (format.isStrikeThrough(t))
        tf.setFontStrikeOut(true);
    setFormat(offset, length, tf);
}
