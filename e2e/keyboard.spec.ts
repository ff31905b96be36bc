import { expect, test, type Page } from '@playwright/test';
import { canvas, hostNode, openExample } from './helpers';

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const inDetails = (page: Page) =>
  page.evaluate(() => !!document.activeElement?.closest('[aria-label="Details"]'));
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
/** The middle of what has the keyboard, on the screen. */
const focusedAt = (page: Page) =>
  page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

for (const example of [/DMZ relay/, /Enterprise/]) {
  test(`the canvas is one tab stop: from a card of ${example.source}, Tab reaches the details in at most 5 presses and Shift+Tab comes back to it`, async ({
    page,
  }) => {
    await openExample(page, example);
    await hostNode(page, 'SEG-AM01').focus();
    let presses = 0;
    while (!(await inDetails(page)) && presses < 50) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThanOrEqual(5);
    await expect(details(page)).toBeVisible();
    for (let i = 0; i < presses; i++) await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedName(page)).toMatch(/^SEG-AM01:/);
    // Once more leaves the canvas, never stopping on the canvas itself.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(false);
  });
}

test('Tab into the canvas lands on a card; the arrow keys go from card to card that way', async ({
  page,
}) => {
  await openExample(page, /DMZ relay/);
  await page
    .getByRole('navigation', { name: 'Components' })
    .getByRole('button', { name: 'Add zone' })
    .focus();
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedName(page)).toMatch(/^(Zone |SEG|SQL|DC|EXCH|Admin|Automation|Internet)/);
  await expect(canvas(page).locator(':focus')).toHaveCount(1);

  // From the Array Manager, right goes to something to its right, left comes back leftwards.
  await hostNode(page, 'SEG-AM01').focus();
  const start = await focusedAt(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => focusedName(page)).not.toMatch(/^SEG-AM01:/);
  const right = await focusedAt(page);
  expect(right.x).toBeGreaterThan(start.x);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await focusedAt(page)).x).toBeLessThan(right.x);

  // The arrow keys only walk: no card moved, nothing is selected.
  await expect(canvas(page).locator('.react-flow__node.selected')).toHaveCount(0);
});

test('a selected card still moves with the arrow keys; Escape lets them walk again', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  const card = hostNode(page, 'SQL01');
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(card).toHaveClass(/selected/);
  const before = await card.boundingBox();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await card.boundingBox())!.y).toBeGreaterThan(before!.y);
  expect(await focusedName(page)).toMatch(/^SQL01:/);
  await page.keyboard.press('Escape');
  await expect(card).not.toHaveClass(/selected/);
  await expect.poll(() => focusedName(page)).toMatch(/^SQL01:/);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedName(page)).not.toMatch(/^SQL01:/);
});

test('the splitter sets the height of the tables, by keys and by drag, and the browser keeps it', async ({
  page,
}) => {
  await openExample(page, /DMZ relay/);
  const splitter = page.getByRole('separator', { name: 'Height of the tables' });
  const table = page.getByRole('tabpanel');
  const h0 = (await table.boundingBox())!.height;
  await splitter.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(async () => (await table.boundingBox())!.height).toBeCloseTo(h0 + 64, 0);
  const box = (await splitter.boundingBox())!;
  await page.mouse.move(box.x + 200, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + box.height / 2 - 100, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await table.boundingBox())!.height).toBeCloseTo(h0 + 164, 0);
  await page.reload();
  await expect
    .poll(async () => (await page.getByRole('tabpanel').boundingBox())!.height)
    .toBeCloseTo(h0 + 164, 0);
  // A smaller window keeps room for the canvas; the choice comes back when it grows again.
  await page.setViewportSize({ width: 1440, height: 500 });
  await expect
    .poll(async () => (await page.getByRole('main', { name: 'Plan canvas' }).boundingBox())!.height)
    .toBeGreaterThan(100);
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect
    .poll(async () => (await page.getByRole('tabpanel').boundingBox())!.height)
    .toBeCloseTo(h0 + 164, 0);
  // Home: the smallest tables; End: the largest.
  await splitter.focus();
  await page.keyboard.press('Home');
  await expect(splitter).toHaveAttribute('aria-valuenow', '120');
});

test('the context menu of a card, of the canvas and of an arrow runs the same commands; Shift+F10 opens it from the keyboard', async ({
  page,
}) => {
  await openExample(page, /DMZ relay/);
  await hostNode(page, 'SEG-NODE01').click({ button: 'right' });
  const hostMenu = page.getByRole('menu', { name: 'Host menu' });
  await expect(hostMenu.getByRole('menuitem')).toHaveText([
    /^CopyCtrl\+C$/,
    /^CutCtrl\+X$/,
    /^DuplicateCtrl\+D$/,
    /^DeleteDelete$/,
    /^Select all hostsCtrl\+A$/,
    /^Find a hostCtrl\+F$/,
  ]);
  await hostMenu.getByRole('menuitem', { name: /^Duplicate/ }).click();
  await expect(hostMenu).toHaveCount(0);
  await expect(hostNode(page, 'SEG-NODE03')).toBeVisible();

  // Delete from the keyboard menu: the card goes, the keyboard stays on the canvas.
  await hostNode(page, 'SEG-NODE03').focus();
  await page.keyboard.press('Shift+F10');
  await expect(hostMenu.getByRole('menuitem').first()).toBeFocused();
  // Keys in the open menu stay there: the Delete key removes nothing behind it.
  await page.keyboard.press('Delete');
  await expect(hostMenu).toBeVisible();
  await expect(hostNode(page, 'SEG-NODE03')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(hostMenu.getByRole('menuitem', { name: /^Delete/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(hostNode(page, 'SEG-NODE03')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);

  // The empty canvas: Add zone adds one.
  const zones = canvas(page).getByRole('group', { name: /^Zone / });
  await expect(zones).toHaveCount(2);
  await page.locator('.react-flow__pane').click({ button: 'right', position: { x: 40, y: 40 } });
  const canvasMenu = page.getByRole('menu', { name: 'Canvas menu' });
  await expect(canvasMenu.getByRole('menuitem', { name: /^Paste/ })).toBeVisible();
  await canvasMenu.getByRole('menuitem', { name: 'Add zone…' }).click();
  const newZone = page.getByRole('dialog', { name: 'New zone' });
  await newZone.getByLabel('Name').fill('Management');
  await newZone.getByRole('radio', { name: /^Trusted/ }).check();
  await newZone.getByRole('button', { name: 'Add zone' }).click();
  await expect(zones).toHaveCount(3);

  // An arrow: its menu opens the form that asks why it is left out.
  await canvas(page)
    .getByRole('group', { name: /^Flow from SEG-AM01 to DC01:/ })
    .focus();
  await page.keyboard.press('Shift+F10');
  const flowMenu = page.getByRole('menu', { name: 'Flow menu' });
  await expect(flowMenu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(flowMenu).toHaveCount(0);
  await expect.poll(() => focusedName(page)).toMatch(/^Flow from SEG-AM01 to DC01:/);
  await page.keyboard.press('Shift+F10');
  await expect(
    flowMenu.getByRole('menuitem', { name: 'Leave flows out of the change request…' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  // The arrow carries two flows: the keyboard goes to the first one's "Exclude …", to pick there.
  const exclude = details(page)
    .getByRole('button', { name: /^Exclude .*…$/ })
    .first();
  await expect(exclude).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    details(page).getByRole('form', { name: /^Exclude .* from the change request$/ }),
  ).toBeVisible();
});

test('Fit View never shrinks the cards below a legible size: a large plan opens on its middle to scroll', async ({
  page,
}) => {
  /** A card name's size on the screen, in pixels: its font size times the zoom. */
  const nameSize = () =>
    page.evaluate(() => {
      const m = /scale\(([\d.]+)\)/.exec(
        document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform,
      );
      const name = document.querySelector('.react-flow__node-host span.text-sm')!;
      return Number.parseFloat(getComputedStyle(name).fontSize) * Number(m![1]);
    });
  await openExample(page, /Enterprise/);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(nameSize).toBeGreaterThanOrEqual(10.5);
  // Too large to fit at that size: some cards are out of view, to be scrolled to.
  const view = (await canvas(page).boundingBox())!;
  const cards = await canvas(page)
    .locator('.react-flow__node-host')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
  expect(cards.some((right) => right > view.x + view.width)).toBe(true);
});

test('the flow table is one tab stop: the arrow keys, Home and End go from row to row, Tab leaves it', async ({
  page,
}) => {
  await openExample(page, /Enterprise/);
  const table = page.getByRole('table', { name: 'Flows' });
  const rows = table.getByRole('row');
  await rows.nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('End');
  await expect(table.locator('tr[aria-rowindex="305"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(table.locator('tr[aria-rowindex="2"]')).toBeFocused();
  // Tab leaves the table at once; Shift+Tab comes back to the same row.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('table[aria-label="Flows"]'))).toBe(
    false,
  );
  await page.keyboard.press('Shift+Tab');
  await expect(table.locator('tr[aria-rowindex="2"]')).toBeFocused();
});
