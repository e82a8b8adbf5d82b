// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcommand.h"

#include "cli/commandline.h"

#include <cstdio>

int runRunCommand(const CommandLine &)
{
    std::fputs("papersieve: run is not available in this build yet\n", stderr);
    return 2;
}
