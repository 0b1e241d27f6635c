#!/usr/bin/env bash
# The main job on a fresh machine: set up, ingest the bundled example reports, print what was found, and open
# the workspace (the server stays in the foreground; Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export SITREP_DB=${SITREP_DB:-sitrep.db}
.venv/bin/sitrep ingest examples/reports
.venv/bin/sitrep summary
exec .venv/bin/sitrep serve --host 127.0.0.1 --port "${PORT:-8000}"
