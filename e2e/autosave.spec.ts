import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addByKeyboard, closeWarns, hostNode, refuseWrites } from './helpers';

/*
 * Autosave never stops silently: while edits are not in the browser's storage a status says so
 * and closing the tab warns; an unreadable saved plan is kept aside and never overwritten.
 */

const saved = (page: Page) => page.evaluate(() => localStorage.getItem('portolan.plan'));
const notSaved = (page: Page) => page.getByRole('status').filter({ hasText: 'Not saved in this browser' });

/** Every copy of an unreadable saved plan kept in this browser, by key. */
const keptCopies = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('portolan.plan.unreadable'))
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );

/** A saved plan this Portolan cannot open (an address out of range). */
const unreadable = (name: string) =>
  JSON.stringify({
    format: 'portolan-plan',
    version: 2,
    name,
    productVersion: '10.0',
    zones: [],
    hosts: [{ id: 'h', name: 'A', roles: ['array-manager'], address: '10.0.0.300' }],
  });

async function dismissNotices(page: Page) {
  const close = page.getByRole('button', { name: 'Dismiss message' });
  while ((await close.count()) > 0) await close.first().click();
}

test('while storage is full, a status says the plan is not saved and offers it, until a save works', async ({
  page,
}) => {
  const free = await refuseWrites(page, 'portolan.plan');
  await page.goto('/');
  await addByKeyboard(page, 'DNS server');
  const status = notSaved(page);
  await expect(status).toContainText('Not saved in this browser: storage is full');
  await dismissNotices(page);

  // Later edits are not saved either, and the status stays for as long as that lasts.
  await addByKeyboard(page, 'Mail server');
  await expect(hostNode(page, 'MAIL01')).toBeVisible();
  await page.waitForTimeout(600);
  await expect(status).toBeVisible();
  expect(await saved(page)).toBeNull();

  const download = page.waitForEvent('download');
  await status.getByRole('button', { name: 'Download plan' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Untitled plan.portolan.json');
  expect(await readFile((await file.path()) ?? '', 'utf8')).toContain('MAIL01');

  // Room again: the next edit is saved, and the status goes.
  await free();
  await addByKeyboard(page, 'SQL Server');
  await expect.poll(() => saved(page)).toContain('MAIL01');
  await expect(status).toHaveCount(0);
});

test('each unreadable saved plan is kept aside under its own key; none replaces another', async ({
  page,
}) => {
  await page.goto('/');
  const first = unreadable('First');
  const second = unreadable('Second');
  await page.evaluate((text) => localStorage.setItem('portolan.plan', text), first);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('kept aside in this browser, unchanged');
  await dismissNotices(page);

  await page.evaluate((text) => localStorage.setItem('portolan.plan', text), second);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('kept aside in this browser, unchanged');
  const kept = await keptCopies(page);
  expect(Object.values(kept).sort()).toEqual([first, second].sort());
  await expect(page.getByLabel('Plan name')).toHaveValue('Untitled plan');
});

test('with five copies already kept, another unreadable plan is not kept, is said so, and stays saved', async ({
  page,
}) => {
  await page.goto('/');
  const earlier = Object.fromEntries([
    ['portolan.plan.unreadable', 'copy 1'],
    ...[2, 3, 4, 5].map((i) => [`portolan.plan.unreadable.2025-01-0${i}T00:00:00.000Z`, `copy ${i}`]),
  ]) as Record<string, string>;
  const bad = unreadable('Sixth');
  await page.evaluate(
    ([copies, text]) => {
      for (const [k, v] of Object.entries(copies)) localStorage.setItem(k, v);
      localStorage.setItem('portolan.plan', text);
    },
    [earlier, bad] as const,
  );
  await page.reload();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be kept aside');
  await expect(alert).toContainText('5 unreadable plans are already kept in this browser');
  await expect(alert).not.toContainText('kept aside in this browser, unchanged');
  expect(await keptCopies(page)).toEqual(earlier);

  // Work goes on but is not saved over the unreadable plan, and the page says so.
  await addByKeyboard(page, 'DNS server');
  await expect(notSaved(page)).toBeVisible();
  await page.waitForTimeout(600);
  expect(await saved(page)).toBe(bad);

  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the unreadable copy' }).click();
  expect((await download).suggestedFilename()).toBe('unreadable-plan.json');
  await expect.poll(() => saved(page)).toContain('DNS01');
  await expect(notSaved(page)).toHaveCount(0);
  expect(await keptCopies(page)).toEqual(earlier);
});

test('a tab whose edits are not saved because storage is full warns before it closes; once saved, it does not', async ({
  page,
}) => {
  const free = await refuseWrites(page, 'portolan.plan');
  await page.goto('/');
  await addByKeyboard(page, 'DNS server');
  await page.waitForTimeout(600);
  expect(await closeWarns(page)).toBe(true);
  expect(page.isClosed()).toBe(false);
  await expect(notSaved(page)).toBeVisible();

  await free();
  await addByKeyboard(page, 'Mail server');
  await expect.poll(() => saved(page)).toContain('MAIL01');
  await expect(notSaved(page)).toHaveCount(0);
  expect(await closeWarns(page)).toBe(false);
});

test('a tab holding edits back for another tab’s plan warns before it closes, also after its notice is dismissed', async ({
  context,
}) => {
  const a = await context.newPage();
  await a.goto('/');
  await addByKeyboard(a, 'DNS server');
  await expect.poll(() => saved(a)).toContain('DNS01');

  const b = await context.newPage();
  await b.goto('/');
  await expect(hostNode(b, 'DNS01')).toBeVisible();
  await addByKeyboard(b, 'SQL Server');
  await expect.poll(() => saved(b)).toContain('SQL01');

  await a.bringToFront();
  await addByKeyboard(a, 'Mail server');
  const alert = a.getByRole('alert').filter({ hasText: 'Another tab has saved a different plan' });
  await expect(alert).toBeVisible();
  expect(await closeWarns(a)).toBe(true);
  await dismissNotices(a);
  const status = notSaved(a);
  await expect(status).toContainText('another tab saved a different plan');
  expect(await closeWarns(a)).toBe(true);

  // Everything in tab B is saved: it closes without a word.
  expect(await closeWarns(b)).toBe(false);

  // The choice can be had again from the status; keeping this tab's plan saves it.
  await status.getByRole('button', { name: 'Show the choices' }).click();
  await alert.getByRole('button', { name: 'Keep this tab’s plan' }).click();
  await expect.poll(() => saved(a)).toContain('MAIL01');
  await expect(status).toHaveCount(0);
  expect(await closeWarns(a)).toBe(false);
});
