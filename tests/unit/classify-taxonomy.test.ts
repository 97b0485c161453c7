// Loading, validating, extending and replacing the taxonomy.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FENOMENEN } from '../../src/domain.js';
import { CterError } from '../../src/util/errors.js';
import { classifySignal } from '../../src/classify/classify.js';
import { fenomeenVoorLabel, loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { BUILT_IN_TAXONOMY } from '../../src/util/package.js';

let dir: string;
let builtIn: Taxonomy;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cter-taxonomie-'));
  builtIn = await loadTaxonomy({ baseDir: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function own(name: string, content: unknown): Promise<string> {
  await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return name;
}

async function failure(promise: Promise<unknown>): Promise<CterError> {
  await expect(promise).rejects.toBeInstanceOf(CterError);
  return promise.catch((err: CterError) => err) as Promise<CterError>;
}

const rules = (text: string, taxonomy: Taxonomy) =>
  classifySignal({ id: '1', datum: '2025-01-01', gemeente: 'GM0479', omschrijving: text, origin: { bestand: 'x', regel: 2 } }, taxonomy);

describe('built-in taxonomy', () => {
  it('has every fenomeen with a Dutch label, a description and synonyms', () => {
    expect(builtIn.definitie.fenomenen.map((f) => f.code)).toEqual([...FENOMENEN]);
    for (const f of builtIn.definitie.fenomenen) {
      expect(f.label.length).toBeGreaterThan(3);
      expect(f.omschrijving.length).toBeGreaterThan(80);
      expect(f.synoniemen.length).toBeGreaterThan(0);
    }
    expect(builtIn.definitie.fenomenen.find((f) => f.code === 'onbekend')!.termen).toEqual([]);
  });

  it('records the file and its SHA-256', async () => {
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(await readFile(BUILT_IN_TAXONOMY)).digest('hex');
    expect(builtIn.bronnen).toEqual([{ pad: BUILT_IN_TAXONOMY, sha256: sha, rol: 'ingebouwd' }]);
  });

  it('maps analysts labels to fenomenen, ignoring case, spaces and hyphens', () => {
    expect(fenomeenVoorLabel(builtIn, 'Extreem-rechts')).toBe('rechts-extremisme');
    expect(fenomeenVoorLabel(builtIn, 'extreemrechts')).toBe('rechts-extremisme');
    expect(fenomeenVoorLabel(builtIn, 'RE')).toBe('rechts-extremisme');
    expect(fenomeenVoorLabel(builtIn, 'Anti overheid')).toBe('anti-institutioneel-extremisme');
    expect(fenomeenVoorLabel(builtIn, 'klimaatactivisme')).toBe('activisme');
    expect(fenomeenVoorLabel(builtIn, 'Maatschappelijke onrust')).toBe('polarisatie');
    expect(fenomeenVoorLabel(builtIn, 'Jihadistisch')).toBe('jihadisme');
    expect(fenomeenVoorLabel(builtIn, 'iets anders')).toBeUndefined();
  });
});

describe('extending (taxonomieModus uitbreiden)', () => {
  it('adds terms, changes weights and switches terms off', async () => {
    const taxonomie = await own('uitbreiding.json', {
      versie: 'Zaanstad 1',
      fenomenen: [
        { code: 'rechts-extremisme', termen: [{ term: 'Zaanse Wolven', gewicht: 3 }] },
        { code: 'polarisatie', termen: [{ term: 'rellen', gewicht: 0 }] },
      ],
      ernst: { midden: [{ reden: 'vernieling', termen: ['stickers geplakt'] }] },
    });
    const t = await loadTaxonomy({ taxonomie, taxonomieModus: 'uitbreiden', baseDir: dir });
    expect(t.definitie.versie).toBe('2025.3 + Zaanstad 1');
    expect(t.bronnen.map((b) => b.rol)).toEqual(['ingebouwd', 'uitbreiding']);
    expect(rules('Groep noemt zich de Zaanse Wolven.', t).fenomeen).toBe('rechts-extremisme');
    expect(rules('Groep noemt zich de Zaanse Wolven.', builtIn).fenomeen).toBe('onbekend');
    expect(rules('Rellen bij het azc, met een hakenkruis op de muur.', t).fenomeen).toBe('rechts-extremisme');
    expect(rules('Er zijn stickers geplakt.', t).ernstReden).toBe("midden: vernieling ('stickers geplakt')");
  });

  it('is the default mode', async () => {
    const taxonomie = await own('klein.json', { fenomenen: [{ code: 'overig', termen: [{ term: 'knokploeg', gewicht: 3 }] }] });
    expect(rules('Een knokploeg.', await loadTaxonomy({ taxonomie, baseDir: dir })).fenomeen).toBe('overig');
  });

  it('resolves the path against the base folder', async () => {
    const err = await failure(loadTaxonomy({ taxonomie: 'bestaat-niet.json', baseDir: dir }));
    expect(err.message).toBe(`${join(dir, 'bestaat-niet.json')}: taxonomiebestand niet gevonden`);
    expect(err.exitCode).toBe(2);
  });
});

describe('replacing (taxonomieModus vervangen)', () => {
  const minimal = () => ({
    versie: 'eigen',
    instellingen: { minimumScore: 2, minimumVerschil: 1 },
    fenomenen: FENOMENEN.map((code) => ({ code, label: code.toUpperCase(), omschrijving: `Omschrijving van ${code}.` })),
    ernst: { laagReden: 'niets bijzonders' },
  });

  it('uses only the own file', async () => {
    const full = minimal();
    (full.fenomenen[0] as Record<string, unknown>).termen = [{ term: 'kalifaat', gewicht: 2 }];
    const taxonomie = await own('eigen.json', full);
    const t = await loadTaxonomy({ taxonomie, taxonomieModus: 'vervangen', baseDir: dir });
    expect(t.bronnen.map((b) => b.rol)).toEqual(['vervanging']);
    expect(rules('Over het kalifaat.', t).fenomeen).toBe('jihadisme');
    expect(rules('Betrokkene heeft een IS-vlag.', t)).toMatchObject({ fenomeen: 'onbekend', ernstReden: 'laag: niets bijzonders' });
  });

  it('needs every fenomeen', async () => {
    const full = minimal();
    full.fenomenen.pop();
    const taxonomie = await own('onvolledig.json', full);
    const err = await failure(loadTaxonomy({ taxonomie, taxonomieModus: 'vervangen', baseDir: dir }));
    expect(err.message).toContain(`${join(dir, 'onvolledig.json')}: fenomenen: fenomeen 'onbekend' ontbreekt`);
  });

  it('needs the required fields', async () => {
    const full: Record<string, unknown> = minimal();
    delete full.ernst;
    (full.fenomenen as Record<string, unknown>[])[2]!.label = undefined;
    const taxonomie = await own('velden.json', full);
    const err = await failure(loadTaxonomy({ taxonomie, taxonomieModus: 'vervangen', baseDir: dir }));
    expect(err.message).toContain('velden.json: fenomenen[2].label: ontbreekt');
    expect(err.message).toContain('velden.json: ernst: ontbreekt');
  });
});

describe('validation', () => {
  async function problem(content: unknown): Promise<string> {
    const taxonomie = await own('fout.json', content);
    return (await failure(loadTaxonomy({ taxonomie, baseDir: dir }))).message;
  }
  const file = () => join(dir, 'fout.json');

  it('names the file, line and column of a JSON syntax error', async () => {
    const message = await problem('{\n  "fenomenen": [\n    { "code": "overig", }\n  ]\n}');
    expect(message).toBe(
      `${file()}:3:25: ongeldige JSON: sleutel tussen dubbele aanhalingstekens verwacht, maar '}' gevonden.`,
    );
  });

  it('names the JSON path of a bad weight', async () => {
    const message = await problem({ fenomenen: [{ code: 'overig', termen: [{ term: 'x', gewicht: 'drie' }] }] });
    expect(message).toBe(
      `taxonomie ongeldig:\n${file()}: fenomenen[0].termen[0].gewicht: verwacht een getal van 0 tot en met 100, gevonden de tekst "drie"`,
    );
  });

  it('rejects unknown keys, unknown fenomenen and bad patterns, all at once', async () => {
    const message = await problem({
      fenomeen: [],
      fenomenen: [
        { code: 'terrorisme' },
        {
          code: 'overig',
          termen: [
            { term: '*bom', gewicht: 1 },
            { term: 'is*', gewicht: 1 },
            { term: '!!', gewicht: 1 },
            { term: 'x', gewicht: 1, alleenMet: ['@Geweld'] },
          ],
          negatief: [{ term: 'niet', bereik: 'zinnen', factor: 1 }],
        },
      ],
    });
    const lines = message.split('\n').slice(1).map((l) => l.slice(file().length + 2));
    expect(lines).toEqual([
      "fenomeen: onbekende sleutel 'fenomeen' (toegestaan: versie, omschrijving, instellingen, contextlijsten, negatieveContext, fenomenen, ernst)",
      `fenomenen[0].code: onbekend fenomeen de tekst "terrorisme" (bekend: ${FENOMENEN.join(', ')})`,
      "fenomenen[1].termen[0].term: term '*bom': achterdeel '*bom' is te kort (minimaal 4 tekens)",
      "fenomenen[1].termen[1].term: term 'is*': voorvoegsel 'is*' is te kort (minimaal 3 tekens)",
      "fenomenen[1].termen[2].term: term '!!': bevat geen letters of cijfers",
      "fenomenen[1].termen[3].alleenMet[0]: ongeldige lijstnaam '@Geweld' (verwacht '@' en kleine letters, cijfers of '-')",
      `fenomenen[1].negatief[0].bereik: verwacht 'zin', 'vervolg' of 'tekst', gevonden de tekst "zinnen"`,
      'fenomenen[1].negatief[0].factor: verwacht een getal van 0 tot en met 0.99, gevonden het getal 1',
    ]);
  });

  it('rejects a missing context list, a synonym of two fenomenen, a neutral term with weight and terms for onbekend', async () => {
    const message = await problem({
      fenomenen: [
        {
          code: 'overig',
          synoniemen: ['extreemrechts'],
          termen: [{ term: 'knokploeg', gewicht: 2, nietMet: ['@bestaat-niet'] }],
          modelAlleenMet: ['@groepen', '@ook-niet'],
        },
        { code: 'jihadisme', termen: [{ term: 'gebedsruimte', gewicht: 2 }], neutraal: ['gebedsruimte'] },
        { code: 'onbekend', termen: [{ term: 'vaag', gewicht: 1 }] },
      ],
    });
    expect(message).toContain(`${file()}: fenomenen[0].termen[0]: term 'knokploeg': contextlijst '@bestaat-niet' bestaat niet`);
    // The analyst's file and entry, not the built-in taxonomy the fenomeen was merged into.
    expect(message).toContain(`${file()}: fenomenen[0].modelAlleenMet[1]: contextlijst '@ook-niet' bestaat niet`);
    expect(message).not.toContain("'@groepen' bestaat niet");
    expect(message).toContain(
      `${file()}: fenomenen[0].synoniemen[0]: 'extreemrechts' is ook een label of synoniem van 'rechts-extremisme'`,
    );
    expect(message).toContain(`${file()}: fenomenen[1].neutraal[0]: 'gebedsruimte' is neutraal maar ook een term met gewicht`);
    expect(message).toContain(`${file()}: fenomenen[2].termen[0]: 'onbekend' is de uitkomst zonder conclusie`);
  });

  it('rejects a term twice in one fenomeen, also when written differently', async () => {
    const message = await problem({
      fenomenen: [{ code: 'overig', termen: [{ term: 'IS-vlag', gewicht: 1 }, { term: 'is vlag', gewicht: 2 }] }],
    });
    expect(message).toContain(`${file()}: fenomenen[0].termen[1]: term 'is vlag' staat al eerder in dit fenomeen`);
  });

  it('allows comments in keys starting with an underscore', async () => {
    const taxonomie = await own('opmerking.json', { _toelichting: 'eigen termen', fenomenen: [] });
    await expect(loadTaxonomy({ taxonomie, baseDir: dir })).resolves.toBeDefined();
  });
});
