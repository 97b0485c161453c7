// The stems the build computes for the built-in taxonomy's words (dist/stammen.json) fill the stemmer's cache at start;
// they must be exactly the stems the stemmer computes, and a file that does not fit must be left unused.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bereken, stammen, stem, vulVooraf, type Stammen } from '../../src/classify/stem.js';

let map: string;
beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'cter-stammen-'));
});
afterAll(() => rm(map, { recursive: true, force: true }));

describe('stems computed before', () => {
  it("the build's file holds the stem of every word of the built-in taxonomy, as computed now", async () => {
    const vooraf = JSON.parse(await readFile('dist/stammen.json', 'utf8')) as Stammen;
    const paren = Object.entries(vooraf.stammen);
    expect(paren.length).toBeGreaterThan(1000);
    for (const woord of ['aanslag', 'aanslagen', 'soevereine', 'extremistische']) expect(vooraf.stammen[woord]).toBeDefined();
    for (const [woord, s] of paren) expect(s, woord).toBe(bereken(woord));
  });

  it('keeps only words the stemmer stems (no short words, no numbers)', () => {
    const { stammen: s } = stammen(['aanslagen', 'is', '1488', 'bommen']);
    expect(s).toEqual({ aanslagen: 'aanslag', bommen: 'bom' });
  });

  it('leaves a file from another stemmer version or another stemming unused', async () => {
    const goed = stammen(['radicaliseringen']);
    const anderVersie = join(map, 'versie.json');
    await writeFile(anderVersie, JSON.stringify({ ...goed, stemmer: '0.0.1' }));
    expect(vulVooraf(anderVersie)).toBe(false);
    const anderStam = join(map, 'stam.json');
    await writeFile(anderStam, JSON.stringify({ ...goed, stammen: { verkeerdewoorden: 'fout' } }));
    expect(vulVooraf(anderStam)).toBe(false);
    expect(stem('verkeerdewoorden')).toBe(bereken('verkeerdewoorden'));
    expect(vulVooraf(join(map, 'bestaat-niet.json'))).toBe(false);
    const kapot = join(map, 'kapot.json');
    await writeFile(kapot, '{"stemmer":');
    expect(vulVooraf(kapot)).toBe(false);
  });

  it('fills the cache from a fitting file', async () => {
    const goed = join(map, 'goed.json');
    await writeFile(goed, JSON.stringify(stammen(['ongeregeldheden', 'demonstranten'])));
    expect(vulVooraf(goed)).toBe(true);
    expect(stem('ongeregeldheden')).toBe(bereken('ongeregeldheden'));
  });
});
