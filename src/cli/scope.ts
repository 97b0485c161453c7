// Asking for the area and period on a TTY, when neither the options nor the configuration say (trends, beeld).
// Prompts write to stderr: stdout is data.
import type { Scope } from '../aggregate/aggregate.js';
import { parsePeriode } from '../aggregate/periode.js';
import type { Periode } from '../aggregate/result-types.js';
import type { Reference } from '../reference/index.js';
import type { CterConfig } from '../config/cter-config.js';
import { scopeUitOptiesOfConfig, type GekozenScope, type ScopeOpties } from '../scope/resolve.js';
import { UsageError } from '../util/errors.js';
import { info, interactive } from '../util/io.js';
import { dutch } from '../util/prompt-theme.js';

/**
 * The area of a command: --gemeente/--regio, else asked on a TTY (the configured area on top), else the
 * configuration's; none at all is a usage error.
 */
export async function kiesScope(
  ref: Reference,
  opties: ScopeOpties,
  config: Pick<CterConfig, 'regio' | 'gemeente'>,
): Promise<GekozenScope> {
  const uitOpties = scopeUitOptiesOfConfig(ref, opties, config);
  const gegeven = opties.gemeente !== undefined || opties.regio !== undefined;
  const gekozen = interactive() && !gegeven ? await vraagScope(ref, uitOpties) : uitOpties;
  if (!gekozen) {
    throw new UsageError(
      "geen gebied: geef --gemeente <naam> of --regio <naam>, of zet 'regio' of 'gemeente' in cter.config.json.",
    );
  }
  // "--gemeente: Zaandam geteld als Zaanstad."
  if (gekozen.melding) info(gekozen.melding);
  return gekozen;
}

/** Key for comparing scopes in the prompt. */
const scopeKey = (s: Scope): string => (s.soort === 'gemeente' ? `gemeente:${s.code}` : `regio:${s.regio.code}`);

interface Keuze {
  value: string;
  name: string;
  scope: Scope;
  zoek: string;
}

function keuzes(ref: Reference): Keuze[] {
  const regios = ref.regios.map((r) => ({
    value: scopeKey({ soort: 'regio', regio: r }),
    name: `${r.naam} (${r.soort}, ${r.gemeenten.length} gemeenten)`,
    scope: { soort: 'regio', regio: r } as Scope,
    zoek: `${r.naam} ${r.code}`.toLowerCase(),
  }));
  const gemeenten = ref.gemeenten.map((g) => ({
    value: scopeKey({ soort: 'gemeente', code: g.code }),
    name: `${g.naam} (gemeente)`,
    scope: { soort: 'gemeente', code: g.code } as Scope,
    // Woonplaatsen too: typing "Zaandam" finds Zaanstad.
    zoek: [g.naam, g.code, ...g.andereNamen, ...ref.woonplaatsenVan(g.code)].join(' ').toLowerCase(),
  }));
  return [...regios, ...gemeenten];
}

/** Asks for a gemeente or region with a search prompt on stderr; the default (if any) comes first. */
async function vraagScope(ref: Reference, standaard?: GekozenScope): Promise<GekozenScope> {
  const { search } = await import('@inquirer/prompts');
  const alle = keuzes(ref);
  const eerst = standaard ? scopeKey(standaard.scope) : undefined;
  const gekozen = await search<string>(
    {
      message: 'Voor welk gebied? (typ een deel van de naam van een gemeente of regio)',
      theme: dutch,
      pageSize: 12,
      default: eerst,
      source: (term) => {
        const woorden = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const hits = alle.filter((k) => woorden.every((w) => k.zoek.includes(w)));
        // The configured default on top, so Enter takes it.
        hits.sort((a, b) => Number(b.value === eerst) - Number(a.value === eerst));
        return hits.map(({ value, name }) => ({ value, name }));
      },
    },
    { output: process.stderr },
  );
  const keuze = alle.find((k) => k.value === gekozen);
  if (!keuze) throw new UsageError('geen gebied gekozen.');
  const naam = keuze.scope.soort === 'regio' ? keuze.scope.regio.naam : (ref.gemeente(keuze.scope.code)?.naam ?? '');
  return { scope: keuze.scope, naam, bron: 'gevraagd' };
}

/** Asks for a period on stderr, with the default filled in; the answer is checked as --periode is. */
export async function vraagPeriode(standaard: Periode): Promise<Periode> {
  const { input } = await import('@inquirer/prompts');
  const antwoord = await input(
    {
      message: 'Welke periode? (kwartaal 2025-Q3, maand 2025-07 of jaar 2025)',
      theme: dutch,
      default: standaard.code,
      validate: (text) => {
        try {
          parsePeriode(text);
          return true;
        } catch (err) {
          return err instanceof Error ? err.message : String(err);
        }
      },
    },
    { output: process.stderr },
  );
  return parsePeriode(antwoord);
}
