import { chromium, type Browser } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium';

/**
 * Builds the app once and serves it on a free port for the browser benchmarks. `outDir` lets a
 * run build somewhere of its own, so it never overwrites a build someone else is serving.
 */
export async function serveBuiltApp(
  options: { outDir?: string } = {},
): Promise<{ url: string; outDir: string; close: () => Promise<void> }> {
  const outDir = options.outDir ?? 'dist';
  await build({
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: process.env.BENCH_NO_MINIFY ? false : 'oxc' },
  });
  const server: PreviewServer = await preview({
    preview: { port: 0, host: '127.0.0.1' },
    build: { outDir },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return { url, outDir, close: () => server.close() };
}

/**
 * The same Chromium the end-to-end tests use (see e2e/chromium.ts). Benchmark pages block the
 * service worker (`serviceWorkers: 'block'`): its caching of the build would run beside what
 * they measure.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(extraArgs));
}
