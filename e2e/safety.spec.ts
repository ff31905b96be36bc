import { expect, test, type Page } from '@playwright/test';
import type { RoleId } from '../src/domain/catalog';
import { serializePlan, type Host, type Plan } from '../src/domain/plan';
import { encodeShare } from '../src/domain/share';
import { addByKeyboard, hostNode, openExample, shareLink } from './helpers';

/*
 * Nothing is lost without the person being told: plans too large to show, two tabs saving one
 * plan, storage that is full, typed notes replaced by a link.
 */

const saved = (page: Page) => page.evaluate(() => localStorage.getItem('portolan.plan'));
const savedName = async (page: Page) => (JSON.parse((await saved(page)) ?? '{}') as { name?: string }).name;

/** Local storage that keeps what it holds but refuses anything new under `key`, as a full one does. */
async function storageFullFor(page: Page, key: string) {
  await page.addInitScript((refused) => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, value: string) {
      if (k === refused) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, k, value);
    };
  }, key);
}

/** 100 nodes, 100 mail servers and the Internet: 20,400 flows, counted by hand (see limits.test.ts). */
function oversizedPlan(): Plan {
  const hosts: Host[] = (
    [
      ['processing-node', 100],
      ['mail-server', 100],
      ['internet', 1],
    ] as [RoleId, number][]
  ).flatMap(([role, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${role}${i}`, name: `H${role}${i}`, roles: [role] })),
  );
  return {
    format: 'portolan-plan',
    version: 3,
    name: 'Huge estate',
    productVersion: '10.0',
    zones: [],
    hosts,
  };
}

test('a share link or plan file too large to show is refused, and the open plan stays and is saved', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  await expect.poll(() => savedName(page)).toBe('DMZ relay with internal array');

  await page.goto(`/#${encodeShare(oversizedPlan())}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This share link could not be opened. Your plan is as you left it.');
  await expect(alert).toContainText('this plan would need 20,400 flows, more than the 20,000');
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import plan' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'huge.portolan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializePlan(oversizedPlan())),
  });
  const dialog = page.getByRole('dialog', { name: 'huge.portolan.json cannot be opened' });
  await expect(dialog).toContainText('hosts: this plan would need 20,400 flows');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The large plan never became the saved one: a reload opens the plan that was open.
  await page.reload();
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  expect(await savedName(page)).toBe('DMZ relay with internal array');
});

test('a link of 10,000 hosts that need no flow is refused with its count, before it is drawn', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  await expect.poll(() => savedName(page)).toBe('DMZ relay with internal array');
  // 10,000 admin workstations and no Array Manager: no flow at all, so only the host count bounds it.
  const workstations: Plan = {
    ...oversizedPlan(),
    name: 'Workstations',
    hosts: Array.from({ length: 10_000 }, (_, i) => ({
      id: `ws${i}`,
      name: `WS${i}`,
      roles: ['admin-workstation'] as RoleId[],
    })),
  };
  await page.goto(`/#${encodeShare(workstations)}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This share link could not be opened. Your plan is as you left it.');
  await expect(alert).toContainText('this plan has 10,000 hosts, more than the 2,000');
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  expect(await savedName(page)).toBe('DMZ relay with internal array');
});

test('a saved plan too large to show is kept aside, not opened', async ({ page }) => {
  await page.goto('/');
  const huge = serializePlan(oversizedPlan());
  await page.evaluate((text) => localStorage.setItem('portolan.plan', text), huge);
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The saved plan is too large to open, so a new plan was started.');
  await expect(alert).toContainText('this plan would need 20,400 flows');
  expect(await page.evaluate(() => localStorage.getItem('portolan.plan.unreadable'))).toBe(huge);
  await expect(page.getByLabel('Plan name')).toHaveValue('Untitled plan');
});

test('two tabs never overwrite each other’s plan unasked', async ({ context }) => {
  const a = await context.newPage();
  await a.goto('/');
  await addByKeyboard(a, 'DNS server');
  await expect.poll(() => saved(a)).toContain('DNS01');

  // Tab B opens the same saved plan and makes it its own.
  const b = await context.newPage();
  await b.goto('/');
  await expect(hostNode(b, 'DNS01')).toBeVisible();
  await b.getByLabel('Plan name').fill('Plan from tab B');
  await expect.poll(() => savedName(b)).toBe('Plan from tab B');

  // Tab A, which has not seen B's plan, edits: it must not save over B's plan, and says so.
  await a.bringToFront();
  await addByKeyboard(a, 'Mail server');
  const alert = a.getByRole('alert').filter({ hasText: 'Another tab has saved a different plan' });
  await expect(alert).toBeVisible();
  await a.waitForTimeout(600);
  expect(await savedName(a)).toBe('Plan from tab B');
  expect(await saved(a)).not.toContain('MAIL01');

  // A offers its own plan as a file, and keeping it is an explicit choice.
  const download = a.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download this tab’s plan' }).click();
  expect((await download).suggestedFilename()).toBe('Untitled plan.portolan.json');
  await alert.getByRole('button', { name: 'Keep this tab’s plan' }).click();
  await expect(alert).toHaveCount(0);
  await expect.poll(() => saved(a)).toContain('MAIL01');

  // Now B is the one behind: its next edit is held back and it is told.
  await b.bringToFront();
  await addByKeyboard(b, 'SQL Server');
  const alertB = b.getByRole('alert').filter({ hasText: 'Another tab has saved a different plan' });
  await expect(alertB).toBeVisible();
  await alertB.getByRole('button', { name: 'Open the other tab’s plan' }).click();
  await expect(hostNode(b, 'MAIL01')).toBeVisible();
  await expect(b.getByLabel('Plan name')).toHaveValue('Untitled plan');
});

test('with storage full, a saved plan that cannot be read is offered for download and never replaced silently', async ({
  page,
}) => {
  // Storage that holds what is there but takes nothing new under the aside key.
  await storageFullFor(page, 'portolan.plan.unreadable');
  await page.goto('/');
  const bad = JSON.stringify({
    format: 'portolan-plan',
    version: 2,
    name: 'Broken',
    productVersion: '10.0',
    zones: [],
    hosts: [{ id: 'h', name: 'A', roles: ['array-manager'], address: '10.0.0.300' }],
  });
  await page.evaluate((text) => localStorage.setItem('portolan.plan', text), bad);
  await page.reload();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('storage is full, so it could not be kept aside');
  await expect(alert).not.toContainText('kept aside in this browser');
  // Work goes on, but the unreadable plan stays where it is until the person has it.
  await addByKeyboard(page, 'DNS server');
  await expect(hostNode(page, 'DNS01')).toBeVisible();
  await page.waitForTimeout(600);
  expect(await saved(page)).toBe(bad);

  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the unreadable copy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('unreadable-plan.json');
  await expect.poll(() => saved(page)).toContain('DNS01');
});

test('opening a link over a plan with only typed notes keeps them recoverable, and Restore is used once', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /Single server/);
  const link = await shareLink(page);

  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Replace plan' }).click();
  const notes = page.getByRole('complementary', { name: 'Details' }).getByLabel('Notes');
  await notes.fill('Agreed with the mail team: cut-over on Saturday 02:00.');
  await expect.poll(() => saved(page)).toContain('cut-over on Saturday');

  await page.goto(link);
  await expect(hostNode(page, 'SEG01')).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Opened the shared plan' });
  await expect(notice).toContainText('Your previous plan “Untitled plan” is kept in this browser');
  await notice.getByRole('button', { name: 'Restore previous plan' }).click();
  await expect(notes).toHaveValue('Agreed with the mail team: cut-over on Saturday 02:00.');
  // The notice has done its job: it cannot be used again over later work.
  await expect(page.getByRole('button', { name: 'Restore previous plan' })).toHaveCount(0);
});

test('with storage full, opening a link says the previous plan was not kept and offers it at once', async ({
  page,
}) => {
  await storageFullFor(page, 'portolan.plan.beforeLink');
  await page.goto('/');
  await openExample(page, /Single server/);
  const link = await shareLink(page);
  await openExample(page, /DMZ relay/);
  await expect.poll(() => savedName(page)).toBe('DMZ relay with internal array');

  await page.goto(link);
  await expect(hostNode(page, 'SEG01')).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('your previous plan could not be kept in this browser');
  await expect(alert).not.toContainText('is kept');
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download previous plan' }).click();
  expect((await download).suggestedFilename()).toBe('DMZ relay with internal array.portolan.json');
});
