import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * Initial JavaScript + CSS, gzipped: the files index.html loads (entry script, its preloaded
 * chunks, stylesheets). Target: <= 165 KB. Chunks loaded later on demand are listed apart.
 */
export function benchBundle(dist = 'dist'): void {
  console.log('\n== Bundle size (gzip -9) ==');
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let total = 0;
  for (const file of initial) {
    const size = gz(`${dist}/${file}`);
    total += size;
    console.log(`  initial  ${file.padEnd(40)} ${kb(size)}`);
  }
  for (const file of readdirSync(`${dist}/assets`)) {
    if (initial.includes(`assets/${file}`) || !/\.(js|css)$/.test(file)) continue;
    console.log(`  on demand ${`assets/${file}`.padEnd(39)} ${kb(gz(`${dist}/assets/${file}`))}`);
  }
  console.log(`Initial JS + CSS: ${kb(total)} (target <= 165 KB)`);
}
