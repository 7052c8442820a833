#!/usr/bin/env bash
# Sets up what is missing (Chromium and lavapipe included), then runs every test:
# native unit and integration tests (flex, and wgpu on lavapipe), the release
# wasm build, and the browser tests in Chromium against the built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/setup.sh --test

step() { printf '\n\033[1;32m== %s\033[0m\n' "$*"; }
step "native tests (flex, and wgpu on lavapipe)"
cargo test --workspace --locked

step "numeric parity with PyTorch's DCGAN (checkpoint fetched with pip into a temp dir)"
python3 scripts/torch-parity.py

step "JS API typings (tsc --strict)"
npx tsc --strict --noEmit --lib es2022,dom --target es2022 --moduleResolution bundler --module esnext tests/types/usage.ts

step "release wasm build (trunk)"
trunk build --release

step "browser tests (Playwright + Chromium)"
node --test --test-concurrency=1 tests/
