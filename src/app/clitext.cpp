// SPDX-License-Identifier: GPL-3.0-or-later
#include "clitext.h"

QString CliText::stage(RunStage stage)
{
    switch (stage) {
    case RunStage::Feed: return tr("feed");
    case RunStage::Metadata: return tr("metadata");
    case RunStage::Authors: return tr("authors");
    case RunStage::PreFilter: return tr("pre-filter");
    case RunStage::Scoring: return tr("scoring");
    }
    return {};
}
