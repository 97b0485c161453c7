// Classification while the signals are still being read: each signal is offered as the deduplicator keeps it, the
// text model trains on the labelled ones as they come (TrainingPass), the others wait for the model until the end. The
// outcome is numbers, VELDEN per signal, into one table of the distinct texts (fenomeen, herkomst, reasons), so that a
// million signals cost a few bytes each. The worker thread of parallel.ts runs it.
import type { Fenomeen, Signaal } from '../domain.js';
import { TrainingPass, type Beoordelingen, type Classificatie } from './classify.js';
import type { Taxonomy } from './taxonomy.js';
import type { ModelBuilder } from './tekstmodel.js';

/** Numbers per classified signal. */
const VELDEN = 8;

export type Antwoord =
  | {
      soort: 'klaar';
      /** VELDEN numbers per signal, in the order offered: indexes into `teksten` (-1: no regelSuggestie), afwijking 0/1. */
      codes: Int32Array;
      teksten: string[];
      analist: number;
      handmatig: number;
    }
  | { soort: 'opnieuw' };

/** What classification reads of a signal without a review decision: its description and label, nothing else. */
export function lichteVorm(omschrijving: string | undefined, fenomeenLabel: Fenomeen | undefined): Signaal {
  return { id: '', omschrijving, fenomeenLabel } as Signaal;
}

/** A signal whose id has a review decision: its whole content (the decision's hash reads it), not where it came from. */
export function beoordeeldeVorm(signal: Signaal): Signaal {
  const { origin: _origin, persoon: _persoon, ...inhoud } = signal;
  return inhoud as Signaal;
}

export class DoorlopendeKlassering {
  private readonly pass: TrainingPass<Classificatie>;
  /** Every distinct text of the answer once. */
  private readonly teksten: string[] = [];
  private readonly tekstIndex = new Map<string, number>();
  private codes = new Int32Array(VELDEN * 65_536);
  /** Numbers of the signals that taught the model. */
  private readonly getraind: number[] = [];
  aantal = 0;

  constructor(taxonomy: Taxonomy, beoordelingen: Beoordelingen | undefined, builder: ModelBuilder) {
    // The rules judge a waiting signal as it is offered, so the end only asks the model.
    this.pass = new TrainingPass<Classificatie>(taxonomy, beoordelingen, builder, (_signal, fields) => fields, true);
  }

  /** Signal number `aantal`: lichteVorm, or beoordeeldeVorm when a review decision names its id. */
  offer(signal: Signaal): void {
    const i = this.aantal++;
    const c = this.pass.offer(signal, i);
    if (this.pass.getraind) this.getraind.push(i);
    if (c !== undefined) this.write(i, c);
  }

  /**
   * After the last signal; `vervangen` are the numbers of offered signals that a later version replaced. A replaced
   * signal that taught the model makes the answer `opnieuw`: one thread, reading first, would not have trained on it.
   */
  einde(vervangen: readonly number[]): Antwoord {
    const weg = new Set(vervangen);
    if (this.getraind.some((i) => weg.has(i))) return { soort: 'opnieuw' };
    const { analist, handmatig } = this.pass.finish((i, c) => this.write(i, c));
    return { soort: 'klaar', codes: this.codes.subarray(0, this.aantal * VELDEN), teksten: this.teksten, analist, handmatig };
  }

  private index(tekst: string): number {
    let i = this.tekstIndex.get(tekst);
    if (i === undefined) {
      i = this.teksten.length;
      this.teksten.push(tekst);
      this.tekstIndex.set(tekst, i);
    }
    return i;
  }

  private write(i: number, c: Classificatie): void {
    const o = i * VELDEN;
    if (o + VELDEN > this.codes.length) {
      const groter = new Int32Array(Math.max(this.codes.length * 2, o + VELDEN));
      groter.set(this.codes);
      this.codes = groter;
    }
    const codes = this.codes;
    codes[o] = this.index(c.fenomeen);
    codes[o + 1] = this.index(c.herkomst);
    codes[o + 2] = this.index(c.reden);
    codes[o + 3] = this.index(c.ernst);
    codes[o + 4] = this.index(c.ernstReden);
    codes[o + 5] = c.afwijking ? 1 : 0;
    codes[o + 6] = c.regelSuggestie ? this.index(c.regelSuggestie.fenomeen) : -1;
    codes[o + 7] = c.regelSuggestie ? this.index(c.regelSuggestie.reden) : -1;
  }
}

/** The classification of each final signal, decoded from an answer on demand. */
export interface KlasseringUitkomst {
  /** Per final signal (offered and not replaced), in order: its classification. */
  classificatie(j: number): Classificatie;
  analist: number;
  handmatig: number;
}

/** Reads an answer: `vervangen` as given to einde(), `aantal` the signals offered. */
export function leesAntwoord(antwoord: Extract<Antwoord, { soort: 'klaar' }>, aantal: number, vervangen: readonly number[]): KlasseringUitkomst {
  // Final signal j is the j-th signal offered that was not replaced.
  const positie = new Int32Array(aantal - vervangen.length);
  for (let i = 0, v = 0, j = 0; i < aantal; i++) {
    if (v < vervangen.length && vervangen[v] === i) v++;
    else positie[j++] = i;
  }
  const { codes, teksten, analist, handmatig } = antwoord;
  return {
    classificatie(j: number): Classificatie {
      const o = positie[j]! * VELDEN;
      // The key order of classifyWith's objects, so every JSON output is the same as one thread's.
      const fields: Classificatie = {
        fenomeen: teksten[codes[o]!] as Fenomeen,
        herkomst: teksten[codes[o + 1]!] as Classificatie['herkomst'],
        reden: teksten[codes[o + 2]!]!,
        ernst: teksten[codes[o + 3]!] as Classificatie['ernst'],
        ernstReden: teksten[codes[o + 4]!]!,
        afwijking: codes[o + 5] === 1,
      };
      if (codes[o + 6]! >= 0) fields.regelSuggestie = { fenomeen: teksten[codes[o + 6]!] as Fenomeen, reden: teksten[codes[o + 7]!]! };
      return fields;
    },
    analist,
    handmatig,
  };
}
