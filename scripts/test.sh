#!/usr/bin/env bash
# Sets up (if needed), builds, and runs every test: lit suites, then CTest.
# Exits non-zero when any test fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"
cmake --build "$build" --target check-gpuos
