#!/usr/bin/env bash
# Sets up what is missing, then serves the playground on http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh
# Release: burn unoptimised is tens of times slower. No wasm-opt (index.html).
exec trunk serve --release "$@"
