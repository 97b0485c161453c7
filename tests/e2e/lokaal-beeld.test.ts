// End-to-end: the lokaal beeld as a finished product, on the sample data (data-samples/): the region report's
// choropleth and the gemeente report's locator map (vector SVG, tagged: each gemeente has alternative text in the PDF's
// structure tree), checked with pdftotext and pdf-lib.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../voorbeelddata.js';
import { cter } from './init-cli.js';

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
