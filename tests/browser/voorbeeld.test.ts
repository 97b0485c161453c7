// The README's main command, `bash scripts/voorbeeld.sh`: set-up (quick when everything is there), then the Zaanstad
// report from the sample data. Checks the real PDF with poppler-utils. The run has every proxy variable pointing at a
// local listener that counts connections: Chromium makes no network request of its own, so not one arrives (issue 9;
// the rest of that proof, PDFs printed without any network, is in tests/browser/batch-afbreken.test.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadVerwacht, ROOT } from '../voorbeelddata.js';

const run = promisify(execFile);

describe('bash scripts/voorbeeld.sh', () => {
  it('renders the Zaanstad report of 2025-Q3 and prints its path', { timeout: 300_000 }, async () => {
    const verbindingen: Socket[] = [];
    const server = createServer((socket) => {
      verbindingen.push(socket);
      socket.destroy();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const proxy = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const proxies = { http_proxy: proxy, https_proxy: proxy, all_proxy: proxy, HTTP_PROXY: proxy, HTTPS_PROXY: proxy, ALL_PROXY: proxy, no_proxy: '' };
    const { stdout } = await run('bash', [join(ROOT, 'scripts/voorbeeld.sh')], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...proxies } }).finally(() =>
      server.close(),
    );
    expect(verbindingen).toHaveLength(0);
    const pdf = stdout.trim().split('\n').at(-1)!;
    expect(pdf).toBe(join(ROOT, 'uitvoer', 'lokaal-beeld_zaanstad_2025-Q3.pdf'));
    expect(existsSync(pdf.replace(/\.pdf$/, '_afgewezen.csv'))).toBe(false);
    expect(existsSync(join(ROOT, 'data-samples', 'prive', 'lokaal-beeld_zaanstad_2025-Q3_afgewezen.csv'))).toBe(true);

    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThanOrEqual(4);
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(text).toContain('Zaanstad');
    expect(text).toContain('3e kwartaal 2025');
    const verwacht = await loadVerwacht();
    expect(text).toMatch(new RegExp(`\\b${verwacht.zaanstadPerKwartaal['2025-Q3']} signalen\\b`));
    // Aggregates only: no person keys and no signal texts from the exports.
    expect(text).not.toMatch(/P-\d{6}/);
    expect(text).not.toContain('klassenapp');
    expect(text).not.toContain('notice of liability');
  });
});
