// Vitest's global set-up: build dist/ first when src/ is newer (scripts/build.sh), so a test that runs bin/cter never
// runs a stale build. In-process tests (tests/e2e/init-cli.ts `cter`) run the sources themselves.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  execFileSync('bash', [resolve(import.meta.dirname, '../../scripts/build.sh')], { stdio: 'inherit' });
}
