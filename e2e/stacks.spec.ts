import { expect, test, type Page } from '@playwright/test';
import { canvas, openExample } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openExample(page, /Enterprise/);
});

const cards = (page: Page) => canvas(page).locator('.react-flow__node-host');
const arrows = (page: Page) =>
  canvas(page).locator('g[aria-roledescription="edge"]');

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
