import fc from 'fast-check';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, resolveInputs } from '../../src/config/index.js';
import { findJsonSyntaxError, lineColumn } from '../../src/config/json-syntax.js';
import { validateConfig } from '../../src/config/validate.js';
import { CterError, FileError } from '../../src/util/errors.js';
import { CONFIG_KEYS, DEFAULTS, jsonSchema } from '../../src/config/schema.js';
import type { CterConfig } from '../../src/config/cter-config.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cter-config-'));
});

async function writeConfig(folder: string, content: unknown): Promise<string> {
  const file = join(folder, 'cter.config.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

async function errorOf(promise: Promise<unknown>): Promise<CterError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CterError);
  return err as CterError;
}

const noEnv = {};

describe('loadConfig', () => {
  it('gives the defaults, all from "standaard", when there is no file', async () => {
    const loaded = await loadConfig({ cwd: dir, env: noEnv });
    expect(loaded.file).toBeUndefined();
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.values).toMatchObject({
      ...DEFAULTS,
      uitvoer: join(dir, 'uitvoer'),
      beoordelingen: join(dir, 'beoordelingen.json'),
      duiding: join(dir, 'duiding'),
    });
    expect(Object.values(loaded.sources).every((s) => s === 'standaard')).toBe(true);
    expect(Object.keys(loaded.sources).sort()).toEqual(CONFIG_KEYS.map((k) => k.key).sort());
  });

  it('finds the config in a parent folder and resolves paths against its folder', async () => {
    const file = await writeConfig(dir, { signalen: ['data', 'extra/q1.csv'], uitvoer: 'pdf', drempel: 10 });
    const deep = join(dir, 'a', 'b');
    await mkdir(deep, { recursive: true });
    const loaded = await loadConfig({ cwd: deep, env: noEnv });
    expect(loaded.file).toBe(file);
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.values.signalen).toEqual([join(dir, 'data'), join(dir, 'extra/q1.csv')]);
    expect(loaded.values.uitvoer).toBe(join(dir, 'pdf'));
    expect(loaded.values.drempel).toBe(10);
    expect(loaded.sources.drempel).toBe(file);
    expect(loaded.sources.tlp).toBe('standaard');
  });

  it('lets options win, ignores undefined options and resolves option paths against the working folder', async () => {
    const file = await writeConfig(dir, { drempel: 10, tlp: 'red' });
    const cwd = join(dir, 'sub');
    await mkdir(cwd);
    const loaded = await loadConfig({ cwd, env: noEnv, overrides: { drempel: 3, tlp: undefined, uitvoer: 'hier' } });
    expect(loaded.values.drempel).toBe(3);
    expect(loaded.sources.drempel).toBe('optie');
    expect(loaded.values.tlp).toBe('RED');
    expect(loaded.sources.tlp).toBe(file);
    expect(loaded.values.uitvoer).toBe(join(cwd, 'hier'));
  });

  it('takes CTER_BROWSER and CTER_SLEUTEL from the environment, below options', async () => {
    const env = { CTER_BROWSER: 'chromium', CTER_SLEUTEL: 'geheim-1234567890' };
    const loaded = await loadConfig({ cwd: dir, env });
    expect(loaded.values.browser).toBe('chromium');
    expect(loaded.sources.browser).toBe('omgeving');
    expect(loaded.sources.sleutel).toBe('omgeving');
    const opt = await loadConfig({ cwd: dir, env, overrides: { browser: '/opt/chrome' } });
    expect(opt.values.browser).toBe('/opt/chrome');
  });

  it('uses an explicit file or CTER_CONFIG, and fails when it does not exist', async () => {
    const other = join(dir, 'elders');
    await mkdir(other);
    const file = await writeConfig(other, { drempel: 7 });
    expect((await loadConfig({ cwd: dir, env: noEnv, file: 'elders/cter.config.json' })).values.drempel).toBe(7);
    expect((await loadConfig({ cwd: dir, env: { CTER_CONFIG: file } })).sources.drempel).toBe(file);
    const err = await errorOf(loadConfig({ cwd: dir, env: noEnv, file: 'weg.json' }));
    expect(err).toBeInstanceOf(FileError);
    expect(err.message).toBe(`${join(dir, 'weg.json')}: configuratiebestand niet gevonden`);
    expect(err.exitCode).toBe(2);
  });

  it('rejects an unknown key, naming it, its line and the nearest known key', async () => {
    const file = await writeConfig(dir, '{\n  "drempel": 5,\n  "drempl": 3\n}\n');
    const err = await errorOf(loadConfig({ cwd: dir, env: noEnv }));
    expect(err.message).toBe(`${file}:3:3: onbekende sleutel 'drempl'. Bedoelt u 'drempel'?`);
    expect(err.exitCode).toBe(2);
  });

  it('rejects a wrong type, naming key, expected type and value, and reports every problem', async () => {
    await writeConfig(dir, { drempel: 'vijf', tlp: 'ORANJE', signalen: [1] });
    const err = await errorOf(loadConfig({ cwd: dir, env: noEnv }));
    expect(err.message).toContain(`'drempel' moet een geheel getal van 1 tot en met 1000 zijn, niet "vijf".`);
    expect(err.message).toContain(`'tlp' moet een van CLEAR, GREEN, AMBER, AMBER+STRICT, RED zijn, niet "ORANJE".`);
    expect(err.message).toContain(`'signalen' moet een pad of een lijst van paden (tekst) zijn, niet [1].`);
    expect(err.message.split('\n')).toHaveLength(3);
  });

  it('reports a JSON syntax error with file, line and column', async () => {
    const file = await writeConfig(dir, '{\n  "drempel": 5,\n  "tlp": }\n');
    const err = await errorOf(loadConfig({ cwd: dir, env: noEnv }));
    expect(err.message).toBe(`${file}:3:10: ongeldige JSON: waarde verwacht, maar '}' gevonden.`);
  });

  it('rejects a wrong option value with the option named', async () => {
    const err = await errorOf(loadConfig({ cwd: dir, env: noEnv, overrides: { drempel: 0 } }));
    expect(err.message).toMatch(/^optie --drempel: 'drempel' moet een geheel getal/);
    const env = await errorOf(loadConfig({ cwd: dir, env: { CTER_BROWSER: ' ' } }));
    expect(env.message).toBe(`omgevingsvariabele CTER_BROWSER: 'browser' moet een tekst zijn, niet " ".`);
  });

  it('reads whole numbers given as option text', async () => {
    const overrides = { drempel: '8', parallel: ' 2 ' } as unknown as Partial<CterConfig>;
    const loaded = await loadConfig({ cwd: dir, env: noEnv, overrides });
    expect(loaded.values).toMatchObject({ drempel: 8, parallel: 2 });
    const err = await errorOf(loadConfig({ cwd: dir, env: noEnv, overrides: { drempel: 'acht' } as unknown as Partial<CterConfig> }));
    expect(err.message).toContain(`optie --drempel: 'drempel' moet een geheel getal van 1 tot en met 1000 zijn, niet "acht".`);
  });

  it('does not share default objects between loads', async () => {
    const a = await loadConfig({ cwd: dir, env: noEnv });
    a.values.inwoners.Zaanstad = 1;
    a.values.regios.push({ naam: 'x', gemeenten: ['y'] });
    const b = await loadConfig({ cwd: dir, env: noEnv });
    expect(b.values.inwoners).toEqual({});
    expect(b.values.regios).toEqual([]);
  });

  it('accepts "$schema" and keeps it out of the values', async () => {
    await writeConfig(dir, { $schema: './cter.config.schema.json', drempel: 6 });
    const loaded = await loadConfig({ cwd: dir, env: noEnv });
    expect(loaded.values).not.toHaveProperty('$schema');
  });
});

describe('validateConfig', () => {
  it('checks own regions in depth', () => {
    const { problems } = validateConfig({ regios: [{ naam: 'A', gemeente: ['Zaanstad'] }, 'B'] });
    expect(problems.map((p) => p.melding)).toEqual([
      "'regios[0]': onbekende sleutel 'gemeente'. Bedoelt u 'gemeenten'?",
      "'regios[0].gemeenten' moet een lijst van gemeenten (namen of CBS-codes) zijn, niet undefined.",
      "'regios[1]' moet een object { \"naam\", \"gemeenten\" } zijn, niet \"B\".",
    ]);
  });

  it('checks inhabitant counts', () => {
    const { problems } = validateConfig({ inwoners: { Zaanstad: -3 } });
    expect(problems.map((p) => p.melding)).toEqual(["'inwoners.Zaanstad' moet een positief geheel getal zijn, niet -3."]);
  });

  it('accepts a single path where a list is expected', () => {
    expect(validateConfig({ signalen: 'data' }).values.signalen).toEqual(['data']);
  });

  it('rejects anything that is not an object', () => {
    expect(validateConfig([1]).problems[0]?.melding).toMatch(/moet een JSON-object/);
  });

  it('accepts every documented example', () => {
    const examples = Object.fromEntries(CONFIG_KEYS.filter((k) => k.voorbeeld !== undefined).map((k) => [k.key, k.voorbeeld]));
    expect(validateConfig(examples).problems).toEqual([]);
  });
});

describe('JSON syntax errors', () => {
  it('agrees with JSON.parse on whether any text is valid JSON', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.json().map((s) => s.slice(0, Math.floor(s.length / 2))),
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', 'a', '1', ' ', '\n', '\\', 't', 'e', '-', '.') }),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const found = findJsonSyntaxError(text);
        return valid ? found === undefined : found !== undefined && found.offset <= text.length;
      }),
      { numRuns: 2000 },
    );
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ regel: 1, kolom: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ regel: 2, kolom: 2 });
  });
});

describe('resolveInputs', () => {
  it('expands a folder to its CSV files in order and keeps files as given, without duplicates', async () => {
    await mkdir(join(dir, 'data'));
    for (const name of ['b.csv', 'a.CSV', 'notes.txt']) await writeFile(join(dir, 'data', name), '');
    await writeFile(join(dir, 'los.csv'), '');
    const files = await resolveInputs(['data', 'los.csv', 'data/b.csv'], dir);
    expect(files).toEqual([join(dir, 'data', 'a.CSV'), join(dir, 'data', 'b.csv'), join(dir, 'los.csv')]);
  });

  it('fails on a missing path', async () => {
    const err = await errorOf(resolveInputs(['weg.csv'], dir));
    expect(err).toBeInstanceOf(FileError);
    expect(err.message).toBe(`${join(dir, 'weg.csv')}: bestand niet gevonden`);
  });
});

describe('jsonSchema', () => {
  it('documents every key and forbids others', () => {
    const schema = jsonSchema() as { properties: Record<string, { description?: string }>; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    for (const { key } of CONFIG_KEYS) expect(schema.properties[key]?.description, key).toBeTruthy();
  });
});
