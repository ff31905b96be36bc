import { createServer } from 'node:net';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

/** A port nothing listens on now, so the tests never meet a running `npm start`. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// The config is read again by each worker process; they inherit the environment, so the port is
// chosen once, here, and the workers find it in PORTOLAN_E2E_PORT.
process.env.PORTOLAN_E2E_PORT ??= String(await freePort());
const port = Number(process.env.PORTOLAN_E2E_PORT);
// A build of the tests' own, so a build for `npm start` or a benchmark is never overwritten mid-run.
const outDir = `node_modules/.cache/portolan-e2e/${port}`;

// End-to-end tests drive the built app in Chromium; e2e/chromium.ts says which one.
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumLaunchOptions(),
    // The offline test turns the service worker on; elsewhere it would only cache in the background.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}`,
    // Always build and serve afresh, so tests never run against a stale build.
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
