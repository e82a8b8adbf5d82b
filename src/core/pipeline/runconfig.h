// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authorstage.h"
#include "domain/runsettings.h"
#include "ingest/ingestconfig.h"
#include "selection/selectionconfig.h"

class AppSettings;

// Where the user's settings become the config values the stages take: nothing below the pipeline
// reads AppSettings (docs/ARCHITECTURE.md).
namespace RunConfig {

RunSettings runSettings(const AppSettings &settings);
// What a selection run with these settings is given: model, tier and cutoffs from `run`, the criteria
// and the batching from `settings`. The caller adds what is not a setting (key, endpoint, budget left).
SelectionConfig selectionConfig(const RunSettings &run, const AppSettings &settings);

// The author stages' part of a run (followed authors, h-index cutoff, the S2 address); the caller adds
// what is not a setting (key, spacing, retry policy, criteria id).
AuthorStage::Config authorConfig(const RunSettings &run, const AppSettings &settings);

// The arXiv side of a run; categories empty: the settings' categories.
IngestConfig ingestConfig(const AppSettings &settings, const QStringList &categories = {});

} // namespace RunConfig
