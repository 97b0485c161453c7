// End-to-end: the lokaal beeld as a finished product, on the sample data (data-samples/): the region report's
// choropleth and the gemeente report's locator map (vector SVG, tagged: each gemeente has alternative text in the PDF's
// structure tree), checked with pdftotext and pdf-lib.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../voorbeelddata.js';
import { cter } from '../e2e/init-cli.js';

const run = promisify(execFile);

async function text(pdf: string, layout = true): Promise<string> {
  return (await run('pdftotext', [...(layout ? ['-layout'] : []), pdf, '-'])).stdout;
}

/** The alternative texts of the PDF's Figure structure elements. */
async function figureAlts(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(pdf));
  const alts: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('S'))?.toString() === '/Figure') {
      const alt = obj.lookupMaybe(PDFName.of('Alt'), PDFString, PDFHexString);
      if (alt) alts.push(alt.decodeText());
    }
  }
  return alts;
}

const ZW = ['Edam-Volendam', 'Landsmeer', 'Oostzaan', 'Purmerend', 'Waterland', 'Wormerland', 'Zaanstad'];

describe('the sample reports of 2025-Q3', { timeout: 120_000 }, () => {
  let uit: string;
  let regio: string;
  let zaanstad: string;
  beforeAll(async () => {
    uit = await mkdtemp(join(tmpdir(), 'cter-lokaal-beeld-'));
    const r = await cter(['beeld', '--regio', 'Zaanstreek-Waterland', '--periode', '2025-Q3', '--uit', uit], { cwd: SAMPLES });
    const g = await cter(['beeld', '--gemeente', 'Zaanstad', '--periode', '2025-Q3', '--uit', uit], { cwd: SAMPLES });
    regio = r.stdout.trim();
    zaanstad = g.stdout.trim();
  }, 120_000);

  it('the region report has a map of its 7 gemeenten, named in its tags and text, with legend and source line', async () => {
    const alts = await figureAlts(regio);
    for (const naam of ZW) {
      expect(alts.some((a) => a.startsWith(`${naam}: `) && /per 10\.000 inwoners \(\d+ signa(al|len)/.test(a)), naam).toBe(true);
    }
    const all = (await text(regio)).replace(/\s+/g, ' ');
    for (const naam of ZW) expect(all).toContain(naam);
    expect(all).toContain('Signalen per 10.000 inwoners');
    expect(all).toMatch(/0,0 tot 1,0 .*of meer/);
    expect(all).toContain('Bron: CBS, PDOK');
    expect(all).toContain('Inwoners: CBS, 1 januari 2022.');
  });

  it('the Oostzaan rate on 4 signals is on the map but not a kernpunt', async () => {
    expect((await text(regio)).replace(/\s+/g, ' ')).toMatch(/Oostzaan 4,2\* 4/);
    // In reading order the kernpunten come before the map's labels.
    const all = (await text(regio, false)).replace(/\s+/g, ' ');
    const kernpunten = all.slice(all.indexOf('Kernpunten'), all.indexOf('Edam-Volendam'));
    expect(kernpunten).toContain('De meeste signalen komen uit Zaanstad');
    expect(kernpunten).not.toContain('Oostzaan');
  });

  it('the gemeente report has the locator map within its region', async () => {
    const alts = await figureAlts(zaanstad);
    expect(alts).toContain('Zaanstad (dit rapport)');
    expect(alts).toContain('Oostzaan');
    const all = (await text(zaanstad)).replace(/\s+/g, ' ');
    expect(all).toContain('Ligging van Zaanstad in de regio Zaanstreek-Waterland');
    expect(all).toContain('Bron: CBS, PDOK');
  });
});

describe('cter duiding and the duiding in the report', { timeout: 180_000 }, () => {
  let werkmap: string;
  let pad: string;
  beforeAll(async () => {
    werkmap = await mkdtemp(join(tmpdir(), 'cter-duiding-'));
    const voorbeeld = JSON.parse(await readFile(join(SAMPLES, 'cter.config.json'), 'utf8')) as Record<string, unknown>;
    const abs = (p: string) => join(SAMPLES, p);
    await writeFile(
      join(werkmap, 'cter.config.json'),
      JSON.stringify({
        ...voorbeeld,
        signalen: (voorbeeld.signalen as string[]).map(abs),
        notities: (voorbeeld.notities as string[]).map(abs),
        uitvoer: 'uitvoer',
      }),
    );
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
    const intern = await cter(['beeld', '--gemeente', 'Zaanstad', '--periode', '2025-Q3'], { cwd: werkmap });
    const tekst = (await text(intern.stdout.trim())).replace(/\s+/g, ' ');
    expect(tekst).toContain('2. Duiding en advies');
    expect(tekst).toContain('De toename is zorgelijk <script>alert(1)</script>.');
    expect(tekst).toContain('Advies aan de driehoek Verscherp de beveiliging');
    expect(tekst.indexOf('1. Kernpunten')).toBeLessThan(tekst.indexOf('2. Duiding en advies'));
    expect(tekst).toContain('3. Signalen per fenomeen');

    const openbaar = await cter(['beeld', '--gemeente', 'Zaanstad', '--periode', '2025-Q3', '--rubricering', 'Openbaar', '--uit', 'openbaar'], { cwd: werkmap });
    const publiek = (await text(openbaar.stdout.trim())).replace(/\s+/g, ' ');
    expect(publiek).not.toContain('Duiding en advies');
    expect(publiek).not.toContain('De toename is zorgelijk');
    expect(publiek).toContain('2. Signalen per fenomeen');
  });
});
