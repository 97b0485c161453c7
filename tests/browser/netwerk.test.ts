// End-to-end (issue 9): Chromium makes no network request of its own. A PDF renders with no network at all (a fresh
// network namespace, `unshare -n`, where the machine allows it), and the launch flags are checked. That not one
// connection reaches a proxy that every proxy variable points at is checked on the README's main command, in
// tests/browser/voorbeeld.test.ts: one real cter process with its own Chromium proves both.
import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ZONDER_NETWERK } from '../../src/report/pdf.js';
import { cterProces } from '../e2e/init-cli.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/report');
const run = promisify(execFile);

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-netwerk-'));
  await cp(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes(`${FIXTURE}/prive`) });
  return dir;
}

async function kanUnshare(): Promise<boolean> {
  return run('unshare', ['-n', 'true']).then(
    () => true,
    () => false,
  );
}

describe('Chromium without network', () => {
  it('launches with every background network service off and no host name resolving', () => {
    for (const flag of [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--metrics-recording-only',
      '--safebrowsing-disable-auto-update',
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ]) {
      expect(CHROMIUM_ZONDER_NETWERK).toContain(flag);
    }
  });

  it('renders a PDF in a network namespace without any network (unshare -n)', { timeout: 180_000 }, async (ctx) => {
    if (!(await kanUnshare())) ctx.skip();
    const ws = await workspace();
    const uit = join(ws, 'uit');
    const r = await cterProces(['beeld', '--gemeente', 'Zaanstad', '--uit', uit], ws, ['unshare', '-n']);
    expect(r.stderr).not.toContain('interne fout');
    expect(r.code).toBe(0); // the fixture has rejected rows: reported, not fatal (README "Afsluitcodes")
    const text = (await run('pdftotext', [join(uit, 'lokaal-beeld_zaanstad_2025-Q3.pdf'), '-'])).stdout;
    expect(text).toContain('Zaanstad');
  });
});
