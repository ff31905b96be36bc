import { serveBuiltApp } from './browser';
import { benchCanvasDrag } from './canvas';
import { summary } from './report';

/**
 * The canvas drag benchmark alone, on a build of its own: `npx tsx bench/canvas-only.ts [runs]`.
 * Exits non-zero when a run misses its target.
 */
const runs = Number(process.argv[2] ?? 1);
const app = await serveBuiltApp({ outDir: `node_modules/.cache/portolan-bench/${process.pid}` });
try {
  for (let i = 0; i < runs; i++) await benchCanvasDrag(app.url);
} finally {
  await app.close();
}
if (summary().failed > 0) process.exitCode = 1;
