import fc from 'fast-check';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ERNST_NIVEAUS, FENOMENEN, HERKOMSTEN } from '../../src/domain.js';
import {
  addBeoordelingen,
  beoordelingenJson,
  loadBeoordelingen,
  parseBeoordelingen,
  reviewer,
  saveBeoordelingen,
  type OpgeslagenBeoordeling,
} from '../../src/classify/beoordelingen.js';
import { CterError } from '../../src/util/errors.js';

const HASH = 'a'.repeat(64);
const entry = (id: string, extra: Partial<OpgeslagenBeoordeling> = {}): OpgeslagenBeoordeling => ({
  id,
  hash: HASH,
  fenomeen: 'polarisatie',
  wie: 'J. de Vries',
  wanneer: '2025-10-01T09:30:00.000Z',
  ...extra,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cter-review-store-'));
});

function problems(raw: unknown): string {
  try {
    parseBeoordelingen(raw, 'beoordelingen.json');
  } catch (err) {
    expect(err).toBeInstanceOf(CterError);
    return (err as Error).message;
  }
  throw new Error('expected the file to be rejected');
}

describe('decisions file', () => {
  it('a missing file means no decisions', async () => {
    expect((await loadBeoordelingen(join(dir, 'beoordelingen.json'))).size).toBe(0);
  });

  it('saves atomically, sorted by id, and loads back the same map', async () => {
    const file = join(dir, 'sub', 'beoordelingen.json');
    const map = new Map([
      ['Z-2', entry('Z-2', { ernst: 'hoog', suggestie: { fenomeen: 'onbekend', herkomst: 'geen', reden: 'geen termen', ernst: 'laag' } })],
      ['A-1', entry('A-1')],
    ]);
    await saveBeoordelingen(file, map);
    expect(await readdir(join(dir, 'sub'))).toEqual(['beoordelingen.json']);
    const json = JSON.parse(await readFile(file, 'utf8'));
    expect(json.versie).toBe(1);
    expect(json.beoordelingen.map((b: { id: string }) => b.id)).toEqual(['A-1', 'Z-2']);
    expect(json.beoordelingen[0]).not.toHaveProperty('ernst');
    expect(await loadBeoordelingen(file)).toEqual(map);
  });

  it('adds decisions to the file as it is on disk now, keeping what another session wrote meanwhile', async () => {
    const file = join(dir, 'beoordelingen.json');
    await saveBeoordelingen(file, new Map([['A-1', entry('A-1')]]));
    // Another session records B-2 after this one read the file.
    await saveBeoordelingen(file, new Map([['A-1', entry('A-1')], ['B-2', entry('B-2')]]));
    const after = await addBeoordelingen(file, [entry('A-1', { fenomeen: 'overig' }), entry('C-3')]);
    expect([...after.values()].map((b) => [b.id, b.fenomeen])).toEqual([
      ['A-1', 'overig'],
      ['B-2', 'polarisatie'],
      ['C-3', 'polarisatie'],
    ]);
    expect(await loadBeoordelingen(file)).toEqual(after);
  });

  it('round-trips any valid set of decisions', () => {
    const decision = fc.record(
      {
        id: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        hash: fc.stringMatching(/^[0-9a-f]{64}$/),
        fenomeen: fc.constantFrom(...FENOMENEN),
        ernst: fc.constantFrom(...ERNST_NIVEAUS),
        wie: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        wanneer: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        suggestie: fc.record({
          fenomeen: fc.constantFrom(...FENOMENEN),
          herkomst: fc.constantFrom(...HERKOMSTEN),
          reden: fc.string(),
          ernst: fc.constantFrom(...ERNST_NIVEAUS),
        }),
      },
      { requiredKeys: ['id', 'hash', 'fenomeen', 'wie', 'wanneer'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(decision, { selector: (d) => d.id }), (list) => {
        const map = new Map(list.map((d) => [d.id, d as OpgeslagenBeoordeling]));
        expect(parseBeoordelingen(JSON.parse(beoordelingenJson(map)), 'f.json')).toEqual(map);
      }),
    );
  });

  it('names the file and every bad entry by index and id', () => {
    const message = problems({
      versie: 1,
      beoordelingen: [
        entry('S-1', { fenomeen: 'jihadism' as never }),
        entry('S-2', { hash: 'abc' }),
        { ...entry('S-3'), fenomen: 'overig' },
        entry('S-1'),
        entry('S-4', { ernst: 'erg' as never, wanneer: 'gisteren' }),
      ],
    });
    expect(message).toContain('beoordelingen ongeldig (beoordelingen.json)');
    expect(message).toContain(`beoordelingen[0] (id 'S-1'): 'fenomeen' "jihadism" is onbekend`);
    expect(message).toContain(`beoordelingen[1] (id 'S-2'): 'hash' moet een SHA-256`);
    expect(message).toContain(`beoordelingen[2] (id 'S-3'): onbekend veld 'fenomen'`);
    expect(message).toContain(`beoordelingen[3] (id 'S-1'): dit id staat ook in beoordelingen[0]`);
    expect(message).toContain(`beoordelingen[4] (id 'S-4'): 'ernst' "erg" is onbekend`);
    expect(message).toContain(`beoordelingen[4] (id 'S-4'): 'wanneer' moet een ISO-tijdstip zijn`);
  });

  it('rejects another version, and says when the file is newer than this cter', () => {
    expect(problems({ versie: 2, beoordelingen: [] })).toContain('nieuwere versie van cter');
    expect(problems({ beoordelingen: [] })).toContain("'versie' moet 1 zijn");
    expect(problems([])).toContain("een object zijn met 'versie' en 'beoordelingen'");
  });

  it('reports a JSON syntax error with line and column', async () => {
    const file = join(dir, 'beoordelingen.json');
    await writeFile(file, '{\n  "versie": 1,\n  "beoordelingen": [,]\n}\n');
    await expect(loadBeoordelingen(file)).rejects.toThrow(new RegExp(`^${file}:3:21: ongeldige JSON: waarde verwacht`));
  });
});

describe('reviewer', () => {
  it('is the configured analist, else the OS user', () => {
    expect(reviewer('  J. de Vries ')).toBe('J. de Vries');
    expect(reviewer(undefined)).toBe(userInfo().username);
    expect(reviewer('  ')).toBe(userInfo().username);
  });
});
