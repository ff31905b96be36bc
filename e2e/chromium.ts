/**
 * Which Chromium the end-to-end tests and the browser benchmarks drive, and how. Debian's
 * /usr/bin/chromium by default; PORTOLAN_CHROMIUM names another binary, or "bundled" for
 * Playwright's own browser. The flags keep a headless Chromium from reaching out to the network.
 */
export const CHROMIUM_PATH = process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const chromiumLaunchOptions = (extraArgs: string[] = []) => ({
  ...(CHROMIUM_PATH === 'bundled' ? {} : { executablePath: CHROMIUM_PATH }),
  args: [...CHROMIUM_ARGS, ...extraArgs],
});
