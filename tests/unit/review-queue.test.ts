import { describe, expect, it } from 'vitest';
import { maakBeoordeling, reviewQueue } from '../../src/review/queue.js';
import { queueStatus, statusTekst } from '../../src/review/status.js';
import type { BeoordelingenMap } from '../../src/classify/beoordelingen.js';
import { geclassificeerd, gemeenteNaam, SIGNALEN, signaal } from '../fixtures/review/signalen.js';
import { signalContentHash } from '../../src/classify/classify.js';

const ids = (queue: { signaal: { id: string } }[]) => queue.map((i) => i.signaal.id);

describe('reviewQueue', () => {
  it('holds the signals with fenomeen onbekend or an afwijking, in input order', async () => {
    const signalen = await geclassificeerd();
    expect(signalen.map((s) => [s.id, s.fenomeen, s.afwijking])).toEqual([
      ['S-1', 'rechts-extremisme', false],
      ['S-2', 'onbekend', false],
      ['S-3', 'jihadisme', true],
      ['S-4', 'onbekend', false],
    ]);
    const queue = reviewQueue(signalen, new Map());
    expect(queue.map((i) => [i.signaal.id, i.wachtreden, i.suggestie.fenomeen])).toEqual([
      ['S-2', 'onbekend', 'onbekend'],
      ['S-3', 'afwijking', 'rechts-extremisme'],
      ['S-4', 'onbekend', 'onbekend'],
    ]);
  });

  it('drops a signal once a decision on its current content exists, and classify applies it as handmatig', async () => {
    const before = await geclassificeerd();
    const decision = maakBeoordeling(before[1]!, { fenomeen: 'polarisatie', ernst: 'midden' }, 'analist', new Date('2025-10-01T08:00:00Z'));
    expect(decision).toMatchObject({
      id: 'S-2',
      hash: signalContentHash(SIGNALEN[1]!),
      wanneer: '2025-10-01T08:00:00.000Z',
      suggestie: { fenomeen: 'onbekend', herkomst: 'geen', ernst: 'laag' },
    });
    const beoordelingen: BeoordelingenMap = new Map([['S-2', decision]]);
    const after = await geclassificeerd(beoordelingen);
    expect(after[1]).toMatchObject({ fenomeen: 'polarisatie', herkomst: 'handmatig', ernst: 'midden' });
    expect(ids(reviewQueue(after, beoordelingen))).toEqual(['S-3', 'S-4']);
  });

  it('returns a signal whose content changed since the decision, even when the rules are now sure', async () => {
    const original = await geclassificeerd();
    const beoordelingen: BeoordelingenMap = new Map([
      ['S-2', maakBeoordeling(original[1]!, { fenomeen: 'polarisatie' }, 'analist', new Date())],
    ]);
    // The next export describes S-2 differently; the rules now place it, but the analyst's decision was on other text.
    const changed = SIGNALEN.map((s) => (s.id === 'S-2' ? { ...s, omschrijving: `${s.omschrijving} Hij deelt IS-propaganda over het kalifaat.` } : s));
    const classified = await geclassificeerd(beoordelingen, changed);
    expect(classified[1]).toMatchObject({ fenomeen: 'jihadisme', herkomst: 'regel' });
    const queue = reviewQueue(classified, beoordelingen);
    expect(queue[0]).toMatchObject({ wachtreden: 'gewijzigd', vervallen: { fenomeen: 'polarisatie' } });
    expect(ids(queue)).toEqual(['S-2', 'S-3', 'S-4']);
  });
});

describe('queueStatus', () => {
  it('counts the queue per gemeente and quarter, the applied decisions and the decisions without a signal', async () => {
    const first = await geclassificeerd();
    const beoordelingen: BeoordelingenMap = new Map([
      ['S-2', maakBeoordeling(first[1]!, { fenomeen: 'overig' }, 'a', new Date())],
      ['WEG', maakBeoordeling({ ...first[1]!, id: 'WEG' }, { fenomeen: 'overig' }, 'a', new Date())],
    ]);
    const signalen = await geclassificeerd(beoordelingen, [...SIGNALEN, signaal('S-5', 'Niets bijzonders.', { datum: '2025-07-01' })]);
    const status = queueStatus(reviewQueue(signalen, beoordelingen), signalen, beoordelingen, gemeenteNaam);
    expect(status).toMatchObject({ totaal: 3, perReden: { onbekend: 2, afwijking: 1, gewijzigd: 0 }, beoordeeld: 1, zonderSignaal: 1 });
    expect(status.groepen.map((g) => [g.naam, g.periode, g.aantal])).toEqual([
      ['Purmerend', '2025-Q2', 1],
      ['Zaanstad', '2024-Q4', 1],
      ['Zaanstad', '2025-Q3', 1],
    ]);
    const text = statusTekst(status, 'beoordelingen.json');
    expect(text).toContain('In de wachtrij: 3 signalen (2 fenomeen onbekend, 1 afwijking tussen label en regels).');
    expect(text).toContain('gemeente   2024-Q4  2025-Q2  2025-Q3  totaal\n');
    expect(text).toContain('Zaanstad         1        -        1       2\n');
    expect(text).toContain('totaal           1        1        1       3\n');
    expect(text).toContain('1 beoordelingen horen bij signalen die niet in deze invoer staan');
  });
});
