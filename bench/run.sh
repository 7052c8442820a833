#!/usr/bin/env bash
# Benchmark (not a test): ms per 1-D GAN training step, natively (flex, wgpu) and
# in Chromium (CPU backend, WebGPU), side by side in one run, with ratios to
# native flex at the same batch. Run scripts/test.sh (or setup.sh --test and a
# `trunk build --release`) first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out=$(mktemp)
cargo run --release --quiet --example bench1d | tee -a "$out"
[ -f dist/index.html ] || trunk build --release
node bench/browser.mjs | tee -a "$out"
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const base = Object.fromEntries(rows.filter(r => r.where === "native" && r.backend === "flex").map(r => [r.batch, r.msPerStep]));
console.log("\n| where | backend | batch | steps | ms/step | × native flex |");
console.log("|---|---|---|---|---|---|");
for (const r of rows) {
  const name = r.adapter ? `${r.backend} (${r.adapter})` : r.backend;
  console.log(`| ${r.where} | ${name} | ${r.batch} | ${r.steps} | ${r.msPerStep.toFixed(2)} | ${(r.msPerStep / base[r.batch]).toFixed(1)} |`);
}' "$out"
