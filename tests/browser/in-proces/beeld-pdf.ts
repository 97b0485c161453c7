// End-to-end: the PDF of `cter beeld` (needs Chromium) on a messy hand-made export (windows-1252, "sep=;" line,
// Dutch dates with times, header aliases, a bad date, a misspelt gemeente, a duplicate row, an omschrijving that
// tries to inject markup) and trend notes with injection strings. The PDFs are inspected with poppler's pdfinfo and
// pdftotext (once per PDF, split into pages at its form feeds), the outline with pdf-lib. The JSON and HTML formats and
// the usage errors: tests/e2e/beeld.test.ts. Both reports print in this test process (tests/e2e/init-cli.ts `cter`, the
// worker's Chromium; part of tests/browser/in-proces.test.ts); the real bin/cter process prints PDFs in a network
// namespace without any network in tests/browser/batch-afbreken.test.ts (issue 9: Chromium makes no network request of its own), and `beeld` runs as
// the real process in tests/e2e/afsluitcodes-echt.test.ts. That not one connection reaches a proxy that every proxy
// variable points at is checked on the README's main command, in tests/browser/voorbeeld.test.ts.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ZONDER_NETWERK } from '../../../src/report/pdf.js';
import { cter, type Run } from '../../e2e/init-cli.js';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/report');
const run = promisify(execFile);

/** pdfinfo's fields and pdftotext's layout text of a PDF, read once per file (each is a process). */
const gelezen = new Map<string, Promise<{ info: Record<string, string>; tekst: string }>>();
function lees(pdf: string) {
  let uitkomst = gelezen.get(pdf);
  if (!uitkomst) {
    uitkomst = Promise.all([run('pdfinfo', [pdf]), run('pdftotext', ['-layout', pdf, '-'])]).then(([info, tekst]) => ({
      info: Object.fromEntries(info.stdout.split('\n').map((l) => [l.split(':')[0]!.trim(), l.slice(l.indexOf(':') + 1).trim()])),
      tekst: tekst.stdout,
    }));
    gelezen.set(pdf, uitkomst);
  }
  return uitkomst;
}

async function pdfinfo(pdf: string): Promise<Record<string, string>> {
  return (await lees(pdf)).info;
}

/** The text of one page (pdftotext ends every page with a form feed), or of the whole PDF. */
async function pageText(pdf: string, page?: number): Promise<string> {
  const { tekst } = await lees(pdf);
  if (page === undefined) return tekst;
  const paginas = tekst.split('\f');
  // After the last page's form feed nothing follows: one part more than pages.
  expect(paginas.length, 'pages in the text').toBe(Number((await pdfinfo(pdf)).Pages) + 1);
  return paginas[page - 1]!;
}

/** Every page of the PDF shows each marking at least twice (in its header and its footer). */
async function markeringOpElkePagina(pdf: string, markeringen: RegExp[], check?: (tekst: string, page: number, pages: number) => void) {
  const pages = Number((await pdfinfo(pdf)).Pages);
  for (let page = 1; page <= pages; page++) {
    const text = await pageText(pdf, page);
    for (const markering of markeringen) expect(text.match(markering)?.length, `page ${page}`).toBeGreaterThanOrEqual(2);
    check?.(text, page, pages);
  }
}

/** Titles of the PDF outline (bookmarks), depth first. */
async function outline(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(pdf));
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      if (title) titles.push(title.decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

async function outDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'cter-beeld-'));
}

/** A copy of the fixture workspace without its private folder: the run writes its rejected rows there. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cter-beeld-ws-'));
  await cp(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes(`${FIXTURE}/prive`) });
  return dir;
}

describe('cter beeld --gemeente Zaanstad (PDF)', () => {
  let ws: string;
  let uit: string;
  let result: Run;
  let pdf: string;
  beforeAll(async () => {
    ws = await workspace();
    uit = await outDir();
    result = await cter(['beeld', '--gemeente', 'Zaanstad', '--uit', uit], { cwd: ws });
    pdf = join(uit, 'lokaal-beeld_zaanstad_2025-Q3.pdf');
  }, 180_000);

  it('renders the PDF', () => {
    expect(result.stderr).not.toContain('interne fout');
    expect(result.code).toBe(0); // the fixture has rejected rows: reported, not fatal (README "Afsluitcodes")
    expect(existsSync(pdf)).toBe(true);
  });

  it('prints the path on stdout and the ingest summary on stderr; exit 0: rejected rows are reported, not fatal', () => {
    expect(result.stdout).toBe(`${pdf}\n`);
    expect(result.stderr).toContain('signalen: 64 geaccepteerd, 2 afgewezen, 1 dubbel (1 bestand).');
    expect(result.stderr).toContain("onbekende gemeente 'Zaanstadt'. Bedoelt u: Zaanstad?");
    expect(result.code).toBe(0);
  });

  it('writes the rejected rows with their reason into the private folder, never beside the report', async () => {
    expect(existsSync(join(uit, 'lokaal-beeld_zaanstad_2025-Q3_afgewezen.csv'))).toBe(false);
    expect(result.stderr).toContain('privémap, niet bij het rapport): prive/lokaal-beeld_zaanstad_2025-Q3_afgewezen.csv');
    const csv = await readFile(join(ws, 'prive', 'lokaal-beeld_zaanstad_2025-Q3_afgewezen.csv'), 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    expect(csv).toContain('februari 2025 heeft geen dag 31');
  });

  it('is a tagged A4 PDF with title, language and metadata', async () => {
    const info = await pdfinfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toContain('(A4)');
    expect(info.Title).toBe('Lokaal beeld CTER Zaanstad, 3e kwartaal 2025');
    expect(info.Author).toBe('Gemeente Zaanstad (testgegevens)');
    expect(info.Producer).toMatch(/^cter \d+\.\d+\.\d+/);
    expect(info.Keywords).toContain('Intern; TLP:AMBER');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(7);
    const doc = await PDFDocument.load(await readFile(pdf));
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toMatch(/nl/);
  });

  it('has an outline with a bookmark per chapter', async () => {
    const titles = await outline(pdf);
    // Chapter numbers follow the sections as rendered: no duiding file here, so no chapter 2 "Duiding en advies".
    for (const chapter of ['1. Kernpunten', '2. Signalen per fenomeen', '5. Basis op orde: het signaleringsnetwerk', '6. Trendnotities', '7. Verantwoording']) {
      expect(titles).toContain(chapter);
    }
  });

  it('carries the marking and "pagina X van Y" on every page', async () => {
    await markeringOpElkePagina(pdf, [/INTERN/g, /TLP:AMBER/g], (text, page, pages) => {
      expect(text, `page ${page}`).toContain(`pagina ${page} van ${pages}`);
    });
  });

  it('states the key figures, with the test deciding what is a rise', async () => {
    const text = (await pageText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('In het 3e kwartaal 2025 zijn in Zaanstad 15 signalen geregistreerd');
    expect(text).toContain('is er een significante stijging (+275%, p = 0,019)');
    expect(text).toContain('Ten opzichte van het 3e kwartaal 2024 (9 signalen) is er geen significante verandering');
    expect(text).toContain('De grootste fenomenen zijn rechts-extremisme (7; 47%)');
  });

  it('never shows an omschrijving, and shows trend notes literally', async () => {
    const text = await pageText(pdf);
    expect(text).not.toContain('VERTROUWELIJK-DETAIL');
    expect(text).not.toContain('Zwaan');
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('{{constructor}}');
    expect(text).not.toContain('Notitie uit het tweede kwartaal');
  });

  it('lists the input file with its SHA-256 in the verantwoording', async () => {
    const { stdout } = await run('sha256sum', [join(ws, 'signalen.csv')]);
    const text = await pageText(pdf);
    expect(text).toContain(stdout.slice(0, 64));
    expect(text).toContain('signalen.csv');
  });

  it('says in the verantwoording which woonplaatsen were counted in which gemeente', async () => {
    const text = (await pageText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Krommenie geteld als Zaanstad: 1×');
    expect(text).toContain('Zaandam geteld als Zaanstad: 2×');
    expect(result.stderr).toContain('signalen: Zaandam geteld als Zaanstad: 2×.');
  });
});

describe('cter beeld --regio Zaanstreek-Waterland --rubricering Openbaar (PDF)', () => {
  let uit: string;
  let result: Run;
  let pdf: string;
  beforeAll(async () => {
    uit = await outDir();
    result = await cter(
      ['beeld', '--regio', 'Zaanstreek-Waterland', '--rubricering', 'Openbaar', '--tlp', 'GREEN', '--uit', uit],
      { cwd: FIXTURE },
    );
    pdf = join(uit, 'lokaal-beeld_zaanstreek-waterland_2025-Q3.pdf');
  });

  it('writes the region report', () => {
    expect(result.stdout).toBe(`${pdf}\n`);
    expect(result.stderr).toContain('Zaanstreek-Waterland, 3e kwartaal 2025: 23 signalen');
  });

  it('has the gemeenten table and marks every page OPENBAAR / TLP:GREEN', async () => {
    await markeringOpElkePagina(pdf, [/OPENBAAR/g, /TLP:GREEN/g]);
    const all = await pageText(pdf);
    expect(all).toContain('Gemeenten in de regio');
    expect(all).toMatch(/Zaanstad\s+157\.166\s+15\s+<5/);
  });

  it('hides small counts and says which rule was applied', async () => {
    const all = (await pageText(pdf)).replace(/\s+/g, ' ');
    expect(all).toMatch(/Landsmeer [\d.]+ <5 0 x x/);
    expect(all).toContain("aantallen van 1 tot en met 4 zijn vervangen door '<5'");
    expect(all).not.toContain('Amsterdam');
  });
});

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
});
