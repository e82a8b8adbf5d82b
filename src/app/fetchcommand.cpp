// SPDX-License-Identifier: GPL-3.0-or-later
#include "fetchcommand.h"

#include "cli/commandline.h"

#include <cstdio>

int runFetchCommand(const CommandLine &)
{
    std::fputs("papersieve: fetch is not available in this build yet\n", stderr);
    return 2;
}
