// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"

// The reference digest of 2025-10-07 (testdata/digest/seed-2025-10-07.json) as a Digest.
namespace SeedFixture {
Digest load();
}
