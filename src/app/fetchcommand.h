// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct CommandLine;

// `papersieve fetch`: needs a QCoreApplication, no display. Returns the process exit code.
int runFetchCommand(const CommandLine &cl);
