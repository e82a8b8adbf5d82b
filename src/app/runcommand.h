// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct CommandLine;

// `papersieve run`: fetch + select + digest; needs a QCoreApplication, no display. Returns the exit code.
int runRunCommand(const CommandLine &cl);
