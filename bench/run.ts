import { serveBuiltApp } from './browser';
import { benchBundle } from './bundle';
import { benchCanvasDrag } from './canvas';
import { benchEngine } from './engine';
import { benchGrouping } from './grouping';
import { benchExports, benchPngUpgrade } from './exports';
import { benchInventory } from './inventory';
import { benchLarge } from './large';
import { benchLayout } from './layout';
import { broken, summary } from './report';
import { benchShare } from './share';

/**
 * `npm run bench`: every speed and size target of the project, measured, printed with PASS or
 * FAIL, and a non-zero exit when any target is missed or a benchmark cannot run.
 */
async function guarded(name: string, run: () => unknown) {
  try {
    await run();
  } catch (e) {
    broken(name, e);
  }
}

await guarded('Flow engine', benchEngine);
await guarded('Grouped rules', benchGrouping);
await guarded('Share links', benchShare);
// A build of its own, so a running `npm start` or test run keeps its files.
const app = await serveBuiltApp({ outDir: 'node_modules/.cache/portolan-bench/run' });
try {
  await guarded('Bundle size', () => benchBundle(app.outDir));
  await guarded('Canvas drag', () => benchCanvasDrag(app.url));
  await guarded('Exports', () => benchExports(app.url));
  await guarded('Diagram PNG', () => benchPngUpgrade(app.url));
  await guarded('Tidy layout', () => benchLayout(app.url));
  await guarded('1,000 hosts', () => benchLarge(app.url));
  await guarded('Import hosts', () => benchInventory(app.url));
} finally {
  await app.close();
}
const { failed } = summary();
process.exitCode = failed > 0 ? 1 : 0;
