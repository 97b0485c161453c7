#!/usr/bin/env bash
# The whole test suite, after installing whatever is missing (scripts/setup.sh). This is the README's test command
# and exactly what CI runs (.ci/run). Extra arguments go to vitest, e.g. `bash scripts/test.sh tests/unit`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec npx --no-install vitest run "$@"
