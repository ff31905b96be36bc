import { expect, test } from '@playwright/test';
import { EXAMPLE_PLANS, serializePlan } from '../src/domain/plan';

test('the app loads with its title and talks to no other host', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(`${origin}/`) && !req.url().startsWith('data:')) foreign.push(req.url());
  });
  await page.goto('/');
  await expect(page).toHaveTitle(/Portolan/);
  await expect(page.getByRole('heading', { name: 'Portolan' })).toBeVisible();
  expect(foreign).toEqual([]);
});

test('when the arrows’ code cannot load, the cards stay and the page says to reload', async ({ page }) => {
  const plan = EXAMPLE_PLANS.find((e) => /DMZ relay/.test(e.label))!.plan;
  await page.addInitScript((text) => localStorage.setItem('portolan.plan', text), serializePlan(plan));
  await page.route(/\/assets\/FlowEdge-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByText('Part of Portolan could not load.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  // The rest of the page works: the cards, the panels.
  await expect(page.getByRole('group', { name: /^SEG-AM01:/ })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Details' })).toContainText('DMZ relay');
});
