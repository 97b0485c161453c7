#!/usr/bin/env bash
# The whole test suite, after installing whatever is missing (scripts/setup.sh). This is the README's test command
# and exactly what CI runs (.ci/run). Extra arguments go to vitest, e.g. `bash scripts/test.sh tests/unit`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Besides vitest's own report, a JSON report gives one plain closing line ("Tests: N passed, N failed") for CI logs.
report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
# vitest's own launcher, not `npx vitest`: npx costs most of a second of CPU before vitest starts.
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
if [[ -s $report ]]; then
  node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  ' "$report"
fi
exit "$status"
