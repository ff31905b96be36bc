import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built app in Chromium. By default that is Debian's /usr/bin/chromium;
 * set PORTOLAN_CHROMIUM to another Chromium binary, or to "bundled" for Playwright's own browser.
 */
const chromium = process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 30_000,
  use: {
    baseURL: 'http://127.0.0.1:4173',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(chromium === 'bundled' ? {} : { executablePath: chromium }),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'npx vite build && npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    // Always build and serve afresh, so tests never run against a stale build.
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
