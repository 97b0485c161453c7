// The rules engine on the built-in taxonomy: terms, look-alikes, negatives, ties, ernst, reasons.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Signaal } from '../../src/domain.js';
import { classifySignal, classifySignals } from '../../src/classify/classify.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';

let taxonomy: Taxonomy;
beforeAll(async () => {
  taxonomy = await loadTaxonomy({ baseDir: process.cwd() });
});

function signaal(omschrijving: string, extra: Partial<Signaal> = {}): Signaal {
  return { id: 'S1', datum: '2025-07-03', gemeente: 'GM0479', omschrijving, origin: { bestand: 'x.csv', regel: 2 }, ...extra };
}

const classify = (text: string) => classifySignal(signaal(text), taxonomy);

describe('look-alikes', () => {
  it('matches the abbreviation IS only in capitals', () => {
    expect(classify('Het is een rustige wijk en hij is vriendelijk.').fenomeen).toBe('onbekend');
    const r = classify('Betrokkene heeft een IS-vlag op zijn kamer hangen.');
    expect(r).toMatchObject({ fenomeen: 'jihadisme', herkomst: 'regel' });
    expect(r.reden).toContain("'IS-vlag' (3)");
  });

  it('ignores IS in text written in capitals only', () => {
    expect(classify('HIJ IS HEEL BOOS OP DE BUREN').fenomeen).toBe('onbekend');
  });

  it('recognises "Islamitische Staat" and other spellings, regardless of case and diacritics', () => {
    expect(classify('Sprak zijn steun uit voor de Islamitische Staat.').fenomeen).toBe('jihadisme');
    expect(classify('PRAAT OVER HET KALIFAAT EN DAESH').fenomeen).toBe('jihadisme');
    expect(classify('Deelt berichten van de الدولة الإسلامية').fenomeen).toBe('jihadisme');
  });

  it('does not treat religious practice as jihadism', () => {
    for (const text of [
      'Gaat bidden in de moskee.',
      'Is sinds kort bekeerd, draagt een djellaba en een lange baard en bidt vijf keer per dag.',
      'Tijdens de ramadan vast zij, ze draagt een hoofddoek en eet halal.',
      'Sprak over de innerlijke jihad tijdens het vrijdaggebed.',
    ]) {
      const r = classify(text);
      expect(r.fenomeen, text).toBe('onbekend');
      expect(r.herkomst).toBe('geen');
    }
    expect(classify('Gaat bidden in de moskee.').reden).toContain("neutraal, telt niet mee: 'bidden', 'moskee'");
  });

  it('never turns any mix of religious practice into jihadism', () => {
    const practice = taxonomy.definitie.fenomenen.find((f) => f.code === 'jihadisme')!.neutraal.map((n) => n.term);
    const filler = ['hij', 'zij', 'draagt', 'gaat', 'elke', 'week', 'naar', 'de', 'een', 'met', 'zijn', 'familie', 'en'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...practice, ...filler), { minLength: 1, maxLength: 25 }), (words) => {
        expect(classify(words.join(' ')).fenomeen).not.toBe('jihadisme');
      }),
    );
  });

  it('needs a violent context for martyr words', () => {
    expect(classify('Noemt de pastoor een martelaar van de kerk.').fenomeen).toBe('onbekend');
    expect(classify('Noemt de pastoor een martelaar van de kerk.').reden).toContain('zonder de vereiste context');
    expect(classify('Noemt de dader van de aanslag een shahid, strijd tegen de kuffar.').fenomeen).toBe('jihadisme');
  });

  it('does not count sovereignty of a state as sovereign-citizen language', () => {
    const r = classify('Leerling schreef een werkstuk over de soevereiniteit van Oekraïne.');
    expect(r.fenomeen).toBe('onbekend');
    expect(r.reden).toContain("niet meegeteld in deze context: 'soeverein*'");
    expect(classify('Noemt zich soeverein en stuurt een notice of liability aan de gemeente.').fenomeen).toBe(
      'anti-institutioneel-extremisme',
    );
  });

  it('keeps a longer neutral phrase from firing the term inside it', () => {
    expect(classify('Zegt dat het systeem lag plat bij de gemeente.').reden).not.toContain("'het systeem'");
  });
});

describe('vocabulary from the sources (names, codes, loanwords)', () => {
  it.each([
    ['Broer meldt dat betrokkene een enkele reis heeft geboekt en zegt naar Sham te gaan.', 'jihadisme'],
    ['Chatbericht verheerlijkt bin Laden en belooft wraak.', 'jihadisme'],
    ['Op de skatebaan is een tag met Aryan Brotherhood gespoten.', 'rechts-extremisme'],
    ['In zijn slaapkamer hangt een Reichskriegsflagge naast een foto van wapens.', 'rechts-extremisme'],
    ['Poster in de wijk: jaag de staatsfascisten weg uit onze straten.', 'links-extremisme'],
    ['Bij de verkeerscontrole toonde de bestuurder een wereldpaspoort en weigerde zijn rijbewijs.', 'anti-institutioneel-extremisme'],
    ['Dierenactivisten lieten een kaart achter: bevrijdingsfront, de dieren zijn vrij.', 'activisme'],
  ])('%s -> %s', (tekst, fenomeen) => {
    expect(classify(tekst).fenomeen).toBe(fenomeen);
  });

  it('ignores the Sham of English and names in ordinary text', () => {
    expect(classify('Hij noemde het hele gesprek a sham en liep weg.').fenomeen).toBe('onbekend');
  });
});

describe('negative context', () => {
  it('cancels terms after a denial, up to a contrast word', () => {
    const denied = classify('Er zijn geen aanwijzingen voor jihadisme of banden met ISIS.');
    expect(denied.fenomeen).toBe('onbekend');
    expect(denied.reden).toContain("'jihadis*' (3 × 0 door 'geen aanwijzingen')");
    const contrast = classify('Geen aanwijzingen voor geweld, wel veel interesse in de Islamitische Staat.');
    expect(contrast.fenomeen).toBe('jihadisme');
  });

  it('lowers terms in a news report, so antifa in the news is not links-extremisme', () => {
    const r = classify('Melder zag een nieuwsbericht over antifa-acties in Duitsland.');
    expect(r.fenomeen).toBe('onbekend');
    expect(r.reden).toContain("'antifa*' (3 × 0,5 door 'nieuwsbericht*')");
    expect(classify('Antifa-groep publiceerde adressen van vermeende rechts-extremisten (doxing).').fenomeen).toBe(
      'links-extremisme',
    );
  });

  it('lowers a single term in research, a model kit, a school presentation or sport', () => {
    expect(classify('Een onderzoeksjournalist publiceert onderzoek naar jihadistische netwerken in de regio.').fenomeen).toBe('onbekend');
    expect(classify('Hij bouwt een bouwpakket van een Duits vliegtuig met hakenkruis op de staart.').fenomeen).toBe('onbekend');
    expect(classify('Leerling houdt een presentatie over het nationaalsocialisme voor geschiedenis.').fenomeen).toBe('onbekend');
    expect(classify('Sportbericht: de wielrenner werd soeverein kampioen met een ruime voorsprong.').fenomeen).toBe('onbekend');
  });

  it('lets strong evidence survive a news context', () => {
    expect(classify('Deelde een nieuwsbericht en juichte: het kalifaat komt, dood aan de kuffar, ISIS wint.').fenomeen).toBe(
      'jihadisme',
    );
  });
});

describe('decision', () => {
  it('says which terms and scores decided', () => {
    const r = classify('Betrokkene spreekt over het kalifaat en over een aanslag.');
    expect(r.fenomeen).toBe('jihadisme');
    expect(r.reden).toBe("regel: termen 'kalifaat' (3); score 3 tegen 0");
  });

  it('names the runner-up', () => {
    const r = classify('Extinction Rebellion kondigt een blokkade A12 aan; ook demonstratie bij het gemeentehuis.');
    expect(r.fenomeen).toBe('activisme');
    expect(r.reden).toMatch(/score 6 tegen 1 \(polarisatie\)$/);
  });

  it('gives onbekend on a tie, naming both', () => {
    const r = classify('Rellen bij het azc, met een hakenkruis op de muur.');
    expect(r).toMatchObject({ fenomeen: 'onbekend', herkomst: 'geen' });
    expect(r.reden).toBe(
      "gelijke stand tussen rechts-extremisme 3 ('hakenkruis*' (3)) en polarisatie 3 ('rellen' (2), 'azc' (1))",
    );
  });

  it('gives onbekend when the lead is too small', () => {
    const r = classify('Soevereine burger die het systeem wantrouwt, aanwezig bij rellen bij het azc.');
    expect(r.fenomeen).toBe('onbekend');
    expect(r.reden).toBe(
      "geen duidelijk verschil tussen anti-institutioneel-extremisme 4 ('soevereine burger*' (3), 'het systeem' (1)) " +
        "en polarisatie 3 ('rellen' (2), 'azc' (1)); minimaal 2 verschil nodig",
    );
  });

  it('gives onbekend when the evidence is weak', () => {
    const r = classify('Er was een demonstratie bij het gemeentehuis.');
    expect(r.fenomeen).toBe('onbekend');
    expect(r.reden).toBe("te weinig aanwijzingen: hoogste score polarisatie 1 ('demonstratie*' (1)), minimaal 2 nodig");
  });

  it('explains an empty description', () => {
    expect(classify('  ').reden).toBe('geen omschrijving: niets om te classificeren');
    expect(classifySignal({ ...signaal(''), omschrijving: undefined }, taxonomy).fenomeen).toBe('onbekend');
  });
});

describe('ernst', () => {
  it('is hoog for weapons, violence, attack plans and death threats', () => {
    expect(classify('Dreigde de buurman met een mes.')).toMatchObject({ ernst: 'hoog', ernstReden: "hoog: wapens ('mes')" });
    expect(classify('Stuurde een doodsbedreiging aan de burgemeester.').ernst).toBe('hoog');
    expect(classify('Zoekt online naar handleidingen voor explosieven.').ernstReden).toContain('explosieven');
  });

  it('is midden for intimidation, hate calls and vandalism', () => {
    expect(classify('Medewerkers van het azc werden geïntimideerd.')).toMatchObject({ ernst: 'midden' });
    expect(classify('Hakenkruis op de moskee gespoten.').ernstReden).toBe("midden: vernieling ('gespoten')");
  });

  it('is laag otherwise, and not raised by denials or news reports', () => {
    expect(classify('Sticker aangetroffen bij de bushalte.').ernst).toBe('laag');
    const denied = classify('Bij de huiszoeking zijn geen wapens aangetroffen.');
    expect(denied.ernst).toBe('laag');
    expect(denied.ernstReden).toContain("genegeerd: 'wapens' (door 'geen wapen*')");
    expect(classify('Bekeek een documentaire over de aanslag in Christchurch.').ernst).toBe('laag');
  });

  it('does not count weapons from a video game, but does count a game chat with real threats', () => {
    const game = classify('Speelt veel oorlogsgames en praat over wapens uit de game; geen ideologische uitlatingen.');
    expect(game).toMatchObject({ fenomeen: 'onbekend', ernst: 'laag' });
    expect(game.ernstReden).toContain("genegeerd: 'wapens' (door 'uit de game')");
    expect(classify('Deelt in de game-chat nazi-memes en hakenkruisen en dreigt met een mes.')).toMatchObject({
      fenomeen: 'rechts-extremisme',
      ernst: 'hoog',
    });
  });
});

describe('determinism', () => {
  it('gives the same result per signal whatever the order and repetition of the input', () => {
    const texts = [
      'Betrokkene heeft een IS-vlag.',
      'Rellen bij het azc.',
      'Gaat bidden in de moskee.',
      'Noemt zich soevereine burger.',
      'Extinction Rebellion blokkeert de A12.',
    ];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: texts.length - 1 }), { minLength: 1, maxLength: 30 }), (picks) => {
        const signals = picks.map((p, i) => signaal(texts[p]!, { id: `S${i}` }));
        const batch = classifySignals(signals, taxonomy);
        const reversed = classifySignals([...signals].reverse(), taxonomy).reverse();
        expect(batch).toEqual(reversed);
        expect(batch).toEqual(signals.map((s) => classifySignal(s, taxonomy)));
      }),
      { numRuns: 50 },
    );
  });
});
