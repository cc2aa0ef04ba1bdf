#!/usr/bin/env bash
# The whole test suite: formatting, lints, then every test of every crate.
# This is the README's test command; .ci/run calls it after installing what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --workspace --all-targets --locked

# Doc tests are not part of --all-targets.
cargo test --workspace --doc --locked
