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
 * The key under which places (gemeenten, woonplaatsen, regions) are compared: normaliseName after dropping what Dutch
 * writers add or leave out: a "Gem."/"Gemeente" prefix, the "'s-" of "'s-Hertogenbosch", and "ij" written as "y" or
 * "Ij" ("IJmuiden", "Ijmuiden" and "Ymuiden" share one key).
 */
export function plaatsKey(text: string): string {
  const zonderVoorvoegsel = text
    .trim()
    .replace(/^(?:gem\.?|gemeente)\s+/i, '')
    .replace(/^['’`]?s[- ](?=\p{L})/iu, '');
  return normaliseName(zonderVoorvoegsel).replace(/ij/g, 'y');
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
