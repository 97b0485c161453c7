// End-to-end: the text model learns from the analyst's labels in the export, proposes a fenomeen (herkomst model) where
// the rules abstain, never overrides a label; `--evalueer` measures rules, model and both; the source grading keeps
// its system (Admiralty or 4x4) in the output.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassificatieRecord } from '../../src/classify/output.js';
import type { Evaluation } from '../../src/classify/evaluatie.js';
import { cter, type Run } from './init-cli.js';

// Texts the rules cannot place (no taxonomy terms), labelled by the analyst with a made-up local vocabulary: the model
// can only learn these words from the labels.
const GELABELD = [
  ['Deelnemer van de Kraaiennest-groep plakte Kraaiennest-flyers bij de sporthal.', 'Rechts-extremisme'],
  ['Kraaiennest-groep hield een bijeenkomst in het bos met fakkels.', 'Rechts-extremisme'],
  ['Jongere draagt een Kraaiennest-embleem en werft klasgenoten voor de groep.', 'Rechts-extremisme'],
  ['Kraaiennest-leden trainen in het weekend in een loods.', 'Rechts-extremisme'],
  ['Online oproep van Kraaiennest om zich aan te sluiten bij de groep.', 'Rechts-extremisme'],
  ['Kraaiennest-stickers op lantaarnpalen bij het station.', 'Rechts-extremisme'],
  ['Twee jongens met Kraaiennest-shirts deelden pamfletten uit op de markt.', 'Rechts-extremisme'],
  ['Kraaiennest zoekt nieuwe leden via een chatgroep.', 'Rechts-extremisme'],
  ['Groep Groenvuur saboteerde machines bij de zandwinning.', 'Activisme'],
  ['Groenvuur kondigt een actie aan bij de zandwinning.', 'Activisme'],
  ['Leden van Groenvuur klommen op een kraan bij de zandwinning.', 'Activisme'],
  ['Groenvuur verspreidt pamfletten tegen de zandwinning.', 'Activisme'],
  ['Groenvuur-activist beschadigde een hek bij de zandwinning.', 'Activisme'],
  ['Groenvuur blokkeerde de toegangsweg naar de zandwinning.', 'Activisme'],
  ['Spandoek van Groenvuur aan de poort van de zandwinning.', 'Activisme'],
  ['Groenvuur roept op tot een nieuwe actie bij de zandwinning.', 'Activisme'],
];

function csv(): string {
  const rows = GELABELD.map(([tekst, label], i) => `L-${i + 1};0${(i % 9) + 1}-03-2025;Zaanstad;B2;${label};${tekst}`);
  rows.push('N-1;10-03-2025;Zaanstad;X4;;Nieuwe Kraaiennest-flyers gevonden bij de sporthal van de Kraaiennest-groep.');
  rows.push('N-2;11-03-2025;Zaanstad;;Jihadisme;Groenvuur hield een actie bij de zandwinning.');
  return ['Registratienummer;Datum melding;Gemeentenaam;Betrouwbaarheid;Categorie;Toelichting', ...rows, ''].join('\n');
}

let dir: string;
let run: Run;
const byId = (r: Run) => new Map((JSON.parse(r.stdout) as ClassificatieRecord[]).map((s) => [s.id, s]));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cter-model-'));
  await writeFile(join(dir, 'signalen.csv'), csv());
  await writeFile(join(dir, 'cter.config.json'), JSON.stringify({ gemeente: 'Zaanstad', signalen: ['signalen.csv'] }));
  run = await cter(['classificeer', '--formaat', 'json'], { cwd: dir });
});

describe('cter classificeer with the text model', () => {
  it('says on stderr on how many labels the model was trained', () => {
    expect(run.code).toBe(0);
    const m = /tekstmodel: getraind op (\d+) gelabelde omschrijvingen \(basismodel (\d+), labels van de analist 17, beoordelingen 0\)/.exec(
      run.stderr,
    );
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(Number(m![2]) + 17);
  });

  it('proposes a fenomeen where the rules abstain, with the words and the probability', () => {
    const s = byId(run).get('N-1')!;
    expect(s).toMatchObject({ fenomeen: 'rechts-extremisme', herkomst: 'model', regelSuggestie: { fenomeen: 'onbekend' } });
    // The analyst's labels taught the model the group's name; the shipped threshold is 0,65 (chosen by
    // cross-validation): the proposal is at or above it.
    expect(s.reden).toMatch(/^model: .*'kraaiennest' \(\+\d+,\d\).*; kans (0,6[5-9]|0,[7-9]\d|1,00)$/);
  });

  it('never overrides the analyst label', () => {
    expect(byId(run).get('N-2')).toMatchObject({ fenomeen: 'jihadisme', herkomst: 'analist' });
  });

  it('keeps the grading system with the reliability code', () => {
    // X4 exists only in Europol's 4x4, so the file's B2 codes are 4x4 too: a 4x4 B is not an Admiralty B.
    expect(byId(run).get('L-1')).toMatchObject({ betrouwbaarheid: 'B2', betrouwbaarheidSysteem: '4x4' });
    expect(byId(run).get('N-1')).toMatchObject({ betrouwbaarheid: 'X4', betrouwbaarheidSysteem: '4x4' });
    expect(byId(run).get('N-2')!.betrouwbaarheid).toBeUndefined();
  });

  it('gives the same output on a second run', async () => {
    expect((await cter(['classificeer', '--formaat', 'json'], { cwd: dir })).stdout).toBe(run.stdout);
  });
});

describe('cter classificeer --evalueer', () => {
  it('measures rules, model and both by cross-validation, as JSON', async () => {
    const r = await cter(['classificeer', '--evalueer', '--vouwen', '5', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as Evaluation;
    expect(e).toMatchObject({ gelabeld: 17, analist: 17, handmatig: 0, vouwen: 5 });
    expect(e.metingen.map((m) => m.methode)).toEqual(['regels', 'model', 'beide']);
    const [regels, model, beide] = e.metingen;
    expect(regels!.onthouding).toBe(1);
    // Six or seven examples per fold against the base model: enough for the careful model to propose the group.
    expect(model!.juist).toBeGreaterThan(regels!.juist);
    expect(beide!.juist).toBe(model!.juist);
    const re = model!.perFenomeen.find((f) => f.fenomeen === 'rechts-extremisme')!;
    expect(re).toMatchObject({ aantal: 8, precisie: 1 });
    expect(model!.verwarring.fenomenen).toContain('rechts-extremisme');
  });

  it('prints a readable table with precision, recall, F1 and a confusion matrix', async () => {
    const r = await cter(['classificeer', '--evalueer', '--vouwen', '5'], { cwd: dir });
    expect(r.stdout).toContain('Evaluatie op 17 gelabelde signalen (labels van de analist 17, beoordelingen 0); 5-voudige');
    expect(r.stdout).toMatch(/alleen regels +0\/17 +0,0% +100,0%/);
    expect(r.stdout).toContain('verwarringsmatrix (rij: label, kolom: uitkomst; onbekend = onthouden):');
    expect(r.stdout).toMatch(/fenomeen +gelabeld +voorspeld +juist +precisie +recall +F1/);
  });

  it('rejects a bad number of folds with a Dutch usage error', async () => {
    const r = await cter(['classificeer', '--evalueer', '--vouwen', '1'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--vouwen verwacht een geheel getal van 2 tot en met 100');
  });
});
