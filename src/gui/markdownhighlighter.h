// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <KSyntaxHighlighting/SyntaxHighlighter>

// KSyntaxHighlighting's Markdown highlighting for the criteria editor. applyFormat() is our own: the
// library's (5.116 built for Qt 6.4) left the whole text invisible under Qt 6.4, so the format is built here
// from the theme's colour and weight only, and text in the default style keeps the palette's colour.
class MarkdownHighlighter final : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT

public:
    using KSyntaxHighlighting::SyntaxHighlighter::SyntaxHighlighter;

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;
};
