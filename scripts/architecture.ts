import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * `npm run architecture`: the import graph of src/ between folders, written into ARCHITECTURE.md.
 * With `--check` (part of `npm run lint`) it changes nothing and fails when the graph written there
 * is out of date, when folders import each other in a cycle, or when src/domain imports src/app.
 * With `--counts` it prints the boundary figures (domain→app imports, imports that reach past a
 * folder's index.ts, folder cycles, files that call commit().
 *
 * A folder is a directory of src/; the files directly in src/app and src/domain form the folders
 * `app` and `domain`. Tests and `*.testing.ts` helpers are left out: they may read any folder.
 */

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const doc = join(root, 'ARCHITECTURE.md');
const START = '<!-- import-graph:start (npm run architecture writes this part) -->';
const END = '<!-- import-graph:end -->';

const posix = (p: string) => p.split(sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  const tries = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return tries.find((p) => existsSync(p) && statSync(p).isFile());
}

/** The folder a file belongs to, as a path under src/ ("domain/plan", "app"). */
const folderOf = (file: string) => posix(relative(src, dirname(file)));

export interface Edge {
  from: string;
  to: string;
  /** The import reaches a file inside another folder instead of that folder's index.ts. */
  skipsIndex: boolean;
}

/** Every relative import of every source file (tests included), resolved to a file. */
export function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(src)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      const target = resolveImport(file, fileName);
      if (!target) continue;
      edges.push({ from: file, to: target, skipsIndex: skipsIndex(file, target) });
    }
  }
  return edges;
}

/**
 * Whether an import from `from` to `to` reaches inside another folder without going through its
 * index: allowed are files of the importer's own folder or of a folder above it, and the index
 * of any other folder. Helpers named `*.testing.ts` are for tests and are never in an index.
 */
export function skipsIndex(from: string, to: string): boolean {
  const own = dirname(from);
  const target = dirname(to);
  if (/\.testing\.tsx?$/.test(to)) return false;
  if (own === target || own.startsWith(target + sep)) return false;
  return !/[\\/]index\.tsx?$/.test(to) || dirname(to) !== target;
}

function folderGraph(edges: Edge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (/\.(test|testing)\.tsx?$/.test(e.from)) continue;
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    if (a !== b) graph.get(a)!.add(b);
  }
  return graph;
}

/** Each cycle between folders, as the folders on it (Tarjan's strongly connected components). */
export function folderCycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      // A folder that imports a parent folder's index which re-exports it is a cycle too.
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The graph as Markdown: a Mermaid drawing and the same facts as a list. */
function render(graph: Map<string, Set<string>>): string {
  const id = (folder: string) => folder.replace(/[^a-z0-9]/gi, '_');
  const folders = [...graph.keys()].filter((f) => f !== '').sort();
  const lines = ['```mermaid', 'flowchart TD'];
  for (const f of folders) lines.push(`  ${id(f)}["${f}"]`);
  for (const f of folders)
    for (const t of [...graph.get(f)!].sort()) if (t !== '') lines.push(`  ${id(f)} --> ${id(t)}`);
  lines.push('```', '', '| Folder | Imports |', '|---|---|');
  for (const f of folders) {
    const targets = [...graph.get(f)!].filter((t) => t !== '').sort();
    lines.push(`| \`${f}\` | ${targets.map((t) => `\`${t}\``).join(', ') || '—'} |`);
  }
  return lines.join('\n');
}

function counts(edges: Edge[]) {
  const production = edges.filter((e) => !/\.(test|testing)\.tsx?$/.test(e.from));
  const inDomain = (f: string) => folderOf(f).startsWith('domain');
  const inApp = (f: string) => folderOf(f).startsWith('app');
  const commitCallers = sourceFiles(src).filter(
    (f) => !/\.(test|testing)\.tsx?$/.test(f) && /\bcommit\(/.test(readFileSync(f, 'utf8')),
  );
  return {
    'domain → app imports': production.filter((e) => inDomain(e.from) && inApp(e.to)).length,
    'app → domain imports that skip an index': production.filter(
      (e) => inApp(e.from) && inDomain(e.to) && e.skipsIndex,
    ).length,
    'app → domain imports': production.filter((e) => inApp(e.from) && inDomain(e.to)).length,
    'domain → domain imports that skip an index': production.filter(
      (e) => inDomain(e.from) && inDomain(e.to) && e.skipsIndex,
    ).length,
    'all imports that skip an index': production.filter((e) => e.skipsIndex).length,
    'folder cycles': folderCycles(folderGraph(edges)).length,
    'files that call commit(': commitCallers.map((f) => posix(relative(src, f))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

function main() {
  const args = process.argv.slice(2);
  const edges = importEdges();
  const graph = folderGraph(edges);
  if (args.includes('--counts')) {
    console.log(counts(edges));
    for (const cycle of folderCycles(graph)) console.log('cycle:', cycle.join(' ⇄ '));
  } else {
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    if (start < 0 || end < start) {
      console.error(`ARCHITECTURE.md lacks the markers ${START} … ${END}.`);
      process.exit(1);
    }
    const written = `${text.slice(0, start + START.length)}\n${render(graph)}\n${text.slice(end)}`;
    const problems: string[] = [];
    for (const cycle of folderCycles(graph))
      problems.push(`Folders import each other in a cycle: ${cycle.join(', ')}.`);
    for (const e of edges.filter(
      (e) => folderOf(e.from).startsWith('domain') && folderOf(e.to).startsWith('app'),
    ))
      problems.push(
        `${posix(relative(root, e.from))} imports ${posix(relative(root, e.to))}: src/domain never imports src/app.`,
      );
    if (args.includes('--check')) {
      if (written !== text)
        problems.push('The import graph in ARCHITECTURE.md is out of date: run `npm run architecture`.');
    } else if (written !== text) {
      writeFileSync(doc, written);
      console.log('ARCHITECTURE.md: import graph updated.');
    }
    if (problems.length) {
      for (const p of problems) console.error(p);
      process.exit(1);
    }
  }
}
