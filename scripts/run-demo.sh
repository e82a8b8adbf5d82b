#!/usr/bin/env bash
# Build PaperSieve and open it on the bundled demo day (no network, no API key needed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh build
exec build/bin/papersieve --demo "$@"
