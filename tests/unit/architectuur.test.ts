// The folders of src/ import each other only in the directions docs/ARCHITECTUUR.md allows ("Folders and the
// directions they import"), and no file of src/ imports itself back through others (type-only imports included).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** The table between the folder-directions markers: folder -> the folders it may import. */
function allowedDirections(markdown: string): Map<string, Set<string>> {
  const block = /<!-- folder-directions:start -->([\s\S]*?)<!-- folder-directions:end -->/.exec(markdown);
  if (!block?.[1]) throw new Error('docs/ARCHITECTUUR.md has no folder-directions table');
  const allowed = new Map<string, Set<string>>();
  for (const line of block[1].split('\n')) {
    const cells = /^\|\s*([a-z][a-z-]*)\s*\|([^|]*)\|\s*$/.exec(line.trim());
    if (!cells?.[1] || cells[1] === 'folder') continue;
    const targets = (cells[2] ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    allowed.set(cells[1], new Set(targets));
  }
  return allowed;
}

/** Every .ts file below a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The folder a file of src/ belongs to; a top-level file (model.ts, pipeline.ts) is its own folder. */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

/** The files of src/ a file imports: static, type-only, re-exports and dynamic import() alike. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name).replace(/\.js$/, '.ts'));
}

/** Import edges that leave a folder for one its row does not list. */
function violations(edges: [string, string][], allowed: Map<string, Set<string>>): string[] {
  return edges
    .filter(([from, to]) => folderOf(from) !== folderOf(to) && !allowed.get(folderOf(from))?.has(folderOf(to)))
    .map(([from, to]) => `${relative(ROOT, from)} -> ${relative(ROOT, to)} (${folderOf(from)} may not import ${folderOf(to)})`);
}

/** One cycle of a directed graph (as a path that ends where it starts), or undefined. */
function findCycle(graph: Map<string, Iterable<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const allowed = allowedDirections(readFileSync(join(ROOT, 'docs/ARCHITECTUUR.md'), 'utf8'));
const files = sourceFiles(SRC);
const edges = files.flatMap((file) => importsOf(file).map((to): [string, string] => [file, to]));

describe('the checks themselves', () => {
  it('finds a cycle and a forbidden direction in a made-up graph', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toBeUndefined();
    const made = [[join(SRC, 'util/x.ts'), join(SRC, 'report/y.ts')]] as [string, string][];
    expect(violations(made, allowed)).toEqual(['src/util/x.ts -> src/report/y.ts (util may not import report)']);
  });
});

describe('src/ folders', () => {
  it('each has a row in the table, and each row is a folder', () => {
    const folders = [...new Set(files.map(folderOf))].sort();
    expect([...allowed.keys()].sort()).toEqual(folders);
  });

  it('the allowed directions form no cycle', () => {
    expect(findCycle(allowed)).toBeUndefined();
  });

  it('import only the folders their row allows', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(violations(edges, allowed)).toEqual([]);
  });

  it('every import names a file that exists', () => {
    const known = new Set(files);
    expect(edges.filter(([, to]) => !known.has(to)).map(([from, to]) => `${relative(ROOT, from)} -> ${relative(ROOT, to)}`)).toEqual([]);
  });
});

describe('src/ files', () => {
  it('import a name from the file that declares it: no file re-exports another (exports stand at their declaration)', () => {
    const reExports = files.filter((f) => /^export\s+(\*|(type\s+)?\{)/m.test(readFileSync(f, 'utf8')));
    expect(reExports.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('import no file that imports them back (type-only imports included)', () => {
    const graph = new Map<string, string[]>(files.map((f) => [f, []]));
    for (const [from, to] of edges) graph.get(from)?.push(to);
    expect(findCycle(graph)?.map((f) => relative(ROOT, f))).toBeUndefined();
  });
});

describe('the data flow of cter beeld in docs/ARCHITECTUUR.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/ARCHITECTUUR.md'), 'utf8');
  const block = /<!-- data-flow:start -->([\s\S]*?)<!-- data-flow:end -->/.exec(doc)?.[1] ?? '';
  const steps = [...block.matchAll(/^\|[^|]+\|\s*`(\w+)`\s*\|\s*`([\w/.-]+)`\s*\|$/gm)].map((m) => ({ naam: m[1]!, bestand: m[2]! }));

  it('names one function per step, each declared in the file it names', () => {
    expect(steps.length).toBeGreaterThan(20);
    const missing = steps.filter(({ naam, bestand }) => {
      const path = join(ROOT, bestand);
      const text = files.includes(path) ? readFileSync(path, 'utf8') : '';
      return !new RegExp(`(function|class|const)\\s+${naam}\\b`).test(text);
    });
    expect(missing).toEqual([]);
  });
});
