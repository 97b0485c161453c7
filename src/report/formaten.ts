// The report formats, in a module of their own so the CLI can offer them without loading the renderers.
export const FORMATEN = ['pdf', 'html', 'json'] as const;
export type Formaat = (typeof FORMATEN)[number];
