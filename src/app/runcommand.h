// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct CommandLine;

// Exit codes of `papersieve run` (docs/PIPELINE.md "Exit codes"); 64 is a usage error (main.cpp).
namespace RunExit {
enum : int {
    Ok = 0,            // done, nothing relevant, or no announcement on that day (RunOutcome)
    Failed = 1,        // arXiv down, LLM refused or failed, ... (a digest marked incomplete if papers were fetched)
    NoApiKey = 2,      // no key in the provider's environment variable
    Database = 3,      // the database cannot be opened, read or written (read-only, damaged, newer, full)
    BudgetReached = 4, // the budget stopped the run, or its estimate was over it (no --yes)
    Cancelled = 5,     // SIGINT/SIGTERM: what was paid for is stored; the next run resumes
    CannotWrite = 6,   // --out could not be written
};
}

// `papersieve run`: fetch + select + digest; needs a QCoreApplication, no display. Returns the exit code.
int runRunCommand(const CommandLine &cl);
