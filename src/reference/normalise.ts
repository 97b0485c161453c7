// Name matching for gemeenten and regions: exports spell names in many ways ("Bergen NH", "Bergen (NH.)",
// "'s-Gravenhage", "s Gravenhage", "Súdwest Fryslân"). Everything but letters and digits is noise.

/** Lower case, without diacritics and without anything that is not a letter or digit. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A stable, readable code for a region name: "Politie-eenheid Noord-Holland" -> "politie-eenheid-noord-holland". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The official name without its province suffix: "Bergen (NH.)" -> "Bergen". */
export function withoutSuffix(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/**
 * The key under which places (gemeenten, woonplaatsen, regions) are compared: normaliseName with "ij" written as "y"
 * ("IJmuiden", "Ijmuiden" and "Ymuiden" share one key).
 */
export function plaatsKey(text: string): string {
  return normaliseName(text).replace(/ij/g, 'y');
}

/** The words of a name as keys, for "Helder" -> "Den Helder" and "Zaanstreek" -> "Zaanstreek-Waterland". */
export function woordKeys(text: string): string[] {
  return text
    .split(/[\s\-/]+/)
    .map(plaatsKey)
    .filter(Boolean);
}

/** A province or other suffix in parentheses, split off: "Zaandam (NH)" -> ["Zaandam", "NH"]. */
export function splitSuffix(text: string): [string, string] | undefined {
  const m = /^(.*\S)\s*\(([^)]*)\)\s*$/.exec(text.trim());
  return m ? [m[1]!, m[2]!] : undefined;
}

/** "Gem. Zaanstad", "Gemeente Zaanstad" -> "Zaanstad"; undefined when there is no such prefix. */
export function zonderGemeente(text: string): string | undefined {
  const rest = text.trim().replace(/^(?:gem\.?|gemeente)\s+/i, '');
  return rest === text.trim() || !rest ? undefined : rest;
}

/** The name without its "'s-" ("'s-Hertogenbosch" -> "Hertogenbosch"), for a second key; undefined when it has none. */
export function zonderLidwoord(name: string): string | undefined {
  const rest = name.replace(/^['’]s[- ](?=\p{L})/u, '');
  return rest === name ? undefined : rest;
}
