// The text model in typed arrays (issue 13) must give bit for bit the proposals of the straightforward model it
// replaced: counts per feature in a JavaScript object, a Map per text, summed in the object's key order. That model is
// kept here, written out, as the reference. The cases cover the order-free sums (pair weights that are binary
// fractions), the ordered fallback (a pair weight of 0.3, feature names that are array indices such as "112"), the
// shipped base model plus extra labels, neutral words, repeated texts and a text with no known word.
import { beforeAll, describe, expect, it } from 'vitest';
import { FENOMENEN, type Fenomeen } from '../../src/domain.js';
import {
  buildModel,
  extractFeatures,
  loadModelFile,
  modelSettings,
  countFeatures,
  type ModelFile,
  type ModelSettings,
  type ModelCounts,
  type ModelProposal,
  type TrainingExample,
} from '../../src/classify/tekstmodel.js';

const K = FENOMENEN.length;

/** The earlier model, verbatim in its arithmetic: the specification the typed model must match. */
function referentie(basis: ModelCounts | undefined, extra: readonly TrainingExample[], inst: ModelSettings, negeer: ReadonlySet<string>) {
  const a = basis ?? { documenten: new Array<number>(K).fill(0), kenmerken: {} };
  const b = countFeatures(extra);
  const documenten = a.documenten.map((n, k) => n + (b.documenten[k] ?? 0));
  const alle: Record<string, number[]> = { ...a.kenmerken };
  for (const [f, counts] of Object.entries(b.kenmerken)) {
    const earlier = alle[f];
    alle[f] = earlier ? earlier.map((n, k) => n + (counts[k] ?? 0)) : [...counts];
  }
  const { alpha, paarGewicht, temperatuur } = inst;
  const klassen = documenten.flatMap((n, k) => (n > 0 ? [k] : []));
  const aantal = documenten.reduce((x, y) => x + y, 0);
  const features: [string, number[], number][] = [];
  for (const [f, counts] of Object.entries(alle)) {
    const w = negeer.has(f) ? 0 : f.includes('_') ? paarGewicht : 1;
    if (w > 0) features.push([f, counts, w]);
  }
  const totaal = new Array<number>(K).fill(0);
  for (const [, counts, w] of features) for (const k of klassen) totaal[k]! += w * (counts[k] ?? 0);
  const logPrior = documenten.map((n) => Math.log((n + 1) / (aantal + klassen.length)));
  const noemer = totaal.map((t) => Math.log(t + alpha * features.length));
  const logKans = new Map<string, Float64Array>();
  for (const [f, counts, w] of features) {
    logKans.set(f, Float64Array.from(noemer, (d, k) => (w * (Math.log(w * (counts[k] ?? 0) + alpha) - d)) / temperatuur));
  }
  return (text: string) => {
    const { tellingen, woorden } = extractFeatures(text);
    const bekend = [...tellingen.keys()].flatMap((f) => (logKans.has(f) ? [[f, logKans.get(f)!] as const] : []));
    const scores = klassen.map((k) => {
      let s = logPrior[k]!;
      for (const [, lp] of bekend) s += lp[k]!;
      return s;
    });
    const order = scores.map((_, i) => i).sort((x, y) => scores[y]! - scores[x]! || x - y);
    const max = scores[order[0]!]!;
    const kans = 1 / scores.reduce((acc, s) => acc + Math.exp(s - max), 0);
    const winnaar = klassen[order[0]!]!;
    const tweede = order.length > 1 ? klassen[order[1]!]! : winnaar;
    const gewichten = bekend
      .map(([f, lp]) => ({ woord: woorden.get(f)!, gewicht: lp[winnaar]! - lp[tweede]!, f }))
      .filter((w) => w.gewicht > 0)
      .sort((x, y) => y.gewicht - x.gewicht || (x.f < y.f ? -1 : x.f > y.f ? 1 : 0))
      .slice(0, 3)
      .map(({ woord, gewicht }) => ({ woord, gewicht }));
    return { fenomeen: bekend.length === 0 ? 'onbekend' : FENOMENEN[winnaar]!, kans, woorden: gewichten, scores };
  };
}

const ZINNEN: [string, Fenomeen][] = [
  ['Belde 112 en dreigde met een aanslag op de moskee in 2020.', 'jihadisme'],
  ['Deelt filmpjes van IS-strijders en zegt dat ongelovigen moeten boeten.', 'jihadisme'],
  ['Plakt stickers met een keltisch kruis en roept witte macht; 14 woorden op de muur.', 'rechts-extremisme'],
  ['Verspreidt pamfletten over omvolking bij de supermarkt.', 'rechts-extremisme'],
  ['Bekladt het kantoor van de bank met antikapitalistische leuzen en 1312.', 'links-extremisme'],
  ['Erkent het gezag niet en stuurt een brief aan de BV Nederland over zijn eigen paspoort.', 'anti-institutioneel-extremisme'],
  ['Supporters vieren de overwinning van de club met vuurwerk. 112 kwam langs.', 'onbekend'],
  ['Buurman klaagt over geluidsoverlast van de scooter in 2020.', 'onbekend'],
];
// Every text several times, with variations, so that counts exceed one and texts repeat.
const VOORBEELDEN: TrainingExample[] = [];
for (let i = 0; i < 60; i++) {
  const [tekst, fenomeen] = ZINNEN[(i * 7) % ZINNEN.length]!;
  VOORBEELDEN.push({ tekst: i % 3 === 0 ? tekst : `${tekst} Melding ${i % 11} van wijkagent ${i % 5}.`, fenomeen });
}
const VRAGEN = [
  ...ZINNEN.map(([t]) => t),
  'Dreigde op 112 met een aanslag op de supermarkt; stickers met witte macht.',
  'Een zin zonder enig bekend woord: qwerty zxcvb.',
  '',
  'Melding 3 van wijkagent 2: pamfletten en leuzen, 1312 en 14.',
];

function vergelijk(model: { voorstel(t: string): ModelProposal }, ref: ReturnType<typeof referentie>) {
  for (const vraag of [...VRAGEN, ...VRAGEN]) {
    const nieuw = model.voorstel(vraag);
    const oud = ref(vraag);
    expect(nieuw.fenomeen).toBe(oud.fenomeen);
    expect(Object.is(nieuw.kans, oud.kans)).toBe(true);
    expect(nieuw.woorden).toStrictEqual(oud.woorden);
  }
}

let basis: ModelFile;
beforeAll(async () => {
  basis = await loadModelFile();
});

describe('text model in typed arrays', () => {
  const instellingen = (paarGewicht: number): ModelSettings => ({ alpha: 0.25, temperatuur: 2, paarGewicht, drempel: 0.5, drempelMetSteun: 0.5, vetoKans: null, vetoOnder: 0 });

  it.each([0, 0.25, 0.5, 1, 0.3, 0.7])('matches the earlier model bit for bit without a base model (pair weight %s)', (paarGewicht) => {
    // A neutral stem and a neutral pair that occur in the texts.
    const paar = [...extractFeatures(ZINNEN[0]![0]).tellingen.keys()].find((f) => f.includes('_'))!;
    const negeer = new Set(['moskee', paar]);
    const model = buildModel(undefined, VOORBEELDEN, instellingen(paarGewicht), negeer);
    vergelijk(model, referentie(undefined, VOORBEELDEN, instellingen(paarGewicht), negeer));
  });

  it.each([undefined, 0.3])('matches the earlier model on the shipped base model plus labels (pair weight %s)', (paarGewicht) => {
    const inst = { ...modelSettings(basis), ...(paarGewicht === undefined ? {} : { paarGewicht }) };
    const negeer = new Set(['gebed', 'moskee']);
    const model = buildModel(basis, VOORBEELDEN, inst, negeer);
    vergelijk(model, referentie(basis, VOORBEELDEN, inst, negeer));
  });

  it.each([0.25, 0.3])('matches the earlier model on a hand-made model file with odd feature names (pair weight %s)', (paarGewicht) => {
    // Names with two underscores or a leading one, array indices, a pair whose stems are no features themselves.
    const rij = (...c: number[]) => [...c, ...new Array<number>(K - c.length).fill(0)];
    const hand: ModelCounts = {
      documenten: rij(5, 4, 3, 0, 0, 0, 0, 6),
      kenmerken: { aanslag: rij(3, 0, 1), '2020': rij(0, 1, 0, 0, 0, 0, 0, 2), a_b_c: rij(1, 1), _x: rij(0, 2), 'witt_ras': rij(0, 3), '7': rij(1) },
    };
    const negeer = new Set(['a_b_c', 'dreig_aanslag']);
    const model = buildModel({ ...hand, ...instellingen(paarGewicht), versie: 'hand', omschrijving: 'hand' }, VOORBEELDEN, {}, negeer);
    vergelijk(model, referentie(hand, VOORBEELDEN, instellingen(paarGewicht), negeer));
  });

  it('counts a feature once per text also when that text grows the table past its first 1,024 features', () => {
    // 700 new words, twice in one sentence: about 1,400 new features (stems and pairs), each met twice in the text.
    const woorden = Array.from({ length: 700 }, (_, i) => `kw${i.toString(36)}x`);
    const lang: TrainingExample = { tekst: `${[...woorden, ...woorden].join(' ')}.`, fenomeen: 'rechts-extremisme' };
    const voorbeelden = [lang, ...VOORBEELDEN];
    const inst = instellingen(0.25);
    const model = buildModel(undefined, voorbeelden, inst, new Set());
    vergelijk(model, referentie(undefined, voorbeelden, inst, new Set()));
  });

  it('gives the same proposals when texts never repeat as when they do', () => {
    const model = buildModel(basis, VOORBEELDEN, undefined);
    const eenmalig = buildModel(basis, VOORBEELDEN, undefined);
    // More than 20,000 distinct texts: the cache gives up; the proposals stay the same.
    const teksten = Array.from({ length: 20_050 }, (_, i) => `${ZINNEN[i % ZINNEN.length]![0]} Nummer ${i}.`);
    for (const t of teksten) eenmalig.voorstel(t);
    for (const t of [...teksten.slice(-50), ...VRAGEN]) expect(eenmalig.voorstel(t)).toStrictEqual(model.voorstel(t));
  });
});
