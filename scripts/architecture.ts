import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { resolveImport, skipsIndex } from '../eslint/boundaries.js';

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

/** The folder a file belongs to, as a path under src/ ("domain/plan", "app"). */
const folderOf = (file: string) => posix(relative(src, dirname(file)));
/**
 * The unit of the layer graph: a folder of src/domain or src/app with everything below it
 * ("domain/export" holds export/pdf and export/firewall, which use the export folder's own files).
 */
const unitOf = (file: string) => folderOf(file).split('/').slice(0, 2).join('/');

export interface Edge {
  from: string;
  to: string;
  /** The import reaches a file inside another folder instead of that folder's index.ts. */
  skipsIndex: boolean;
}

/**
 * Every relative import of every source file (tests included), resolved to a file. A dynamic
 * `import()` names the module that loads on demand (its chunk), so it may name a file inside
 * another folder; every static import goes through the folder's index.
 */
export function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(src)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      let spec: string | undefined;
      let dynamic = false;
      if (
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        spec = node.moduleSpecifier.text;
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteral(arg)) [spec, dynamic] = [arg.text, true];
      } else if (ts.isNewExpression(node) && node.expression.getText(source) === 'URL') {
        // new URL('./x.worker.ts', import.meta.url): a worker's entry, loaded on demand.
        const arg = node.arguments?.[0];
        if (arg && ts.isStringLiteral(arg)) [spec, dynamic] = [arg.text, true];
      }
      const target = spec === undefined ? undefined : resolveImport(file, spec);
      if (target) edges.push({ from: file, to: target, skipsIndex: !dynamic && skipsIndex(file, target) });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

function folderGraph(edges: Edge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (/\.(test|testing)\.tsx?$/.test(e.from)) continue;
    const a = unitOf(e.from);
    const b = unitOf(e.to);
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
