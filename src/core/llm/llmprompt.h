// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// One request's prompt, exactly as it is sent: a system text and one user message.
struct LlmPrompt
{
    QString system;
    QString user;
    // user.left(fixedLength) is the same for every batch of a stage (topics, rubric, instructions):
    // providers that need explicit cache marks (Anthropic) put their cache breakpoint there.
    qsizetype fixedLength = 0;

    QString fixedPart() const { return user.left(fixedLength); }
    QString variablePart() const { return user.mid(fixedLength); }
};
