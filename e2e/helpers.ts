import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { EXAMPLE_PLANS, serializePlan, type Plan } from '../src/domain/plan';

export const canvas = (page: Page) => page.getByRole('main', { name: 'Plan canvas' });
export const pane = (page: Page) => page.locator('.react-flow__pane');

/** A host card on the canvas, found by its accessible name ("SEG-AM01: Array Manager, 10.0.0.5"). */
export const hostNode = (page: Page, name: string) =>
  canvas(page).getByRole('group', { name: new RegExp(`^${name}:`) });

export const edge = (page: Page, from: string, to: string) =>
  canvas(page).getByRole('group', { name: new RegExp(`^Flow from ${from} to ${to}:`) });

/**
 * Opens an example from the toolbar, confirming the replacement when the open plan asks for it,
 * and returns once the example is the open plan (its contents load on demand).
 */
export async function openExample(page: Page, label: RegExp) {
  const example = EXAMPLE_PLANS.find((e) => label.test(e.label));
  if (!example) throw new Error(`no example matches ${String(label)}`);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: label }).click();
  const replace = page.getByRole('button', { name: 'Replace plan' });
  const name = page.getByLabel('Plan name');
  // A confirmation comes first when the open plan holds anything; otherwise the example arrives.
  await expect
    .poll(async () => (await replace.isVisible()) || (await name.inputValue()) === example.plan.name)
    .toBe(true);
  if (await replace.isVisible()) await replace.click();
  await expect(name).toHaveValue(example.plan.name);
}

/** Adds a host the keyboard way: focus the palette button and press Enter. */
export async function addByKeyboard(page: Page, role: string) {
  const button = page
    .getByRole('navigation', { name: 'Components' })
    .getByRole('button', { name: role, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
}

export const flowRow = (page: Page, text: RegExp) =>
  page.getByRole('table', { name: 'Flows' }).getByRole('row').filter({ hasText: text });

/** Drags a node with the mouse in small steps, as a person would. */
export async function dragBy(page: Page, name: string, to: { x: number; y: number }) {
  const box = await hostNode(page, name).boundingBox();
  expect(box).not.toBeNull();
  const start = { x: box!.x + box!.width / 2, y: box!.y + 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(start.x + ((to.x - start.x) * i) / steps, start.y + ((to.y - start.y) * i) / steps);
  }
  await page.mouse.up();
}

/** Opens the Share dialog and reads the link from its field. */
export async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this plan' });
  await expect(dialog.getByLabel('Share link')).toHaveValue(/#p3\./);
  const link = await dialog.getByLabel('Share link').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

/** Picks a format from the toolbar's Export menu and returns the downloaded file. */
export async function exportAs(page: Page, item: string) {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item, exact: true }).click();
  const file = await event;
  return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
}

/**
 * Local storage that keeps what it holds but refuses anything new under `key`, as a full one
 * does, from the next page load on; the returned function frees it in the page as it is now.
 */
export async function refuseWrites(page: Page, key: string): Promise<() => Promise<void>> {
  await page.addInitScript((refused) => {
    const w = window as unknown as { storageFull: boolean };
    w.storageFull = true;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, value: string) {
      if (w.storageFull && k === refused) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      setItem.call(this, k, value);
    };
  }, key);
  return () =>
    page.evaluate(() => {
      (window as unknown as { storageFull: boolean }).storageFull = false;
    });
}

/**
 * Closes the page as a person closing the tab would, and says whether it asked to stay first
 * (a `beforeunload` warning, answered "stay": the page is then still open).
 */
export async function closeWarns(page: Page): Promise<boolean> {
  const warned = new Promise<boolean>((resolve) => {
    page.once('dialog', (d) => {
      resolve(d.type() === 'beforeunload');
      void d.dismiss();
    });
    page.once('close', () => resolve(false));
  });
  await page.close({ runBeforeUnload: true });
  return warned;
}

/** Opens a plan through Import as a person would, picking the file, and waits until it is open. */
export async function importPlan(page: Page, fileName: string, plan: Plan) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import plan' }).click();
  await (
    await chooser
  ).setFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(serializePlan(plan)) });
  await expect(page.getByRole('status').filter({ hasText: `Opened “${plan.name}”` })).toBeVisible();
}

/**
 * Zooms out with the canvas's "Zoom Out" button, as a person would, until the card is wholly in
 * view: a plan too large to fit at a legible size opens on its middle.
 */
export async function bringIntoView(page: Page, card: Locator) {
  for (let i = 0; i < 8; i++) {
    const [box, view] = await Promise.all([card.boundingBox(), canvas(page).boundingBox()]);
    if (
      box &&
      view &&
      box.x >= view.x &&
      box.y >= view.y &&
      box.x + box.width <= view.x + view.width &&
      box.y + box.height <= view.y + view.height
    )
      return;
    await page.getByRole('button', { name: 'Zoom Out' }).click();
  }
}

/** The hosts of the "DMZ relay with internal array" example, in plan order, written out by hand. */
export const DMZ_RELAY_HOSTS = [
  'Internet',
  'SEG-NODE01',
  'SEG-NODE02',
  'SEG-AM01',
  'SQL01',
  'DC01',
  'EXCH01',
  'Admin workstations',
  'Automation',
] as const;
