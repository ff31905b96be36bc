import { expect, test } from '@playwright/test';
import { addByKeyboard, hostNode, openExample, shareLink } from './helpers';

test('share a plan, open the link in a fresh browser, and find the same plan', async ({
  page,
  browser,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  await page.getByLabel('Product version').selectOption('8.0');
  await addByKeyboard(page, 'POP3 client');
  await page.getByLabel('Include flows inside a zone').check();
  const flowCount = await page.getByText(/^\d+ flows/).textContent();

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this plan' });
  const field = dialog.getByLabel('Share link');
  await expect(field).toHaveValue(/#p3\./);
  const link = await field.inputValue();
  expect(link.startsWith(`${baseURL}/#p3.`)).toBe(true);
  expect(link).toMatch(/#p3\.[A-Za-z0-9_-]+$/);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Later edits do not change the link that was shared.
  await addByKeyboard(page, 'Mail server');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByLabel('Plan name')).toHaveValue('DMZ relay with internal array');
  await expect(other.getByLabel('Product version')).toHaveValue('8.0');
  for (const name of ['SEG-AM01', 'SEG-NODE01', 'SEG-NODE02', 'SQL01', 'DC01', 'EXCH01', 'POP3-CLIENT01']) {
    await expect(hostNode(other, name)).toBeVisible();
  }
  await expect(hostNode(other, 'MAIL01')).toHaveCount(0);
  await expect(other.getByRole('group', { name: /^Zone DMZ,/ })).toBeVisible();
  await expect(other.getByRole('group', { name: /^Zone Internal network,/ })).toBeVisible();
  await other.getByLabel('Include flows inside a zone').check();
  await expect(other.getByText(/^\d+ flows/)).toHaveText(flowCount!);
  // The fragment is gone from the address bar, and the opened plan is saved: a reload finds it.
  expect(new URL(other.url()).hash).toBe('');
  await other.reload();
  await expect(hostNode(other, 'POP3-CLIENT01')).toBeVisible();
  await fresh.close();
});

test('opening a link keeps the previous plan recoverable', async ({ page }) => {
  await page.goto('/');
  await openExample(page, /Single server/);
  const singleServerLink = await shareLink(page);

  await openExample(page, /DMZ relay/);
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  await page.goto(singleServerLink);
  await expect(hostNode(page, 'SEG01')).toBeVisible();
  await page.getByRole('button', { name: 'Restore previous plan' }).click();
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  await expect(hostNode(page, 'SEG01')).toHaveCount(0);
});

test('a corrupted link opens the app with a clear message and keeps the plan', async ({ page }) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  const link = await shareLink(page);
  await page.waitForFunction(() => localStorage.getItem('portolan.plan')?.includes('SEG-AM01'));

  await page.goto(link.slice(0, link.length - 30));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This share link could not be opened. Your plan is as you left it.');
  await expect(alert).toContainText('damaged or cut short');
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();

  await page.goto('/#p9.AAAA');
  await expect(page.getByRole('alert').last()).toContainText('made by a newer Portolan');
  // And the app works.
  await addByKeyboard(page, 'DNS server');
  await expect(hostNode(page, 'DNS01')).toBeVisible();
});
