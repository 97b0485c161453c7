// `cter trends --formaat md`: the summary as Dutch Markdown, ready to paste into a memo. Headline figures, the
// significant changes in words, a table per gemeente, and the period's trend notes. Rendered from the JSON summary,
// so both formats always tell the same story.
import { FENOMENEN } from '../domain.js';
import { capitalise, formatDate, formatDecimal, formatInteger, formatP, formatPercentChange } from '../present/format.js';
import { builtInFenomeenNames, SCHAAL_TITEL, type FenomeenNames } from '../present/labels.js';
import { parsePeriode } from './periode.js';
import type { TrendGebied, TrendNotitie, TrendSamenvatting } from './trends.js';
import type { PeriodeSoort, Verandering } from './result-types.js';

/** "in het 3e kwartaal 2025", "in juli 2025", "in 2025". */
function inPeriode(label: string, soort: PeriodeSoort): string {
  return soort === 'kwartaal' ? `in het ${label}` : `in ${label}`;
}

/** "het 2e kwartaal 2025", "juni 2025", "2024". */
function periodeNaam(code: string): string {
  const p = parsePeriode(code);
  return p.soort === 'kwartaal' ? `het ${p.label}` : p.label;
}

const n = formatInteger;
const meervoud = (aantal: number, een: string, meer: string): string => `${n(aantal)} ${aantal === 1 ? een : meer}`;

/** A Markdown table row; pipes and line breaks in the cells would break the table. */
const row = (cells: string[]): string =>
  `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;

/** "stijging (+60%, p = 0,03)", "geen significante verandering (+56%, p = 0,40)", "niet te toetsen (...)". */
function veranderingTekst(v: Verandering): string {
  if (v.p === null) return `niet te toetsen (${v.reden ?? 'geen gegevens'})`;
  const maat = v.procent === null ? `van ${n(v.vergelijking)} naar ${n(v.huidig)}` : formatPercentChange(v.procent);
  return `${v.richting} (${maat}, ${formatP(v.p)})`;
}

/** Short form for table cells. */
function veranderingKort(v: Verandering): string {
  if (v.p === null) return 'niet te toetsen';
  if (v.richting === 'geen significante verandering') return 'geen sign. verandering';
  return `${v.richting} (${formatP(v.p)})`;
}

const formatAlpha = (alpha: number): string => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 }).format(alpha);

const isSignificant = (v: Verandering): boolean => v.richting === 'stijging' || v.richting === 'daling';

function kerncijfers(s: TrendSamenvatting, g: TrendGebied, namen: FenomeenNames): string[] {
  const personen = g.personen === null ? '' : `, over ${meervoud(g.personen, 'persoon', 'personen')}`;
  const wanneer = capitalise(inPeriode(s.periodeLabel, s.periodeSoort));
  const lines = [
    `- ${wanneer} zijn in ${g.naam} **${meervoud(g.signalen, 'signaal', 'signalen')}** geregistreerd${personen}` +
      ` (${formatDecimal(g.per10000)} per 10.000 inwoners).`,
    `- Ten opzichte van ${periodeNaam(s.vorigePeriode)} (${n(g.signalenVorigePeriode)}): ` +
      `${veranderingTekst(g.verandering.vorigePeriode)}.`,
    `- Ten opzichte van ${periodeNaam(s.vorigJaar)} (${n(g.signalenVorigJaar)}): ${veranderingTekst(g.verandering.vorigJaar)}.`,
  ];
  const top = FENOMENEN.filter((f) => g.fenomenen[f] > 0)
    .sort((a, b) => g.fenomenen[b] - g.fenomenen[a] || FENOMENEN.indexOf(a) - FENOMENEN.indexOf(b))
    .slice(0, 3);
  if (top.length > 0) {
    lines.push(`- Meest voorkomend: ${top.map((f) => `${namen.naam[f].toLowerCase()} (${n(g.fenomenen[f])})`).join(', ')}.`);
  }
  return lines;
}

/** Every significant change, the area's total first, then per fenomeen; both comparisons. */
export function significanteVeranderingen(
  s: TrendSamenvatting,
  volgorde: TrendGebied[],
  namen: FenomeenNames = builtInFenomeenNames(),
): string[] {
  const lines: string[] = [];
  for (const g of volgorde) {
    const onderwerpen = [
      ['alle signalen', g.verandering] as const,
      ...FENOMENEN.map((f) => [namen.naam[f].toLowerCase(), g.fenomeenVerandering[f]] as const),
    ];
    for (const [key, code] of [['vorigePeriode', s.vorigePeriode], ['vorigJaar', s.vorigJaar]] as const) {
      for (const [onderwerp, veranderingen] of onderwerpen) {
        const v = veranderingen[key];
        if (!isSignificant(v) || v.p === null) continue;
        lines.push(
          `- ${g.naam}, ${onderwerp}: **${v.richting}** ten opzichte van ${periodeNaam(code)}: ` +
            `${n(v.huidig)} tegen ${n(v.vergelijking)} (${formatP(v.p)}).`,
        );
      }
    }
  }
  if (lines.length > 0) return lines;
  return [
    `Geen significante veranderingen (p < ${formatAlpha(s.alpha)}) ten opzichte van ${periodeNaam(s.vorigePeriode)} ` +
      `of ${periodeNaam(s.vorigJaar)}.`,
  ];
}

const gebiedNaam = (g: TrendGebied): string => (g.soort === 'regio' ? `**${g.naam} (totaal)**` : g.naam);

function tabelGemeenten(s: TrendSamenvatting): string[] {
  const kop = ['Gebied', 'Signalen', parsePeriode(s.vorigePeriode).label, parsePeriode(s.vorigJaar).label];
  const rows = [
    row([...kop, 'Per 10.000 inw.', 'Personen', 'T.o.v. vorige periode', 'T.o.v. vorig jaar']),
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const g of s.gebieden) {
    rows.push(
      row([
        gebiedNaam(g),
        n(g.signalen),
        n(g.signalenVorigePeriode),
        n(g.signalenVorigJaar),
        formatDecimal(g.per10000),
        g.personen === null ? '–' : n(g.personen),
        veranderingKort(g.verandering.vorigePeriode),
        veranderingKort(g.verandering.vorigJaar),
      ]),
    );
  }
  return rows;
}

function tabelFenomenen(s: TrendSamenvatting, namen: FenomeenNames): string[] {
  const kolommen = FENOMENEN.filter((f) => s.gebieden.some((g) => g.fenomenen[f] > 0));
  if (kolommen.length === 0) return [`Geen signalen ${inPeriode(s.periodeLabel, s.periodeSoort)}.`];
  return [
    row(['Gebied', ...kolommen.map((f) => namen.naam[f]), 'Totaal']),
    `| --- |${' ---: |'.repeat(kolommen.length + 1)}`,
    ...s.gebieden.map((g) => row([gebiedNaam(g), ...kolommen.map((f) => n(g.fenomenen[f])), n(g.signalen)])),
  ];
}

function notitie(t: TrendNotitie, namen: FenomeenNames): string[] {
  const kenmerken = [
    t.fenomeen ? namen.naam[t.fenomeen] : undefined,
    t.schaal ? SCHAAL_TITEL[t.schaal].toLowerCase() : undefined,
    t.gemeenteNaam ?? (t.gemeente === null ? 'hele regio' : t.gemeente),
  ].filter((x): x is string => Boolean(x));
  const titel = t.titel.replace(/\s+/g, ' ').trim();
  return [`### ${formatDate(t.datum)}: ${titel}`, '', `*${kenmerken.join(' · ')}*`, '', t.notitie.trim(), ''];
}

function verantwoording(s: TrendSamenvatting): string[] {
  const lines = [`Toets: ${s.toets}; een verandering heet alleen stijging of daling bij p < ${formatAlpha(s.alpha)}.`];
  const sig = s.invoer.signalen;
  if (sig) {
    const { geaccepteerd, afgewezen, dubbel } = sig.totaal;
    lines.push(
      `Invoer: ${meervoud(geaccepteerd, 'signaal', 'signalen')} uit ${meervoud(sig.bestanden.length, 'bestand', 'bestanden')}` +
        ` (${n(afgewezen)} afgewezen, ${n(dubbel)} dubbel).`,
    );
  }
  const bereik = s.invoer.bereik;
  if (bereik) lines.push(`De signalen lopen van ${formatDate(bereik.eerste)} tot en met ${formatDate(bereik.laatste)}.`);
  if (s.dekking === 'onvolledig') lines.push(`**Let op:** ${s.periodeLabel} is nog niet compleet in de invoer.`);
  if (s.dekking === 'geen') lines.push(`**Let op:** de invoer bevat geen signalen over ${s.periodeLabel}.`);
  return lines.map((l) => `${l}  `);
}

/** "Per gemeente", or "Per regio en gemeente" when the regions inside the scope are listed too (--alle). */
const perGebiedKop = (s: TrendSamenvatting): string =>
  s.gebieden.filter((g) => g.soort === 'regio').length > 1 ? '## Per regio en gemeente' : '## Per gemeente';

/** The memo-ready Markdown of a trend summary; fenomeen names from the run's taxonomy. */
export function trendsMarkdown(s: TrendSamenvatting, namen: FenomeenNames = builtInFenomeenNames()): string {
  const scope = s.gebieden[s.gebieden.length - 1];
  if (!scope) throw new Error('trend summary without areas');
  // The region first, then its gemeenten: the memo reads from the whole to the parts.
  const volgorde = scope.soort === 'regio' ? [scope, ...s.gebieden.slice(0, -1)] : [scope];
  const markering = [s.rubricering ? `Rubricering: ${s.rubricering}` : '', s.tlp ? `TLP:${s.tlp}` : '']
    .filter(Boolean)
    .join(' · ');
  const parts = [
    ...(markering ? [`**${markering}**`, ''] : []),
    `# Trends CTER ${scope.naam}, ${s.periodeLabel}`,
    '',
    `Periode: ${formatDate(s.van)} tot en met ${formatDate(s.tot)}.`,
    '',
    '## Kerncijfers',
    '',
    ...kerncijfers(s, scope, namen),
    '',
    '## Significante veranderingen',
    '',
    ...significanteVeranderingen(s, volgorde, namen),
    '',
    ...(scope.soort === 'regio' ? [perGebiedKop(s), '', ...tabelGemeenten(s), ''] : []),
    '## Fenomenen',
    '',
    ...tabelFenomenen(s, namen),
    '',
    '## Trendnotities',
    '',
    ...(s.notities.length > 0
      ? s.notities.flatMap((t) => notitie(t, namen))
      : [`Geen trendnotities ${inPeriode(s.periodeLabel, s.periodeSoort)}.`, '']),
    '## Verantwoording',
    '',
    ...verantwoording(s),
  ];
  return `${parts.join('\n')}\n`;
}
