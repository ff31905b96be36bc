import { expect, test } from '@playwright/test';

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
