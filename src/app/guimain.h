// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct CommandLine;

// The window: needs a QApplication. Returns the exit code of the event loop.
int runGui(const CommandLine &cl);
