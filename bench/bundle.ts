import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { check } from './report';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * Initial JavaScript + CSS, gzipped: the entry chunk, every chunk it imports statically (however
 * deep), and their stylesheets. Target: <= 165 KB. Chunks loaded later on demand are listed apart.
 */
export function benchBundle(dist = 'dist'): void {
  console.log('\n== Bundle size (gzip -9) ==');
  const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  const byKey = new Map(Object.entries(manifest));
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    const chunk = byFile.get(file);
    chunk?.css?.forEach((c) => initial.add(c));
    chunk?.imports?.forEach((key) => {
      const imported = byKey.get(key);
      if (imported) visit(imported.file);
    });
  };
  // What index.html loads, then everything those files import statically.
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) visit(m[1]!);

  let total = 0;
  for (const file of initial) {
    const size = gz(`${dist}/${file}`);
    total += size;
    console.log(`  initial   ${file.padEnd(40)} ${kb(size)}`);
  }
  for (const file of readdirSync(`${dist}/assets`)) {
    if (initial.has(`assets/${file}`) || !/\.(js|css)$/.test(file)) continue;
    console.log(`  on demand ${`assets/${file}`.padEnd(40)} ${kb(gz(`${dist}/assets/${file}`))}`);
  }
  check('Initial JS + CSS, gzip', total / 1000, 165, 'KB');
}
