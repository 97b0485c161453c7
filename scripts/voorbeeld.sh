#!/usr/bin/env bash
# The README's main command: installs what is missing (scripts/setup.sh), then renders the lokaal beeld of Zaanstad for
# the latest complete quarter from the fictional sample data in data-samples/. That folder is a cter workspace: its
# cter.config.json names the exports and the trend notes and sends output to ./uitvoer. stdout: the path of the PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cd data-samples
# The sample data holds deliberately bad rows, so beeld ends with exit code 1: "report written, input rows rejected".
status=0
node ../bin/cter beeld --gemeente Zaanstad || status=$?
if [[ $status -eq 1 ]]; then
  printf 'De voorbeeldgegevens bevatten bewust foute regels (zie data-samples/README.md); ze staan met hun reden in data-samples/prive/ (de privémap van de werkmap), niet bij het rapport.\n' >&2
  exit 0
fi
exit "$status"
