// Suggestions for a name cter does not know, ranked by what a Dutch user means, never by a coincidence of spelling.
// Two tiers: first names the input starts or names a whole word of ("Zaanstreek" -> Zaanstreek-Waterland, "Helder" ->
// Den Helder), then near-misses by edit distance that start like the input ("Zaanstadt" -> Zaanstad). A candidate
// whose only likeness is a shared ending ("Volendam" ~ "Veendam", "IJmuiden" ~ "Muiden") is never suggested.
import { distance } from 'fastest-levenshtein';

export interface Kandidaat {
  /** plaatsKey of the name. */
  key: string;
  /** plaatsKeys of its words ("den", "helder"). */
  woorden: string[];
  /** As shown to the user, saying what it is when it is not a current gemeente ("Muiden (opgeheven, nu Gooise Meren)"). */
  label: string;
  /** Lower is preferred between equally close candidates: current names before other names, woonplaatsen, abolished. */
  rang: number;
  /** Inside the workspace's own region: preferred between equally close candidates. */
  voorkeur: boolean;
}

/** Words too common in place names to point to one place on their own. */
const GEWONE_WOORDEN = new Set(
  ['de', 'den', 'het', 'aan', 'in', 'op', 'bij', 'en', 'zee', 'noord', 'zuid', 'oost', 'west', 'binnen', 'buiten',
    'politie', 'eenheid', 'politieeenheid', 'regio', 'veiligheidsregio', 'zorg', 'nederland'],
);

/** Edits allowed for a near-miss of this many letters: one in a short name, at most three in a long one. */
function maxAfstand(lengte: number): number {
  return lengte <= 4 ? 1 : lengte <= 8 ? 2 : 3;
}

/** True when two keys have nothing in common but their ending: what is left after the shared ending differs entirely. */
export function alleenZelfdeEinde(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  if (n === 0) return false;
  const restA = a.slice(0, a.length - n);
  const restB = b.slice(0, b.length - n);
  // One mistyped first letter ("Xaanstad") is a typo, not a shared ending.
  if (restA.length === 1 && restB.length === 1) return false;
  return distance(restA, restB) >= Math.max(restA.length, restB.length);
}

function woordTreffer(key: string, k: Kandidaat): boolean {
  if (key.length < 4 || GEWONE_WOORDEN.has(key)) return false;
  if (k.key.startsWith(key)) return true;
  // The input is one or more consecutive whole words of the name.
  for (let i = 0; i < k.woorden.length; i++) {
    let joined = '';
    for (let j = i; j < k.woorden.length; j++) {
      joined += k.woorden[j];
      if (joined === key) return true;
      if (joined.length >= key.length) break;
    }
  }
  return false;
}

function bijnaGelijk(key: string, k: Kandidaat): number | undefined {
  const d = distance(key, k.key);
  if (d > maxAfstand(Math.min(key.length, k.key.length))) return undefined;
  // A near-miss starts like the input, unless only one letter differs ("Xaanstad").
  if (d > 1 && key.slice(0, 2) !== k.key.slice(0, 2)) return undefined;
  if (alleenZelfdeEinde(key, k.key)) return undefined;
  return d;
}

const volgorde = (a: Kandidaat, b: Kandidaat): number =>
  Number(b.voorkeur) - Number(a.voorkeur) || a.rang - b.rang || a.label.localeCompare(b.label, 'nl');

/** At most `max` labels: whole-word and prefix matches if there are any, else the closest near-misses. */
export function suggereer(key: string, kandidaten: Iterable<Kandidaat>, max = 3): string[] {
  if (!key) return [];
  const woord: Kandidaat[] = [];
  const bijna: { k: Kandidaat; d: number }[] = [];
  for (const k of kandidaten) {
    if (woordTreffer(key, k)) {
      woord.push(k);
      continue;
    }
    const d = bijnaGelijk(key, k);
    if (d !== undefined) bijna.push({ k, d });
  }
  let gekozen: Kandidaat[];
  if (woord.length > 0) {
    gekozen = woord.sort(volgorde);
  } else {
    bijna.sort((a, b) => a.d - b.d || volgorde(a.k, b.k));
    // Only the closest names: a near-perfect match should not come with far-fetched ones ("Harlem": not Hattem).
    const best = bijna[0]?.d ?? 0;
    gekozen = bijna.filter((b) => b.d === best).map((b) => b.k);
  }
  return [...new Set(gekozen.map((k) => k.label))].slice(0, max);
}
