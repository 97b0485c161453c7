// The content hash of a run that only counts: equal content gives an equal hash, and it tells apart exactly what the
// signal kind's contentKey (its JSON) tells apart: every field but origin and gemeenteInExport, absent or present.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentHasher } from '../../src/ingest/content-hash.js';
import { signaalKind } from '../../src/ingest/signalen.js';
import { loadReference } from '../../src/reference/index.js';
import type { Signaal } from '../../src/domain.js';

const kind = signaalKind(loadReference(), () => ({ leeg: true }));
const hash = (s: Signaal): string => {
  const hasher = new ContentHasher().reset();
  kind.contentHash!(s, hasher);
  return `${hasher.high}:${hasher.low}`;
};

/** Every field a Signaal can have: a field added to Signaal must be added here, and then to contentHash. */
const vol: Required<Signaal> = {
  id: 'S-1',
  datum: '2025-07-03',
  tijd: '14:30',
  gemeente: 'GM0479',
  gemeenteInExport: 'Zaandam',
  bron: 'politie',
  betrouwbaarheid: { schema: 'admiralty', bron: 'B', informatie: '2', code: 'B2' },
  type: 'incident',
  fenomeenLabel: 'polarisatie',
  omschrijving: 'Een omschrijving\nover twee regels',
  persoon: '0123456789abcdef',
  origin: { bestand: 'a.csv', regel: 2 },
};

describe('ContentHasher with the signal kind', () => {
  it('changes with every field the content key holds, and not with the origin or the gemeente as written', () => {
    for (const veld of Object.keys(vol) as (keyof Signaal)[]) {
      const anders: Signaal = { ...vol, [veld]: veld === 'betrouwbaarheid' ? { ...vol.betrouwbaarheid, code: 'C3' } : veld === 'origin' ? { bestand: 'b.csv', regel: 9 } : `${String(vol[veld])}x` };
      const zonder: Signaal = { ...vol };
      delete zonder[veld];
      const telt = veld !== 'origin' && veld !== 'gemeenteInExport';
      expect(kind.contentKey(anders) !== kind.contentKey(vol), veld).toBe(telt);
      expect(hash(anders) !== hash(vol), veld).toBe(telt);
      if (veld === 'origin') continue;
      expect(hash(zonder) !== hash(vol), veld).toBe(telt);
      expect(hash(zonder) !== hash(anders), veld).toBe(telt);
    }
  });

  it('gives equal hashes exactly for equal content keys', () => {
    // Few distinct values per field, so that equal content is common; '' and undefined both occur.
    const waarde = fc.option(fc.constantFrom('', 'a', 'ab', 'b', 'a\u0000', '\u00e9', 'S-1'), { nil: undefined });
    const signaal = fc.record({
      id: fc.constantFrom('S-1', 'S-2'),
      datum: fc.constantFrom('2025-01-01', '2025-01-02'),
      gemeente: fc.constantFrom('GM0479', 'GM0363'),
      tijd: waarde,
      gemeenteInExport: waarde,
      bron: waarde,
      code: waarde,
      type: waarde,
      fenomeenLabel: fc.option(fc.constantFrom('jihadisme', 'polarisatie'), { nil: undefined }),
      omschrijving: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
      persoon: waarde,
      regel: fc.nat(),
    });
    const alsSignaal = ({ code, regel, ...rest }: typeof signaal extends fc.Arbitrary<infer R> ? R : never): Signaal => {
      const s: Signaal = { ...rest, origin: { bestand: 'a.csv', regel } } as Signaal;
      for (const k of Object.keys(s) as (keyof Signaal)[]) if (s[k] === undefined) delete s[k];
      if (code !== undefined) s.betrouwbaarheid = { schema: '4x4', bron: 'X', informatie: '4', code };
      return s;
    };
    fc.assert(
      fc.property(signaal, signaal, (a, b) => {
        const [x, y] = [alsSignaal(a), alsSignaal(b)];
        expect(hash(x) === hash(y)).toBe(kind.contentKey(x) === kind.contentKey(y));
      }),
      { numRuns: 5_000 },
    );
  });

  it('tells apart fields whose characters run together', () => {
    const a = new ContentHasher().reset().field('ab').field('c');
    const [ah, al] = [a.high, a.low];
    const b = new ContentHasher().reset().field('a').field('bc');
    expect([b.high, b.low]).not.toEqual([ah, al]);
    const c = new ContentHasher().reset().field(undefined).field('');
    const d = new ContentHasher().reset().field('').field(undefined);
    expect([c.high, c.low]).not.toEqual([d.high, d.low]);
  });
});
