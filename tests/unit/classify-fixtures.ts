// A signal to classify in the classification tests: only its description (and the analyst's label) matter there.
import type { Fenomeen, Signaal } from '../../src/domain.js';

export const signaal = (omschrijving: string, fenomeenLabel?: Fenomeen): Signaal => ({
  id: 'C1',
  datum: '2025-03-01',
  gemeente: 'GM0479',
  omschrijving,
  ...(fenomeenLabel ? { fenomeenLabel } : {}),
  origin: { bestand: 'c.csv', regel: 2 },
});
