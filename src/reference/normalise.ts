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
