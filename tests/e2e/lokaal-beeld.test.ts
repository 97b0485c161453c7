// End-to-end: the duiding in the lokaal beeld, on the sample data (data-samples/): `cter duiding` writes a draft, the
// report renders it after the kernpunten, and a public report leaves it out; checked in the report's HTML document,
// which is exactly what Chromium prints into the PDF (src/report/writer.ts). The maps of the sample reports are
// checked in the PDFs of tests/browser/in-proces/batch.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { voorbeeldWerkmap } from '../voorbeelddata.js';
import { cter } from './init-cli.js';

const ENTITEITEN: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x60': '`', '#x3D': '=' };

/** The text of an HTML document as a reader sees it: tags gone, entities decoded, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#?\w+);/g, (m, naam: string) => ENTITEITEN[naam] ?? m)
    .replace(/\s+/g, ' ');
}

describe('cter duiding and the duiding in the report', { timeout: 180_000 }, () => {
  let werkmap: string;
  let pad: string;
  beforeAll(async () => {
    werkmap = await voorbeeldWerkmap({ uitvoer: 'uitvoer' });
    const run = await cter(['duiding', '--gemeente', 'Zaanstad', '--periode', '2025-Q3'], { cwd: werkmap });
    expect(run.code).toBe(0);
    pad = run.stdout.trim();
  }, 120_000);

  it('writes a draft in the workspace’s duiding folder and never overwrites it without --forceer', async () => {
    expect(pad).toBe(join(werkmap, 'duiding', 'duiding_zaanstad_2025-Q3.md'));
    const concept = await readFile(pad, 'utf8');
    expect(concept).toContain('## Advies aan de driehoek');
    expect(concept).toContain('openbaar: nee');
    await writeFile(pad, '---\nopenbaar: nee\n---\n## Duiding\n\nDe toename is zorgelijk <script>alert(1)</script>.\n\n## Advies aan de driehoek\n\nVerscherp de beveiliging van raadsvergaderingen.\n');
    const again = await cter(['duiding', '--gemeente', 'Zaanstad', '--periode', '2025-Q3'], { cwd: werkmap });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('bestaat al');
    expect(await readFile(pad, 'utf8')).toContain('De toename is zorgelijk');
  });

  it('renders it as chapter 2 after the kernpunten, escaped; a public report leaves it out without openbaar: ja', async () => {
    const intern = await cter(['beeld', '--gemeente', 'Zaanstad', '--periode', '2025-Q3', '--formaat', 'html'], { cwd: werkmap });
    const html = await readFile(intern.stdout.trim(), 'utf8');
    expect(html).toContain('De toename is zorgelijk &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(html).not.toMatch(/<script/i);
    const tekst = text(html);
    expect(tekst).toContain('2. Duiding en advies');
    expect(tekst).toContain('De toename is zorgelijk <script>alert(1)</script>.');
    expect(tekst).toContain('Advies aan de driehoek Verscherp de beveiliging');
    expect(tekst.indexOf('1. Kernpunten')).toBeLessThan(tekst.indexOf('2. Duiding en advies'));
    expect(tekst).toContain('3. Signalen per fenomeen');

    const openbaar = await cter(
      ['beeld', '--gemeente', 'Zaanstad', '--periode', '2025-Q3', '--rubricering', 'Openbaar', '--uit', 'openbaar', '--formaat', 'html'],
      { cwd: werkmap },
    );
    const publiek = text(await readFile(openbaar.stdout.trim(), 'utf8'));
    expect(publiek).not.toContain('Duiding en advies');
    expect(publiek).not.toContain('De toename is zorgelijk');
    expect(publiek).toContain('2. Signalen per fenomeen');
  });
});
