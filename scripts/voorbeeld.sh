#!/usr/bin/env bash
# The README's main command: installs what is missing (scripts/setup.sh), then renders the lokaal beeld of Zaanstad for
# the latest complete quarter from the fictional sample data in data-samples/. That folder is a cter workspace: its
# cter.config.json names the exports and the trend notes and sends output to ./uitvoer. stdout: the path of the PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cd data-samples
# The sample data holds deliberately bad rows. beeld reports them and still ends with exit code 0 (rejected rows are no
# error unless --streng; README "Afsluitcodes"), so a new user is told here that the warnings are meant.
node ../bin/cter beeld --gemeente Zaanstad
printf 'De voorbeeldgegevens bevatten bewust foute regels (zie data-samples/README.md); ze staan met hun reden in data-samples/prive/ (de privémap van de werkmap), niet bij het rapport.\n' >&2
