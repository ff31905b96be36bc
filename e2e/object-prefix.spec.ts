import { expect, test, type Page } from '@playwright/test';
import { exportAs, openExample, shareLink } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

/** The plan file's change request, as Export → Plan file writes it. */
async function exportedRequest(page: Page) {
  const file = await exportAs(page, 'Plan file');
  return (JSON.parse(file.body.toString('utf8')) as { changeRequest?: Record<string, unknown> })
    .changeRequest;
}

test('the object prefix: default from the plan name, a bad one refused inline, a good one kept in the plan', async ({
  page,
  browser,
}) => {
  await openExample(page, /DMZ relay/);
  const field = details(page).getByLabel('Object prefix');
  await expect(field).toHaveValue('');
  await expect(field).toHaveAttribute('placeholder', 'DMZ-RELAY');
  await expect(field).toHaveAccessibleDescription(
    'Starts every name the firewall files create. Default from the plan name: DMZ-RELAY.',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'false');

  // A prefix that breaks the rule is shown with the reason, and not kept.
  await field.fill('9bad');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(
    /^"9bad" is not a prefix: use letters, digits and "-", starting with a letter and not ending with "-"\. Not kept: the files use DMZ-RELAY\./,
  );
  await expect(details(page).getByText('"9bad" is not a prefix', { exact: false })).toBeVisible();
  expect((await exportedRequest(page))?.objectPrefix).toBeUndefined();

  await field.fill('ACME-FW');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(field).toHaveAccessibleDescription(
    'Starts every name the firewall files create. Clear it for the default from the plan name: DMZ-RELAY.',
  );
  expect((await exportedRequest(page))?.objectPrefix).toBe('ACME-FW');
  // The firewall files name what they create with it.
  const fortigate = (await exportAs(page, 'FortiGate')).body.toString('utf8');
  expect(fortigate).toContain('    edit "ACME-FW-SEG-NODE01"\n');
  // The example's FortiGate is its edge device, whose first rule is rule 4.
  expect(fortigate).toMatch(/^ {4}edit 0\n {8}set name "ACME-FW-4-/m);

  // One undo step, as for the other fields.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(field).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(field).toHaveValue('ACME-FW');

  // A share link carries it.
  const link = await shareLink(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByLabel('Plan name')).toHaveValue('DMZ relay with internal array');
  await expect(details(other).getByLabel('Object prefix')).toHaveValue('ACME-FW');
  await fresh.close();

  // The chosen prefix stays when the plan is renamed; clearing it goes back to the new default.
  await page.getByLabel('Plan name').fill('Contoso gateway');
  await expect(field).toHaveValue('ACME-FW');
  await field.fill('');
  await expect(field).toHaveAttribute('placeholder', 'CONTOSO');
  await expect(field).toHaveAccessibleDescription(
    'Starts every name the firewall files create. Default from the plan name: CONTOSO.',
  );
  expect((await exportedRequest(page))?.objectPrefix).toBeUndefined();
});
