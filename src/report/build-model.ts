// Builds the report's data model from the figures of one scope: pure, deterministic, JSON-serialisable.
// Every count passes through `Figures`, so a public report never shows (or lets a reader compute) a small count.

import type { ReeksPunt, ScopeCijfers } from '../aggregate/result-types.js';
import { ingestTables } from '../ingest/tables.js';
import { FENOMENEN, type Fenomeen, type Herkomst } from '../domain.js';
import { notitiePlaatsing } from '../aggregate/trends.js';
import { loadReference } from '../reference/index.js';
import { slug } from '../reference/normalise.js';
import { cell, Figures, figureSystem, GEEN_GEGEVENS, HIDDEN_MARK, type VerdelingSoort } from './figures.js';
import {
  capitalise,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatDifference,
  formatInteger,
  formatPercentChange,
  formatShare,
  isoLocal,
  aanduiding,
  kortePeriode,
} from '../present/format.js';
import { gemeentenSectie } from './gemeenten.js';
import { duidingBestandsnaam, duidingVan, renderDuiding } from './duiding.js';
import { liggingKaart, regioKaart } from './kaart.js';
import { kernpunten } from './kernpunten.js';
import { netwerkSectie } from './netwerk.js';
import { BETROUWBAARHEID_NAAM, ERNST_NAAM, HERKOMST_NAAM, builtInFenomeenNames, TLP_KLEUR, TLP_UITLEG } from '../present/labels.js';
import { notitieSectie } from './notities.js';
import { SCHEMA, type Aantal, type Kerncijfer, type PeriodeVerwijzing, type ReportInput, type ReportModel, type Verdeling, type VerdelingRij } from './model-types.js';
import { verantwoording, type Samengevoegd } from './verantwoording.js';

/** Rubricering "Openbaar" (or TLP:CLEAR, which allows unrestricted sharing) makes a report public. */
function isOpenbaar(rubricering: string, tlp: string): boolean {
  return rubricering.trim().toLowerCase() === 'openbaar' || tlp === 'CLEAR';
}

/** A count in the series; a period the inputs do not cover has no data (not zero signals). */
function reeksAantal(figures: Figures, punt: ReeksPunt, key: string): Aantal {
  return punt.dekking === 'geen' ? { waarde: null, tekst: GEEN_GEGEVENS } : figures.aantal(key);
}

function verwijzing(p: { code: string; label: string }): PeriodeVerwijzing {
  return { code: p.code, label: p.label, kort: kortePeriode(p.code) };
}

/** Reliability is an ordinal scale: A first, the ungraded last, whatever the counts. */
function inSchaalVolgorde(counts: Record<string, number>): Record<string, number> {
  // Admiralty letters first, then Europol 4x4 ('4x4 B'), then the ungraded.
  const rank = (code: string) => (code === 'onbekend' ? '~' : code.startsWith('4x4') ? `{${code}` : code);
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (rank(a) < rank(b) ? -1 : 1)));
}

/** Open categories as exported ("online uiting"), capitalised for a table; "onbekend" when missing. */
function openCategorie(code: string): string {
  return code === 'onbekend' ? 'Onbekend' : capitalise(code);
}

function share(figures: Figures, key: string, totalKey: string): VerdelingRij['aandeel'] {
  const total = figures.value(totalKey);
  return figures.derived([key, totalKey], total === 0 ? null : figures.value(key) / total, formatShare);
}

function verdeling(
  figures: Figures,
  totalKey: string,
  soort: VerdelingSoort,
  titel: string,
  counts: Record<string, number>,
  naam: (code: string) => string,
): Verdeling {
  const rijen = Object.keys(counts).map((code) => {
    const key = cell.verdeling(soort, code);
    return { code, naam: naam(code), aantal: figures.aantal(key), aandeel: share(figures, key, totalKey) };
  });
  return { titel, rijen, totaal: figures.aantal(totalKey) };
}

/**
 * The series of the last periods, from the first period the inputs cover (an empty first column says nothing): periods
 * before the inputs begin are left out; a gap later on shows as "no data".
 */
function ontwikkeling(figures: Figures, reeks: readonly ReeksPunt[], naam: (f: Fenomeen) => string): ReportModel['ontwikkeling'] {
  const eerste = reeks.findIndex((p) => p.dekking !== 'geen');
  const punten = eerste <= 0 ? reeks : reeks.slice(eerste);
  return {
    perioden: punten.map((p) => ({ ...verwijzing({ code: p.periode, label: p.label }), gedekt: p.dekking !== 'geen' })),
    rijen: FENOMENEN.map((f) => ({
      code: f,
      naam: naam(f),
      waarden: punten.map((p) => reeksAantal(figures, p, cell.fenomeen(f, p.periode))),
    })),
    totaal: punten.map((p) => reeksAantal(figures, p, cell.totaal(p.periode))),
    volledig: punten.every((p) => p.dekking !== 'geen'),
  };
}

/** The row under which a public report shows the type and bron values cter does not know. */
const OVERIG = 'overig';

/** Counts with every value outside `bekend` (and other than `onbekend`, the empty value) merged into `overig`. */
function mergeUnknown(counts: Record<string, number>, bekend: ReadonlySet<string>): { counts: Record<string, number>; samengevoegd: number } {
  const out: Record<string, number> = {};
  let overig = 0;
  let samengevoegd = 0;
  for (const [code, n] of Object.entries(counts)) {
    if (bekend.has(code) || code === 'onbekend') out[code] = (out[code] ?? 0) + n;
    else {
      overig += n;
      samengevoegd++;
    }
  }
  if (samengevoegd > 0) out[OVERIG] = overig;
  return { counts: out, samengevoegd };
}

/**
 * A public report shows no free text from an export: type and bron values that are not in data/waarden.json are
 * merged into one row "overig" before any figure (or its suppression) is computed.
 */
function bekendeWaarden(c: ScopeCijfers): { cijfers: ScopeCijfers; samengevoegd: Samengevoegd } {
  const tables = ingestTables();
  const types = mergeUnknown(c.gebied.types, new Set(tables.type.values()));
  const bronnen = mergeUnknown(c.gebied.bronnen, new Set(tables.bron.values()));
  return {
    cijfers: { ...c, gebied: { ...c.gebied, types: types.counts, bronnen: bronnen.counts } },
    samengevoegd: { type: types.samengevoegd, bron: bronnen.samengevoegd },
  };
}

/** The report's data model for one scope and period. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { config } = input;
  const { rubricering, tlp, drempel, organisatie } = config.values;
  const openbaar = isOpenbaar(rubricering, tlp);
  const { cijfers: c, samengevoegd } = openbaar ? bekendeWaarden(input.cijfers) : { cijfers: input.cijfers, samengevoegd: { type: 0, bron: 0 } };
  const figures = new Figures(figureSystem(c), drempel, openbaar);
  const g = c.gebied;
  const [nu, vorige, vorigJaar] = [c.periode.code, c.vorigePeriode.code, c.vorigJaar.code];
  const totaalKey = cell.totaal(nu);
  const tlpLabel = `TLP:${tlp}`;

  const namen = input.fenomeenNames ?? builtInFenomeenNames();
  const fenomeenNaam = (f: Fenomeen) => namen.naam[f];
  const fenomenen = FENOMENEN.map((f) => ({
    code: f,
    naam: fenomeenNaam(f),
    huidig: figures.aantal(cell.fenomeen(f, nu)),
    aandeel: share(figures, cell.fenomeen(f, nu), totaalKey),
    vorigePeriode: figures.aantal(cell.fenomeen(f, vorige)),
    vorigJaar: figures.aantal(cell.fenomeen(f, vorigJaar)),
    veranderingVorigePeriode: figures.verandering(
      g.fenomeenVerandering[f].vorigePeriode,
      cell.fenomeen(f, nu),
      cell.fenomeen(f, vorige),
    ),
    veranderingVorigJaar: figures.verandering(
      g.fenomeenVerandering[f].vorigJaar,
      cell.fenomeen(f, nu),
      cell.fenomeen(f, vorigJaar),
    ),
  }));

  const ernst = verdeling(figures, totaalKey, 'ernst', 'Ernst', g.ernst, (e) => ERNST_NAAM[e as keyof typeof ERNST_NAAM] ?? e);
  const ref = input.ref ?? loadReference(config.values);
  const notities = notitieSectie(input.notities, c, openbaar, notitiePlaatsing(ref, config.values.regio), fenomeenNaam);
  const model: Omit<ReportModel, 'kernpunten' | 'kerncijfers'> = {
    schema: SCHEMA,
    documenttitel: `Lokaal beeld CTER ${g.naam}, ${c.periode.label}`,
    gebied: {
      soort: g.soort,
      code: g.code,
      naam: g.naam,
      aanduiding: aanduiding(g.soort, g.naam),
      inwoners: g.inwoners,
      inwonersTekst: formatInteger(g.inwoners),
      aantalGemeenten: g.soort === 'gemeente' ? 1 : c.gemeenten.length,
      slug: slug(g.naam),
    },
    periode: {
      ...verwijzing(c.periode),
      start: c.periode.start,
      eind: c.periode.eind,
      bereik: `${formatDate(c.periode.start)} tot en met ${formatDate(c.periode.eind)}`,
      vorige: verwijzing(c.vorigePeriode),
      vorigJaar: verwijzing(c.vorigJaar),
      vorigJaarApart: c.vorigJaar.code !== c.vorigePeriode.code,
    },
    markering: {
      rubricering,
      tlp,
      tlpLabel,
      tlpKleur: TLP_KLEUR[tlp],
      tlpUitleg: TLP_UITLEG[tlp],
      openbaar,
      regel: `${rubricering} · ${tlpLabel}`,
    },
    organisatie: organisatie ?? null,
    auteur: config.values.auteur ?? null,
    contact: config.values.contact ?? null,
    verspreiding: (config.values.verspreiding ?? '')
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
    versie: input.versie,
    gegenereerd: {
      iso: isoLocal(input.gegenereerd),
      tekst: formatDateTime(input.gegenereerd),
      datum: formatDate(isoLocal(input.gegenereerd).slice(0, 10)),
    },
    totaal: {
      huidig: figures.aantal(totaalKey),
      vorigePeriode: figures.aantal(cell.totaal(vorige)),
      vorigJaar: figures.aantal(cell.totaal(vorigJaar)),
      per10000: figures.derived([totaalKey], g.per10000, formatDecimal),
      personen: g.personen === null ? null : figures.aantal(cell.personen),
      afwijkingen: figures.aantal(cell.afwijkingen),
      veranderingVorigePeriode: figures.verandering(g.verandering.vorigePeriode, totaalKey, cell.totaal(vorige)),
      veranderingVorigJaar: figures.verandering(g.verandering.vorigJaar, totaalKey, cell.totaal(vorigJaar)),
    },
    fenomenen: { rijen: fenomenen, totaal: figures.aantal(totaalKey) },
    ontwikkeling: ontwikkeling(figures, g.reeks, fenomeenNaam),
    verdelingen: {
      type: verdeling(figures, totaalKey, 'type', 'Type signaal', g.types, openCategorie),
      bron: verdeling(figures, totaalKey, 'bron', 'Bron', g.bronnen, openCategorie),
      ernst,
      betrouwbaarheid: verdeling(
        figures,
        totaalKey,
        'betrouwbaarheid',
        'Betrouwbaarheid van de bron',
        inSchaalVolgorde(g.betrouwbaarheid),
        (b) => BETROUWBAARHEID_NAAM[b] ?? b,
      ),
    },
    notities,
    gemeenten: null,
    kaart: null,
    netwerk: null,
    duiding: duidingWeergave(input, slug(g.naam), c.periode.code, openbaar),
    bronInwoners:
      Object.keys(config.values.inwoners ?? {}).length > 0
        ? 'Inwoners: CBS (1 januari 2022) en de configuratie (inwoners).'
        : 'Inwoners: CBS, 1 januari 2022.',
    verantwoording: verantwoording(input, figures, verdeling(figures, totaalKey, 'herkomst', 'Herkomst van het fenomeen', g.herkomst, (h) => HERKOMST_NAAM[h as Herkomst] ?? h), notities.weggelaten, samengevoegd),
  };
  model.gemeenten = gemeentenSectie(c, figures, namen);
  model.netwerk = input.signalen ? netwerkSectie(c, input.signalen, ref, config.values, figures) : null;
  model.kaart =
    g.soort === 'gemeente'
      ? liggingKaart(ref, g.code)
      : model.gemeenten && regioKaart(model.gemeenten, model.periode.kort, g.naam);
  return { ...model, kernpunten: kernpunten(model), kerncijfers: kerncijfers(model) };
}

/** The duiding file of this area and period, if any, and whether this report may show it. */
function duidingWeergave(input: ReportInput, gebiedSlug: string, periode: string, openbaar: boolean): ReportModel['duiding'] {
  const bestand = duidingBestandsnaam(gebiedSlug, periode);
  const duiding = duidingVan(input.duidingen, gebiedSlug, periode);
  if (duiding) {
    if (openbaar && !duiding.openbaar) return null;
    return { html: renderDuiding(duiding.markdown), bestand, melding: null };
  }
  if (input.config.values.duidingOntbreekt === 'weglaten') return null;
  return {
    html: null,
    bestand,
    melding: 'Duiding en advies: de analist heeft voor deze periode (nog) geen duiding en advies vastgelegd.',
  };
}

function kerncijfers(m: Omit<ReportModel, 'kernpunten' | 'kerncijfers'>): Kerncijfer[] {
  const hoog = m.verdelingen.ernst.rijen.find((r) => r.code === 'hoog');
  const v = m.totaal.veranderingVorigePeriode;
  return [
    { label: 'Signalen', tekst: m.totaal.huidig.tekst, toelichting: m.periode.label },
    { label: 'Per 10.000 inwoners', tekst: m.totaal.per10000.tekst, toelichting: `${m.gebied.inwonersTekst} inwoners` },
    {
      label: `T.o.v. ${m.periode.vorige.label}`,
      tekst:
        v.richting === 'niet te toetsen'
          ? '–'
          : v.procent !== null
            ? formatPercentChange(v.procent)
            : v.verschil !== null
              ? formatDifference(v.verschil)
              : HIDDEN_MARK,
      toelichting: v.richting === 'afgeschermd' ? 'afgeschermd (klein aantal)' : v.significant ? `significante ${v.richting}` : v.richting,
    },
    {
      label: 'Ernst hoog',
      tekst: hoog?.aantal.tekst ?? '0',
      toelichting: hoog && hoog.aandeel.waarde !== null ? `${hoog.aandeel.tekst} van de signalen` : '',
    },
  ];
}
