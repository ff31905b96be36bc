import { expect, test, type Page } from '@playwright/test';
import { hostNode, openExample, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const arraySelect = (page: Page) => details(page).getByLabel('Array', { exact: true });

/**
 * Opens an example and waits for the canvas to fit it (it starts at full size and fits both
 * examples smaller), so a click never lands on a card that is about to move. (Fitted, the
 * Enterprise's left column of cards is partly under the palette: the tests click the others.)
 */
async function openFitted(page: Page, label: RegExp) {
  await openExample(page, label);
  const zoom = () =>
    page.locator('.react-flow__viewport').evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
  await expect.poll(zoom).toBeLessThan(1);
}

/** Selects the first host by its card, then adds the others with Ctrl+click. */
async function selectHosts(page: Page, [first, ...more]: string[]) {
  await hostNode(page, first!).click();
  await expect(details(page).getByLabel('Name', { exact: true })).toHaveValue(first!);
  for (const name of more) await hostNode(page, name).click({ modifiers: ['Control'] });
  await expect(
    details(page).getByRole('heading', { name: `${more.length + 1} hosts selected` }),
  ).toBeVisible();
}

/**
 * A single host's panel, and the array its own Array field shows. (The selection is cleared
 * first: a click on a card already selected with others keeps them all.)
 */
async function expectArrayOf(page: Page, name: string, array: string) {
  await pane(page).click({ position: { x: 5, y: 5 } });
  await hostNode(page, name).click();
  await expect(details(page).getByLabel('Name', { exact: true })).toHaveValue(name);
  await expect(arraySelect(page).locator('option:checked')).toHaveText(array);
}

test('several selected hosts join one array at once, one undo step; hosts that cannot be in one stay', async ({
  page,
}) => {
  await openFitted(page, /^Enterprise/);
  await selectHosts(page, ['SEG-NODE02', 'SEG-NODE03', 'SEG-WEB02', 'SEG-AM01', 'DC01']);
  const array = arraySelect(page);
  await expect(array).toBeEnabled();
  await expect(array).toHaveAccessibleDescription(
    'Applies to 3 of the 5 selected hosts: processing nodes and web components.',
  );
  await expect(array.locator('option')).toHaveText(['— (every array)', 'SEG-AM01', 'SEG-AM02']);
  await expect(array.locator('option:checked')).toHaveText('— (every array)');

  await array.selectOption({ label: 'SEG-AM02' });
  await expect(array.locator('option:checked')).toHaveText('SEG-AM02');
  for (const name of ['SEG-NODE02', 'SEG-NODE03', 'SEG-WEB02'])
    await expect(hostNode(page, name)).toHaveAccessibleName(new RegExp(`^${name}: .*, array SEG-AM02$`));
  // The Array Manager and the domain controller are as they were.
  await expect(hostNode(page, 'SEG-AM01')).toHaveAccessibleName(/, array head$/);
  await expect(hostNode(page, 'DC01')).toHaveAccessibleName('DC01: Domain controller / LDAP, 10.0.0.2');
  await expect(hostNode(page, 'SEG-NODE04')).toHaveAccessibleName(/, no array$/);

  // Each host's own panel says so.
  for (const name of ['SEG-NODE02', 'SEG-NODE03', 'SEG-WEB02']) await expectArrayOf(page, name, 'SEG-AM02');

  // Hosts in different arrays: the choice shows "Mixed".
  await selectHosts(page, ['SEG-NODE02', 'SEG-NODE04']);
  await expect(arraySelect(page).locator('option:checked')).toHaveText('Mixed');
  await expect(arraySelect(page)).toHaveAccessibleDescription('');

  // Undo takes all three back out in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  for (const name of ['SEG-NODE02', 'SEG-NODE03', 'SEG-WEB02'])
    await expect(hostNode(page, name)).toHaveAccessibleName(new RegExp(`^${name}: .*, no array$`));
  await expect(arraySelect(page).locator('option:checked')).toHaveText('— (every array)');
  await expect(arraySelect(page)).toHaveAccessibleDescription(
    'In no array, they talk to every Array Manager.',
  );
  await expectArrayOf(page, 'SEG-NODE02', '— (every array)');
});

test('the array choice is off when no selected host can be in an array', async ({ page }) => {
  await openFitted(page, /^Enterprise/);
  await selectHosts(page, ['SEG-AM01', 'DC01']);
  await expect(arraySelect(page)).toBeDisabled();
  await expect(arraySelect(page)).toHaveAccessibleDescription(
    'None of the 2 selected hosts can be in an array: only processing nodes and web components can.',
  );
});

test('with one Array Manager there is no array to choose, and with none the panel says so', async ({
  page,
}) => {
  await openFitted(page, /DMZ relay/);
  await selectHosts(page, ['SEG-NODE01', 'SEG-NODE02']);
  await expect(arraySelect(page)).toHaveCount(0);
  await expect(details(page)).toContainText(
    'One Array Manager in the plan (SEG-AM01): every processing node and web components host is in its array.',
  );

  await hostNode(page, 'SEG-AM01').click();
  await expect(details(page).getByLabel('Name', { exact: true })).toHaveValue('SEG-AM01');
  await details(page).getByRole('button', { name: 'Delete host' }).click();
  await expect(hostNode(page, 'SEG-AM01')).toHaveCount(0);
  await selectHosts(page, ['SEG-NODE01', 'SEG-NODE02']);
  await expect(arraySelect(page)).toHaveCount(0);
  await expect(details(page)).toContainText(
    'No Array Manager in the plan: add one to put processing nodes and web components in its array.',
  );
});
