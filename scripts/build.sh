#!/usr/bin/env bash
# The TypeScript build (src/ -> dist/, which bin/cter runs), with the compact form of the built-in text model
# (dist/tekstmodel.bin), the stems of the built-in taxonomy's words (dist/stammen.json) and the bundle of the binomial
# distribution (dist/binomiaal.cjs), only when something in src/ (or the text model, the taxonomy, the packages or the
# compiler settings) changed since the last successful build. Run by scripts/setup.sh and, before any test, by vitest's
# global set-up (tests/setup/build.ts), so no test can run bin/cter on a stale build. The stamp carries the time the
# build started, so a file saved during the build is built next time; tsc itself is incremental too.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=dist/.cter-build-stamp
if [[ ! -f $stamp || -n $(find src data/tekstmodel.json data/taxonomie.json tsconfig.json package-lock.json -newer "$stamp" -print -quit) ]]; then
  mkdir -p dist
  touch "$stamp.new"
  node node_modules/typescript/bin/tsc -p tsconfig.json >&2 || { printf 'build: fout: de TypeScript-build is mislukt (zie hierboven).\n' >&2; exit 2; }
  node scripts/tekstmodel-compact.mjs || { printf 'build: fout: de compacte vorm van het tekstmodel is niet gemaakt (zie hierboven).\n' >&2; exit 2; }
  node scripts/stammen.mjs || { printf 'build: fout: de stammen van de taxonomie zijn niet berekend (zie hierboven).\n' >&2; exit 2; }
  node scripts/binomiaal-bundel.mjs || { printf 'build: fout: de bundel van de binomiale verdeling is niet gemaakt (zie hierboven).\n' >&2; exit 2; }
  mv "$stamp.new" "$stamp"
fi
