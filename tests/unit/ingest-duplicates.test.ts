// The deduplicator's key index (open addressing over a hash of the key) across many growths of its table: every
// repeated key is found, identical copies count as dubbel in their file, changed ones replace the earlier version.
import { describe, expect, it } from 'vitest';
import { Deduplicator } from '../../src/ingest/duplicates.js';
import type { Kind } from '../../src/ingest/kind.js';
import { contentKey } from '../../src/ingest/kind.js';
import type { Origin } from '../../src/domain.js';
import { Omzettingen } from '../../src/ingest/fields.js';

interface Rec {
  id: string;
  tekst: string;
  origin: Origin;
}

const kind: Kind<Rec> = {
  soort: 'signalen',
  converter: () => ({ convert: () => undefined }),
  key: (r) => r.id,
  contentKey: (r) => contentKey(r),
  describeKey: (r) => `id '${r.id}'`,
  omzettingen: new Omzettingen(),
};

describe('Deduplicator', () => {
  it('finds every repeated key among 50,000, keeps the later version of a changed one, and tells each kept one', () => {
    const gehoord: string[] = [];
    const d = new Deduplicator(kind, (r) => gehoord.push(r.id));
    const rec = (id: string, tekst: string, regel: number): Rec => ({ id, tekst, origin: { bestand: 'a.csv', regel } });
    d.startFile(0);
    for (let i = 0; i < 50_000; i++) d.offer(rec(`S-${i}`, 'x', i + 2), 0);
    d.startFile(1);
    // Identical copies of every tenth record, changed copies of every 1000th, and one id that is new.
    for (let i = 0; i < 50_000; i += 10) d.offer(rec(`S-${i}`, i % 1000 === 0 ? 'y' : 'x', i + 2), 1);
    d.offer(rec('S-nieuw', 'x', 1), 1);
    const { records, dubbel } = d.result(2);
    expect(records).toHaveLength(50_001);
    expect(dubbel).toEqual([50, 5000 - 50]);
    expect(records.filter((r) => r.tekst === 'y').map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, k) => `S-${k * 1000}`));
    expect(new Set(records.map((r) => r.id)).size).toBe(50_001);
    expect(d.waarschuwingen).toHaveLength(50);
    expect(gehoord).toHaveLength(50_000 + 50 + 1);
    expect(gehoord.at(-1)).toBe('S-nieuw');
  });
});

describe('Deduplicator with stand-ins (a run that only counts)', () => {
  interface Vol extends Rec {
    extra: string;
  }
  const slankKind: Kind<Vol> = {
    ...(kind as unknown as Kind<Vol>),
    // The stand-in drops `extra` and the line, so only the stored hash can tell two versions apart and only the
    // deduplicator knows where the earlier one was.
    slank: (r) => ({ id: r.id, tekst: '', extra: '', origin: { bestand: r.origin.bestand, regel: 0 } }),
  };
  const rec = (id: string, extra: string, regel: number, bestand = 'a.csv'): Vol => ({ id, tekst: 't', extra, origin: { bestand, regel } });

  it('keeps stand-ins and counts, warns and replaces exactly as with the full records', () => {
    const offers = (d: Deduplicator<Vol>) => {
      d.startFile(0);
      for (let i = 0; i < 20_000; i++) d.offer(rec(`S-${i}`, `inhoud ${i}`, i + 2), 0);
      d.startFile(1);
      // Identical copies of every seventh record, changed copies (only in the dropped field) of every 500th.
      for (let i = 0; i < 20_000; i += 7) d.offer(rec(`S-${i}`, i % 500 === 0 ? 'anders' : `inhoud ${i}`, i + 2, 'b.csv'), 1);
    };
    const gehoordVol: Vol[] = [];
    const vol = new Deduplicator(slankKind, (r) => gehoordVol.push(r));
    offers(vol);
    const gehoordSlank: Vol[] = [];
    const slank = new Deduplicator(slankKind, (r) => gehoordSlank.push(r), true);
    offers(slank);

    const a = vol.result(2);
    const b = slank.result(2);
    expect(b.dubbel).toEqual(a.dubbel);
    expect(b.vervangen).toEqual(a.vervangen);
    expect(b.vervangen).toHaveLength(Math.ceil(20_000 / 3500));
    expect(slank.waarschuwingen).toEqual(vol.waarschuwingen);
    expect(slank.waarschuwingen[0]!.reden).toContain('a.csv regel 2');
    // The listener hears the full records either way; the kept ones are the stand-ins in the same order.
    expect(gehoordSlank).toEqual(gehoordVol);
    expect(b.records.map((r) => [r.id, r.origin.bestand])).toEqual(a.records.map((r) => [r.id, r.origin.bestand]));
    expect(b.records.every((r) => r.extra === '')).toBe(true);
  });

  it('refuses stand-ins for a kind that has none', () => {
    expect(() => new Deduplicator(kind, undefined, true)).toThrow();
  });
});
