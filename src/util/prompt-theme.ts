// @inquirer/prompts speaks English in its hints and built-in errors; this theme puts them in Dutch.
// Pass `theme: dutch` (confirm: `theme: dutchConfirm`) to every prompt.
import { colour } from './io.js';

const NL: Record<string, string> = {
  navigate: 'kiezen',
  select: 'bevestigen',
  'No results found': 'niets gevonden',
  'You must provide a value': 'geef een waarde',
  'You must provide a valid value': 'geef een geldige waarde',
  'You must provide a valid numeric value': 'geef een getal',
};

const translate = (text: string) => NL[text] ?? text;

export const dutch = {
  i18n: { disabledError: 'deze keuze is niet beschikbaar.' },
  style: {
    error: (text: string) => colour.red(`> ${translate(text)}`),
    keysHelpTip: (keys: [string, string][]) =>
      keys.map(([key, label]) => `${colour.bold(key)} ${colour.dim(translate(label))}`).join(colour.dim(' • ')),
  },
};

export const dutchConfirm = {
  ...dutch,
  keywords: { yes: 'ja', no: 'nee', error: () => "antwoord met 'j' (ja) of 'n' (nee)" },
};
