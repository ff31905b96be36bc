import { expect, test, type Page } from '@playwright/test';
import { canvas, openExample, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openExample(page, /Enterprise/);
});

const cards = (page: Page) => canvas(page).locator('.react-flow__node-host');
const arrows = (page: Page) => canvas(page).locator('g[aria-roledescription="edge"]');

test('"Group similar hosts" draws 40 hosts as 11 stacked cards and the grouped rules as 13 arrows', async ({
  page,
}) => {
  await expect(cards(page)).toHaveCount(40);
  await page.getByLabel('Group similar hosts').check();
  await expect(cards(page)).toHaveCount(11);
  await expect(arrows(page)).toHaveCount(13);
  const nodes = canvas(page).getByRole('group', { name: /^8 × Processing node: SEG-NODE01, / });
  await expect(nodes).toBeVisible();
  // Arrows carry their rule numbers, as the Grouped rules tab numbers them.
  await expect(
    canvas(page).getByRole('group', {
      name: /^Flow from 8 × Processing node to 8 × Mail server: rule #5: tcp\/25,/,
    }),
  ).toHaveCount(1);

  // Selecting that arrow explains the flows between any of the hosts it stands for.
  await canvas(page)
    .getByRole('group', { name: /^Flow from 8 × Processing node to 8 × Mail server:/ })
    .focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(
    '8 × Processing node → 8 × Mail server',
  );
  await expect(details).toContainText('192.0.2.11, 192.0.2.12');

  // Off again: every host on its own.
  await page.getByLabel('Group similar hosts').uncheck();
  await expect(cards(page)).toHaveCount(40);
});

test('a stacked card opens in place with a double-click, or with Enter', async ({ page }) => {
  await page.getByLabel('Group similar hosts').check();
  const nodes = canvas(page).getByRole('group', { name: /^8 × Processing node:/ });
  await nodes.dblclick();
  await expect(cards(page)).toHaveCount(18);
  await expect(canvas(page).getByRole('group', { name: /^SEG-NODE05:/ })).toBeVisible();

  const mail = canvas(page).getByRole('group', { name: /^8 × Mail server:/ });
  await mail.focus();
  await page.keyboard.press('Enter');
  await expect(cards(page)).toHaveCount(25);
});

test('a stack is selected, unselected, dragged and folded as one', async ({ page }) => {
  await page.getByLabel('Group similar hosts').check();
  const nodes = canvas(page).getByRole('group', { name: /^8 × Processing node:/ });
  await nodes.click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: '8 hosts selected' })).toBeVisible();
  // A click on the empty canvas unselects all eight.
  await pane(page).click({ position: { x: 5, y: 300 } });
  await expect(details.getByRole('heading', { name: '8 hosts selected' })).toHaveCount(0);

  // Dragged one column to the right, as far as the DMZ allows its first card: every node stays in
  // the DMZ, though the last column's own spots would fall in the server network.
  await expect(canvas(page).getByRole('group', { name: /^Zone DMZ,/ })).toHaveAccessibleName(/10 hosts/);
  const box = (await nodes.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  const step = (240 * box.width) / 200 / 8; // 240 canvas px, at the view's zoom, in 8 moves
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width / 2 + i * step, box.y + 10);
  await page.mouse.up();
  await expect(canvas(page).getByRole('group', { name: /^Zone DMZ,/ })).toHaveAccessibleName(/10 hosts/);

  // Opened, then folded back from one of its hosts.
  await nodes.dblclick();
  await expect(cards(page)).toHaveCount(18);
  await canvas(page)
    .getByRole('group', { name: /^SEG-NODE03:/ })
    .dblclick();
  await expect(cards(page)).toHaveCount(11);
});
