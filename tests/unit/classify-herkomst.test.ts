// Provenance: analyst label > rules, review decisions only for unchanged content, and the content hash.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Signaal } from '../../src/domain.js';
import { classifySignal, classifySignals, signalContentHash, type Beoordeling } from '../../src/classify/classify.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';

let taxonomy: Taxonomy;
beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: process.cwd() });
});

const base: Signaal = {
  id: 'ZS-2025-001',
  datum: '2025-07-03',
  tijd: '14:30',
  gemeente: 'GM0479',
  bron: 'politie',
  type: 'online uiting',
  omschrijving: 'Deelt video van IS en spreekt over het kalifaat.',
  persoon: 'p-9f2c',
  origin: { bestand: 'export.csv', regel: 2 },
};

describe('analyst label', () => {
  it('always wins, and flags a confident disagreement of the rules', () => {
    const r = classifySignal({ ...base, fenomeenLabel: 'rechts-extremisme' }, taxonomy);
    expect(r).toMatchObject({ fenomeen: 'rechts-extremisme', herkomst: 'analist', afwijking: true });
    expect(r.reden).toBe("analist: label 'Rechts-extremisme' in de export; afwijking: de regels wijzen op jihadisme");
    expect(r.regelSuggestie).toEqual({ fenomeen: 'jihadisme', reden: "regel: termen 'IS' (3), 'kalifaat' (3); score 6 tegen 0" });
  });

  it('is not flagged when the rules agree or are not conclusive', () => {
    expect(classifySignal({ ...base, fenomeenLabel: 'jihadisme' }, taxonomy).afwijking).toBe(false);
    const unsure = classifySignal({ ...base, fenomeenLabel: 'polarisatie', omschrijving: 'Gaat bidden in de moskee.' }, taxonomy);
    expect(unsure).toMatchObject({ fenomeen: 'polarisatie', herkomst: 'analist', afwijking: false });
    expect(unsure.regelSuggestie?.fenomeen).toBe('onbekend');
  });

  it('leaves an "onbekend" label to the rules', () => {
    expect(classifySignal({ ...base, fenomeenLabel: 'onbekend' }, taxonomy)).toMatchObject({
      fenomeen: 'jihadisme',
      herkomst: 'regel',
    });
  });
});

describe('review decisions', () => {
  const decision = (hash: string, extra: Partial<Beoordeling> = {}): Map<string, Beoordeling> =>
    new Map([[base.id, { hash, fenomeen: 'overig', wie: 'analist1', wanneer: '2025-08-01T10:00:00Z', ...extra }]]);

  it('apply when the content is unchanged, over the analyst label', () => {
    const signal = { ...base, fenomeenLabel: 'polarisatie' as const };
    const r = classifySignal(signal, taxonomy, decision(signalContentHash(signal), { ernst: 'hoog' }));
    expect(r).toMatchObject({
      fenomeen: 'overig',
      herkomst: 'handmatig',
      ernst: 'hoog',
      afwijking: false,
      reden: 'handmatig: beoordeeld door analist1 op 2025-08-01T10:00:00Z',
      ernstReden: 'hoog: handmatig vastgesteld door analist1 op 2025-08-01T10:00:00Z',
    });
    expect(r.regelSuggestie?.fenomeen).toBe('jihadisme');
  });

  it('keep the rules ernst when the decision has none', () => {
    const r = classifySignal(base, taxonomy, decision(signalContentHash(base)));
    expect(r).toMatchObject({ herkomst: 'handmatig', ernst: 'laag' });
    expect(r.ernstReden).toMatch(/^laag: /);
  });

  it('do not apply when the content changed, and say so', () => {
    const old = signalContentHash({ ...base, omschrijving: 'Eerdere tekst.' });
    const r = classifySignal(base, taxonomy, decision(old));
    expect(r).toMatchObject({ fenomeen: 'jihadisme', herkomst: 'regel' });
    expect(r.reden).toContain('beoordeling door analist1 op 2025-08-01T10:00:00Z niet toegepast');
  });

  it('apply in batch exactly as one by one', () => {
    const other = { ...base, id: 'ZS-2025-002' };
    const decisions = decision(signalContentHash(base));
    const batch = classifySignals([base, other], taxonomy, decisions);
    expect(batch.map((s) => s.herkomst)).toEqual(['handmatig', 'regel']);
    expect(batch).toEqual([classifySignal(base, taxonomy, decisions), classifySignal(other, taxonomy, decisions)]);
  });
});

describe('signalContentHash', () => {
  it('is a stable SHA-256 over the content', () => {
    expect(signalContentHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(signalContentHash({ ...base })).toBe(signalContentHash(base));
  });

  it('ignores where the record came from and the person pseudonym', () => {
    const moved = { ...base, origin: { bestand: 'ander.csv', regel: 99 }, persoon: 'p-other' };
    expect(signalContentHash(moved)).toBe(signalContentHash(base));
  });

  it('changes with every content field', () => {
    const h = signalContentHash(base);
    const changes: Partial<Signaal>[] = [
      { id: 'X' },
      { datum: '2025-07-04' },
      { tijd: undefined },
      { gemeente: 'GM0363' },
      { bron: 'school' },
      { type: 'incident' },
      { fenomeenLabel: 'activisme' },
      { omschrijving: 'Iets anders.' },
      { betrouwbaarheid: { schema: 'admiralty', bron: 'B', informatie: '2', code: 'B2' } },
    ];
    for (const change of changes) expect(signalContentHash({ ...base, ...change }), JSON.stringify(change)).not.toBe(h);
  });
});
