# Sourced by the scripts: one build cache outside the clone, so a fresh clone
# (as CI makes) does not rebuild burn from scratch.
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/gan-playground/target}"
# wgpu natively (lavapipe in tests) wants a runtime dir.
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
