import { chromium, type Browser } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';

/** Builds the app once and serves it on a free port for the browser benchmarks. */
export async function serveBuiltApp(): Promise<{ url: string; close: () => Promise<void> }> {
  await build({ logLevel: 'warn', build: { minify: process.env.BENCH_NO_MINIFY ? false : 'oxc' } });
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return { url, close: () => server.close() };
}

/** Debian's Chromium by default; PORTOLAN_CHROMIUM picks another binary, "bundled" Playwright's own. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const path = process.env.PORTOLAN_CHROMIUM ?? '/usr/bin/chromium';
  return chromium.launch({
    ...(path === 'bundled' ? {} : { executablePath: path }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}
