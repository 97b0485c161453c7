// Reliability grades: the Admiralty code (source A-F, information 1-6) and Europol's 4x4 (source A/B/C/X,
// information 1-4), written as "B2", "b-2", "B/2", "B 2".
//
// A code with source A-C and information 1-4 fits both schemes. Choice: per file. A file whose codes include a
// 4x4-only code (source X) and no Admiralty-only code (source D-F or information 5-6) is a 4x4 file, and its
// ambiguous codes are 4x4; otherwise ambiguous codes are Admiralty. A file mixing both kinds gets a notice.
import type { Betrouwbaarheid } from '../domain.js';
import { memoise } from './memo.js';

export type Schema = Betrouwbaarheid['schema'];

export interface Code {
  bron: string;
  informatie: string;
  /** Which schemes the code fits. */
  past: Schema | 'beide';
}

const PATTERN = /^([A-FX])\s*[-/.]?\s*([1-6])$/;

/** The code, or undefined when it is not a valid grade in either scheme. */
export const parseCode = memoise((raw: string): Code | undefined => {
  const m = PATTERN.exec(raw.trim().toUpperCase());
  if (!m) return undefined;
  const bron = m[1]!;
  const informatie = m[2]!;
  const admiralty = bron !== 'X';
  const vierMaalVier = 'ABCX'.includes(bron) && Number(informatie) <= 4;
  if (!admiralty && !vierMaalVier) return undefined;
  return { bron, informatie, past: admiralty && vierMaalVier ? 'beide' : admiralty ? 'admiralty' : '4x4' };
});

/** The scheme for a file's ambiguous codes, from which schemes its codes fit, and whether it mixes the two. */
export function fileSchema(past: ReadonlySet<Code['past']>): { schema: Schema; gemengd: boolean } {
  const admiraltyOnly = past.has('admiralty');
  const vierOnly = past.has('4x4');
  return { schema: vierOnly && !admiraltyOnly ? '4x4' : 'admiralty', gemengd: vierOnly && admiraltyOnly };
}

/** One shared, frozen object per grade: a million signals hold a few dozen distinct ones. */
const grades = new Map<string, Betrouwbaarheid>();

/**
 * The grade per (shared, see parseCode) code object and scheme: found by the object, without building the key text
 * of every row's code.
 */
const gradesOfCode: Record<Schema, WeakMap<Code, Betrouwbaarheid>> = { admiralty: new WeakMap(), '4x4': new WeakMap() };

export function grade(code: Code, fileScheme: Schema): Betrouwbaarheid {
  const schema = code.past === 'beide' ? fileScheme : code.past;
  const ofCode = gradesOfCode[schema];
  let graded = ofCode.get(code);
  if (graded) return graded;
  const key = `${schema}:${code.bron}${code.informatie}`;
  graded = grades.get(key);
  if (!graded) {
    graded = Object.freeze({ schema, bron: code.bron, informatie: code.informatie, code: `${code.bron}${code.informatie}` });
    grades.set(key, graded);
  }
  ofCode.set(code, graded);
  return graded;
}
