// samenvatting.md: the few lines an analyst pastes into the e-mail to the projectgroep after the quarterly run: the
// region's kernpunten, the significant changes per area, the areas without the analyst's duiding, and how many signals
// wait in the review queue. Pure and
// without a clock, so a second run of the same quarter writes the same bytes.
import { formatInteger } from '../present/format.js';
import type { FenomeenNames } from '../present/labels.js';
import { metLidwoord } from '../report/kernpunten.js';
import { significanteVeranderingen } from '../aggregate/trends-md.js';
import type { TrendSamenvatting } from '../aggregate/trends.js';

export interface SamenvattingInput {
  trends: TrendSamenvatting;
  /** The kernpunten of the scope's own report (as its PDF shows them). */
  kernpunten: readonly string[];
  /** Signals of the scope waiting in `cter review`: all, and those dated in the period. */
  wachtrij: { totaal: number; inPeriode: number };
  /** Names of the areas for which the analyst has no duiding file for the period (`cter duiding`). */
  zonderDuiding: readonly string[];
  /** Fenomeen names of the run's taxonomy; the built-in taxonomy's when absent. */
  fenomeenNames?: FenomeenNames;
}

const meervoud = (n: number, een: string, meer: string): string => `${formatInteger(n)} ${n === 1 ? een : meer}`;

export function samenvattingMarkdown({ trends: s, kernpunten, wachtrij, zonderDuiding, fenomeenNames }: SamenvattingInput): string {
  const scope = s.gebieden[s.gebieden.length - 1];
  if (!scope) throw new Error('trend summary without areas');
  const markering = [s.rubricering ? `Rubricering: ${s.rubricering}` : '', s.tlp ? `TLP:${s.tlp}` : '']
    .filter(Boolean)
    .join(' · ');
  // The scope first, then the regions inside it, then the gemeenten: from the whole to the parts.
  const volgorde = [scope, ...s.gebieden.filter((g) => g.soort === 'regio' && g !== scope), ...s.gebieden.filter((g) => g.soort === 'gemeente' && g !== scope)];
  const wacht =
    wachtrij.totaal === 0
      ? `Er wachten geen signalen uit ${scope.naam} op beoordeling.`
      : `${meervoud(wachtrij.totaal, 'signaal', 'signalen')} uit ${scope.naam} ${wachtrij.totaal === 1 ? 'wacht' : 'wachten'} ` +
        `op beoordeling (\`cter review\`), waarvan ${formatInteger(wachtrij.inPeriode)} uit ${metLidwoord(s.periodeLabel)}.`;
  return [
    ...(markering ? [`**${markering}**`, ''] : []),
    `# Kwartaalsamenvatting CTER ${scope.naam}, ${s.periodeLabel}`,
    '',
    `## Kernpunten ${scope.naam}`,
    '',
    ...kernpunten.map((k) => `- ${k}`),
    '',
    '## Significante veranderingen per gebied',
    '',
    ...significanteVeranderingen(s, volgorde, fenomeenNames),
    '',
    '## Duiding en advies',
    '',
    zonderDuiding.length === 0
      ? `Voor elk gebied is een duiding en advies vastgelegd.`
      : `Nog geen duiding en advies (\`cter duiding\`) voor ${meervoud(zonderDuiding.length, 'gebied', 'gebieden')}: ` +
        `${zonderDuiding.join(', ')}.`,
    '',
    '## Beoordelingslijst',
    '',
    wacht,
    '',
    '## Bestanden',
    '',
    `De trends (trends.md, trends.csv, trends.json) en het lokaal beeld van elk gebied (${meervoud(s.gebieden.length, 'rapport', 'rapporten')}) ` +
      'staan in deze map; overzicht.md noemt elk bestand met zijn SHA-256.',
    '',
  ].join('\n');
}
