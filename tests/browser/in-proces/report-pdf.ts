// The PDF renderer against the installed Chromium: a pool of pages, metadata that keeps the tagged structure and the
// outline, recovery after a browser crash, and a time limit that discards the stuck page. Part of
// tests/browser/in-proces.test.ts, which runs it first.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/report/browser.js';
import { PdfRenderer, RenderError, RenderTimeoutError, type PdfDocument } from '../../../src/report/pdf.js';

const doc = (titel: string, extern = 'https://voorbeeld.invalid'): PdfDocument => ({
  html: `<!doctype html><html lang="nl"><head><title>${titel}</title>
    <link rel="stylesheet" href="${extern}/stijl.css"></head><body>
    <h1>${titel}</h1><p>Eerste hoofdstuk.</p><h2>Onderdeel</h2><p>Tekst.</p>
    <img src="${extern}/beeld.png" alt="extern beeld">
    <script>document.body.append('SCRIPT-DRAAIDE')</script></body></html>`,
  headerTemplate: '<div style="font-size: 8pt; width: 100%; text-align: center;">INTERN</div>',
  footerTemplate:
    '<div style="font-size: 8pt; width: 100%; text-align: center;">pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>',
  metadata: {
    title: titel,
    subject: 'Proef',
    author: 'Gemeente Zaanstad',
    keywords: ['CTER', 'Departementaal Vertrouwelijk', 'TLP:AMBER'],
    producer: 'cter 9.9.9',
    language: 'nl',
    created: new Date(2025, 9, 6, 14, 3),
  },
});

/** The Chromium processes this test process started (puppeteer spawns the browser as a direct child). */
function ownBrowserPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)]).toString();
  return out
    .split('\n')
    .filter((l) => /chrom/i.test(l))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

describe('PdfRenderer', () => {
  let uit: string;
  const renderer = new PdfRenderer({ executablePath: findBrowser(), parallel: 2 });
  beforeAll(async () => {
    uit = await mkdtemp(join(tmpdir(), 'cter-pdf-'));
    await renderer.start();
  });
  afterAll(() => renderer.close());

  // First, before the worker's Chromium has printed anything: the one that replaces it prints the rest of the file
  // (tests/browser/in-proces.test.ts), so no more Chromium work is lost to the crash than its start.
  it('starts a new browser after a crash', async () => {
    const crash = await mkdtemp(join(tmpdir(), 'cter-pdf-crash-'));
    const pids = ownBrowserPids();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    // A document given to the dying browser fails once with a Dutch message: the renderer does not try it again
    // (retrying a report is the batch's decision, made in one place), but the next document gets a new browser.
    await renderer.render(doc('Tijdens de crash'), join(crash, 'd0.pdf')).then(
      () => undefined,
      (err: unknown) => expect(err).toBeInstanceOf(RenderError),
    );
    const r = await renderer.render(doc('Na de crash'), join(crash, 'd.pdf'));
    expect(r.pages).toBe(1);
    expect(ownBrowserPids().some((pid) => !pids.includes(pid))).toBe(true);
  });

  it('prints documents side by side and sets the metadata, keeping tags and outline', async () => {
    const [a, b] = await Promise.all([
      renderer.render(doc('Eerste rapport'), join(uit, 'a.pdf')),
      renderer.render(doc('Tweede rapport'), join(uit, 'b.pdf')),
    ]);
    expect([a.pages, b.pages]).toEqual([1, 1]);
    const info = execFileSync('pdfinfo', [a.path]).toString();
    expect(info).toMatch(/Title:\s+Eerste rapport/);
    expect(info).toMatch(/Author:\s+Gemeente Zaanstad/);
    expect(info).toMatch(/Keywords:\s+CTER; Departementaal Vertrouwelijk; TLP:AMBER/);
    expect(info).toMatch(/Producer:\s+cter 9\.9\.9/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const pdf = await PDFDocument.load(await readFile(a.path));
    expect(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)).toBeDefined();
    expect(pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)).toBeDefined();
    expect(await readdir(uit)).toEqual(['a.pdf', 'b.pdf']);
  });

  it('runs no page JavaScript and loads nothing from the network', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const r = await renderer
      .render(doc('Zonder script', `http://127.0.0.1:${port}`), join(uit, 'c.pdf'))
      .finally(() => server.close());
    expect(requests).toEqual([]);
    const text = execFileSync('pdftotext', [r.path, '-']).toString();
    expect(text).toContain('Eerste hoofdstuk.');
    expect(text).not.toContain('SCRIPT-DRAAIDE');
    expect(text).toContain('pagina 1 van 1');
  });

  it('gives up on a document after its time limit, and goes on with the next', async () => {
    await expect(renderer.render(doc('Te langzaam'), join(uit, 'e.pdf'), { timeoutMs: 1 })).rejects.toThrow(RenderTimeoutError);
    expect(existsSync(join(uit, 'e.pdf'))).toBe(false);
    const r = await renderer.render(doc('Daarna'), join(uit, 'f.pdf'));
    expect(r.pages).toBe(1);
  });
});
