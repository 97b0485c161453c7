// JSON.parse says what is wrong but not always where (V8 omits the position for "Unexpected token"). This scanner
// finds the first syntax error's offset and describes it in Dutch, so the analyst gets file, line and column.
import { CterError } from '../util/errors.js';

export interface JsonSyntaxError {
  offset: number;
  reden: string;
}

class Fail extends Error {
  constructor(
    readonly offset: number,
    readonly reden: string,
  ) {
    super(reden);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const shown = (ch: string | undefined) => (ch === undefined ? 'het einde van het bestand' : `'${ch}'`);
  const expect = (ch: string, what: string) => {
    if (text[i] !== ch) throw new Fail(i, `${what} verwacht, maar ${shown(text[i])} gevonden`);
    i++;
  };
  const string = () => {
    expect('"', 'aanhalingsteken (")');
    for (;;) {
      const ch = text[i];
      if (ch === undefined) throw new Fail(i, 'tekst zonder afsluitend aanhalingsteken');
      if (ch === '"') return void i++;
      if (ch < ' ') throw new Fail(i, 'regeleinde of stuurteken binnen een tekst');
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2;
        else throw new Fail(i, 'ongeldige escape-reeks in tekst');
      } else i++;
    }
  };
  /** An object or array body after its opening bracket: items separated by commas, then `close`. */
  const sequence = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] !== ',') return expect(close, `',' of '${close}'`);
      i++;
    }
  };
  const member = () => {
    ws();
    if (text[i] !== '"') throw new Fail(i, `sleutel tussen dubbele aanhalingstekens verwacht, maar ${shown(text[i])} gevonden`);
    string();
    ws();
    expect(':', "':' na de sleutel");
    value();
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') return sequence('}', member);
    if (ch === '[') return sequence(']', value);
    if (ch === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) return void (i += literal.length);
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    throw new Fail(i, `waarde verwacht, maar ${shown(ch)} gevonden`);
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Fail(i, `onverwacht ${shown(text[i])} na het einde van de JSON`);
    return undefined;
  } catch (err) {
    if (err instanceof Fail) return { offset: err.offset, reden: err.reden };
    throw err;
  }
}

/** JSON.parse with a Dutch error naming file, line and column (exit 2) when the text is not valid JSON. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const syntax = findJsonSyntaxError(text) ?? { offset: 0, reden: 'ongeldige JSON' };
    const { regel, kolom } = lineColumn(text, syntax.offset);
    throw new CterError(`${file}:${regel}:${kolom}: ongeldige JSON: ${syntax.reden}.`);
  }
}

/** 1-based line and column of an offset, as an editor shows them. */
export function lineColumn(text: string, offset: number): { regel: number; kolom: number } {
  const before = text.slice(0, offset);
  const regel = before.split('\n').length;
  return { regel, kolom: offset - before.lastIndexOf('\n') };
}
