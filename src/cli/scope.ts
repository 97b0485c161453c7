// Which area and period a command is about: from the options, else the configuration, else (only on a TTY) asked.
// Shared by the commands that aggregate (trends, beeld). Prompts write to stderr: stdout is data.
import type { Scope } from '../aggregate/aggregate.js';
import { parsePeriode } from '../aggregate/periode.js';
import type { Periode } from '../aggregate/types.js';
import type { CterConfig } from '../config/types.js';
import { gemeenteOfFout, regioOfFout, type Reference } from '../reference/index.js';
import { UsageError } from '../util/errors.js';

export interface ScopeOpties {
  gemeente?: string;
  regio?: string;
}

/** A resolved scope with where it came from, so the command can say what it used. */
export interface GekozenScope {
  scope: Scope;
  naam: string;
  bron: 'optie' | 'configuratie' | 'gevraagd';
}

export function gemeenteScope(ref: Reference, text: string, waar: string): { scope: Scope; naam: string } {
  const gemeente = gemeenteOfFout(ref, text, waar);
  return { scope: { soort: 'gemeente', code: gemeente.code }, naam: gemeente.naam };
}

export function regioScope(ref: Reference, text: string, waar: string): { scope: Scope; naam: string } {
  const regio = regioOfFout(ref, text, waar);
  return { scope: { soort: 'regio', regio }, naam: regio.naam };
}

/** The scope from --gemeente/--regio, else from the configuration's `regio`, then `gemeente`; undefined if none. */
export function scopeUitOptiesOfConfig(
  ref: Reference,
  opties: ScopeOpties,
  config: Pick<CterConfig, 'regio' | 'gemeente'>,
): GekozenScope | undefined {
  if (opties.gemeente !== undefined && opties.regio !== undefined) {
    throw new UsageError('geef --gemeente of --regio, niet allebei.');
  }
  if (opties.gemeente !== undefined) return { ...gemeenteScope(ref, opties.gemeente, '--gemeente'), bron: 'optie' };
  if (opties.regio !== undefined) return { ...regioScope(ref, opties.regio, '--regio'), bron: 'optie' };
  if (config.regio) return { ...regioScope(ref, config.regio, "configuratie 'regio'"), bron: 'configuratie' };
  if (config.gemeente) {
    return { ...gemeenteScope(ref, config.gemeente, "configuratie 'gemeente'"), bron: 'configuratie' };
  }
  return undefined;
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
    zoek: [g.naam, g.code, ...g.andereNamen].join(' ').toLowerCase(),
  }));
  return [...regios, ...gemeenten];
}

/** Asks for a gemeente or region with a search prompt on stderr; the default (if any) comes first. */
export async function vraagScope(ref: Reference, standaard?: GekozenScope): Promise<GekozenScope> {
  const { search } = await import('@inquirer/prompts');
  const alle = keuzes(ref);
  const eerst = standaard ? scopeKey(standaard.scope) : undefined;
  const gekozen = await search<string>(
    {
      message: 'Voor welk gebied? (typ een deel van de naam van een gemeente of regio)',
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
