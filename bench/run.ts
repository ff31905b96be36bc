import { serveBuiltApp } from './browser';
import { benchBundle } from './bundle';
import { benchCanvasDrag } from './canvas';
import { benchEngine } from './engine';
import { benchExports } from './exports';
import { benchShare } from './share';

/** `npm run bench`: every speed and size target of the project, measured and printed. */
benchEngine();
benchShare();
const app = await serveBuiltApp();
try {
  benchBundle();
  await benchCanvasDrag(app.url);
  await benchExports(app.url);
} finally {
  await app.close();
}
