// `cter kwartaal`: a region's whole quarter in one run (trends, summary, a PDF per area, an index with SHA-256).
export { runKwartaal, type KwartaalOptions, type KwartaalResultaat } from './run.js';
export { kwartaalOverzichtMarkdown, KWARTAAL_OVERZICHT_SCHEMA, type KwartaalBestand, type KwartaalOverzicht } from './overzicht.js';
export { samenvattingMarkdown, type SamenvattingInput } from './samenvatting.js';
