import { expect, test } from '@playwright/test';

import { generateClientEstate, generatePlan } from '../bench/plans';
import { canvas, importPlan } from './helpers';

/*
 * A 1,000-host estate (12,829 arrows): it opens at a size the cards can be read at, draws only the
 * cards in view and its arrows together, and still shows a flow picked from the table.
 */
test('a 1,000-host plan opens legible, drawing the cards in view and its arrows together', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await importPlan(page, 'estate.portolan.json', generatePlan(1000));

  // Not fitted down to a tenth: the view stays at a size the cards can be read at (45 % or more).
  const zoom = () =>
    page.locator('.react-flow__viewport').evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
  await expect.poll(zoom).toBeGreaterThanOrEqual(0.45);
  // Only the cards in view are drawn: some, far from all 1,000.
  const cards = canvas(page).locator('.react-flow__node-host');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeLessThan(200);
  // The arrows are drawn together, and a screen reader hears where to find them one by one.
  await expect(
    canvas(page).getByText('12,829 arrows, drawn together: the flow table lists and selects each.'),
  ).toBeAttached();
  expect(await canvas(page).locator('.react-flow__edge-flow').count()).toBe(0);

  // A flow picked in the table is drawn selected over the rest.
  await page.getByRole('table', { name: 'Flows' }).getByRole('row').nth(1).click();
  await expect(canvas(page).locator('.portolan-flows-selected path')).toHaveCount(1);
});

test('a long export shows its progress and can be cancelled; nothing is saved then', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await importPlan(page, 'estate.portolan.json', generatePlan(1000));
  let saved = false;
  page.on('download', () => (saved = true));

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page
    .getByRole('menu', { name: 'Export' })
    .getByRole('menuitem', { name: 'PDF', exact: true })
    .click();
  // Past a second: a notice with a bar that moves as the parts are built, and Cancel.
  const notice = page.getByRole('status').filter({ hasText: 'Building the PDF…' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const bar = notice.getByRole('progressbar', { name: 'Building the PDF… progress' });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await notice.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The PDF was not built.' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(saved).toBe(false);
});

test('a Tidy layout that takes more than a second can be stopped, and then nothing moves', async ({
  page,
}) => {
  test.slow();
  await page.goto('/');
  await importPlan(page, 'clients.portolan.json', generateClientEstate(2000));
  const card = canvas(page).locator('.react-flow__node-host').first();
  const before = await card.getAttribute('style');

  await page.getByRole('button', { name: 'Tidy layout' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Laying out the plan…' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await notice.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The layout was stopped; nothing moved.' }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Laid out the plan.' })).toHaveCount(0);
  expect(await card.getAttribute('style')).toBe(before);
  // Tidy is ready again.
  await expect(page.getByRole('button', { name: 'Tidy layout' })).toBeEnabled();
});
