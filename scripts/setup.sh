#!/usr/bin/env bash
# Installs whatever cter needs on a Debian machine, and does nothing when everything is there:
#   1. Node.js >= 20.19;
#   2. Debian packages: Chromium and fonts (PDF), poppler-utils, `script` and tmux (used by the tests), and the
#      build tools and libraries that canvas (charts) is compiled against;
#   3. npm ci, when node_modules is missing or older than package-lock.json;
#   4. the TypeScript build, when src/ changed since the last successful build.
# Messages are Dutch and go to stderr. Exit code 2 when something cannot be installed from here.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }
fail() { printf 'setup: fout: %s\n' "$*" >&2; exit 2; }

# --- 1. Node.js --------------------------------------------------------------------------------------------------
command -v node >/dev/null 2>&1 ||
  fail "Node.js ontbreekt. Installeer Node.js 20.19 of nieuwer (bijvoorbeeld: apt-get install -y nodejs van NodeSource)."
node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1);
' || fail "cter heeft Node.js 20.19 of nieuwer nodig; gevonden: $(node --version). Installeer een nieuwere Node.js."

# --- 2. Debian packages ------------------------------------------------------------------------------------------
# chromium + fonts: the PDF; poppler-utils: pdftotext/pdfinfo in the tests; bsdutils (`script`) and tmux: the
# terminals the tests of interactive prompts run in; the rest: compiling canvas (charts).
PACKAGES=(
  chromium fonts-liberation fonts-dejavu-core poppler-utils bsdutils tmux
  build-essential python3 pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev libpixman-1-dev
)
if command -v dpkg-query >/dev/null 2>&1; then
  # One dpkg-query for all packages (one per package cost most of a second): it lists those dpkg knows, with their
  # status; a package it does not list, or lists as not installed, is missing.
  installed_now=" $(dpkg-query -W -f='${Package}=${Status}\n' "${PACKAGES[@]}" 2>/dev/null | sed -n 's/=install ok installed$//p' | tr '\n' ' ' || true)"
  missing=()
  for pkg in "${PACKAGES[@]}"; do
    [[ $installed_now == *" $pkg "* ]] || missing+=("$pkg")
  done
  if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -eq 0 ]]; then
      say "systeempakketten installeren: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 || fail "apt-get update is mislukt; controleer de pakketbronnen en de netwerkverbinding."
      apt-get install -y -qq "${missing[@]}" >&2 ||
        fail "apt-get install is mislukt voor: ${missing[*]}"
    else
      say "deze systeempakketten ontbreken: ${missing[*]}"
      say "voer dit uit en start daarna opnieuw:"
      printf '  sudo apt-get update && sudo apt-get install -y %s\n' "${missing[*]}" >&2
      exit 2
    fi
  fi
else
  say "geen Debian/Ubuntu (dpkg-query ontbreekt): zorg zelf voor Chromium of Chrome, poppler-utils en de"
  say "bouwbibliotheken van canvas (cairo, pango, libjpeg, giflib, librsvg); zie README.md."
fi

# --- 3. npm packages ---------------------------------------------------------------------------------------------
# npm writes node_modules/.package-lock.json after every successful install: it is the stamp. npm ci runs when it is
# missing or older than package-lock.json (a new lockfile came in), or when canvas, the one native module, is not built.
installed=node_modules/.package-lock.json
if [[ ! -f $installed || package-lock.json -nt $installed || ! -f node_modules/canvas/build/Release/canvas.node ]]; then
  say "npm-pakketten installeren (npm ci; canvas wordt gecompileerd, dat duurt ongeveer een minuut)"
  # canvas is compiled with node-gyp. Use the Node headers installed beside node (Debian/NodeSource ship them in
  # <prefix>/include/node) so node-gyp does not have to download them from nodejs.org.
  node_prefix=$(dirname "$(dirname "$(command -v node)")")
  if [[ -f $node_prefix/include/node/node_version.h && -z ${npm_config_nodedir:-} ]]; then
    export npm_config_nodedir=$node_prefix
  fi
  npm ci --no-audit --no-fund --loglevel=error >&2 || fail "npm ci is mislukt (zie de meldingen hierboven)."
fi

# --- 4. TypeScript build -----------------------------------------------------------------------------------------
# Only when src/ (or the compiler settings) changed since the last successful build: scripts/build.sh.
bash scripts/build.sh
