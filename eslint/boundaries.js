// The folder boundaries of src/, as one definition that both lint (the `portolan/boundaries`
// rule) and `npm run architecture` (the import graph) use.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const SRC = `${sep}src${sep}`;

/** The file a relative import names, or undefined for a package or a file that is not there. */
export function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  const tries = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return tries.find((p) => existsSync(p) && statSync(p).isFile());
}

/** "domain", "app" or undefined: the layer of src/ a file is in. */
export function layerOf(file) {
  const at = file.lastIndexOf(SRC);
  if (at < 0) return undefined;
  return file.slice(at + SRC.length).split(sep)[0];
}

/**
 * Whether an import from `from` to `to` reaches inside another folder without going through its
 * index. Allowed: a file of the importer's own folder or of a folder above it, and the index of
 * any other folder. Helpers named `*.testing.ts` are for tests only and never in an index; files
 * that are not code (fonts, styles) have none.
 */
export function skipsIndex(from, to) {
  const own = dirname(from);
  const target = dirname(to);
  if (/\.testing\.tsx?$/.test(to) || !/\.tsx?$/.test(to)) return false;
  if (own === target || own.startsWith(target + sep)) return false;
  return !/[\\/]index\.tsx?$/.test(to);
}

const messages = {
  domainImportsApp:
    'src/domain never imports src/app: the app builds on the domain, not the other way (register app parts from the app side).',
  skipsIndex:
    'Import "{{folder}}" (its index.ts) instead of a file inside it: each folder shows the rest of src/ one face. A dynamic import() may name a module, since it names what loads on demand.',
};

/** ESLint plugin: `portolan/boundaries`. */
export const plugin = {
  rules: {
    boundaries: {
      meta: { type: 'problem', messages, schema: [] },
      create(context) {
        const file = context.filename;
        const check = (node, dynamic) => {
          const source = node.source;
          if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
          const target = resolveImport(file, source.value);
          if (!target) return;
          if (layerOf(file) === 'domain' && layerOf(target) === 'app') {
            context.report({ node: source, messageId: 'domainImportsApp' });
          } else if (!dynamic && layerOf(file) && layerOf(target) && skipsIndex(file, target)) {
            const folder = source.value.slice(0, source.value.lastIndexOf('/')) || '.';
            context.report({ node: source, messageId: 'skipsIndex', data: { folder } });
          }
        };
        return {
          ImportDeclaration: (node) => check(node, false),
          ExportNamedDeclaration: (node) => check(node, false),
          ExportAllDeclaration: (node) => check(node, false),
          ImportExpression: (node) => check(node, true),
        };
      },
    },
  },
};
