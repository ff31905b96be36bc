import { serveBuiltApp } from './browser';
import { benchLayout } from './layout';
import { summary } from './report';

/** The layout benchmarks alone, on a build of their own: `npx tsx bench/layout-only.ts`. */
const app = await serveBuiltApp({ outDir: `node_modules/.cache/portolan-bench/${process.pid}` });
try {
  await benchLayout(app.url);
} finally {
  await app.close();
}
if (summary().failed > 0) process.exitCode = 1;
