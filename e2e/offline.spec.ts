import { expect, test } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { openExample } from './helpers';

/*
 * Installed and offline: once the planner has been opened, it opens and works with its server
 * gone. The test serves the build from a server of its own, which it stops after the first visit.
 */
test.use({ serviceWorkers: 'allow' });

let server: PreviewServer | undefined;
test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

test('with the server stopped after the first visit, a reload still opens the planner and exports a CSV', async ({
  page,
}) => {
  test.slow();
  server = await preview({
    preview: { port: 0, host: '127.0.0.1' },
    build: { outDir: `node_modules/.cache/portolan-e2e/${process.env.PORTOLAN_E2E_PORT}` },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the test server has no address');
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Import plan' })).toBeVisible();
  // Installed: the service worker serves this page (it takes over once everything is cached).
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 })
    .toBe(true);

  await server.close();
  server = undefined;
  expect((await page.request.get(url).catch(() => undefined))?.ok() ?? false).toBe(false);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Import plan' })).toBeVisible();
  await openExample(page, /DMZ relay/);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download');
  await page
    .getByRole('menu', { name: 'Export' })
    .getByRole('menuitem', { name: 'CSV', exact: true })
    .click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('DMZ relay with internal array-firewall-request.csv');
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString('utf8')).toContain('SEG-AM01');
});
