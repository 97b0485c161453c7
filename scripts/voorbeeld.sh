#!/usr/bin/env bash
# The README's main command: installs what is missing (scripts/setup.sh), then runs cter on the fictional sample data in
# data-samples/. That folder is a cter workspace: its cter.config.json names the exports and the trend notes, and sends
# output to ./uitvoer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cd data-samples
# The sample data holds deliberately bad rows, so valideer ends with exit code 1 ("done, with rejected rows").
status=0
node ../bin/cter valideer ./*.csv || status=$?
if [[ $status -eq 1 ]]; then
  printf '\nDe voorbeeldgegevens bevatten bewust foute regels (zie data-samples/README.md); cter heeft ze gevonden.\n' >&2
  exit 0
fi
exit "$status"
