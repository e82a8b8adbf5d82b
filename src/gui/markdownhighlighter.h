// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <KSyntaxHighlighting/SyntaxHighlighter>

// KSyntaxHighlighting's Markdown highlighting for the criteria editor. applyFormat() is our own: it takes
// only the theme's colour (made opaque) and weight, and leaves text in the default style in the palette's
// colour, so the editor stays readable in dark palettes whatever the theme's background.
class MarkdownHighlighter final : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT

public:
    using KSyntaxHighlighting::SyntaxHighlighter::SyntaxHighlighter;

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;
};
