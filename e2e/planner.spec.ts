import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { addByKeyboard, canvas, dragBy, edge, flowRow, hostNode, openExample, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('drag a component from the palette to a point on the canvas', async ({ page }) => {
  const target = pane(page);
  const box = (await target.boundingBox())!;
  await page
    .getByRole('navigation', { name: 'Components' })
    .getByRole('button', { name: 'Array Manager', exact: true })
    .dragTo(target, { targetPosition: { x: 300, y: 220 } });

  const node = hostNode(page, 'SEG-AM01');
  await expect(node).toBeVisible();
  const nodeBox = (await node.boundingBox())!;
  // The card is centred on the drop point.
  expect(Math.abs(nodeBox.x + nodeBox.width / 2 - (box.x + 300))).toBeLessThan(12);
  expect(Math.abs(nodeBox.y + nodeBox.height / 2 - (box.y + 220))).toBeLessThan(20);
  await expect(page.getByRole('complementary', { name: 'Details' }).getByLabel('Name')).toHaveValue(
    'SEG-AM01',
  );
});

test('add hosts with the keyboard alone; they appear in view, selected, with unique names', async ({
  page,
}) => {
  await addByKeyboard(page, 'DNS server');
  await page.keyboard.press('Space');
  await addByKeyboard(page, 'Processing node');

  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByLabel('Name')).toHaveValue('SEG-NODE01');
  for (const name of ['DNS01', 'DNS02', 'SEG-NODE01']) {
    const node = hostNode(page, name);
    await expect(node).toBeVisible();
    await expect(node).toBeInViewport();
  }
  await expect(hostNode(page, 'SEG-NODE01')).toHaveClass(/selected/);
});

test('changing the version from 8.0 to 10.0 replaces the workstation tcp/19001 flow with tcp/443', async ({
  page,
}) => {
  await addByKeyboard(page, 'Array Manager');
  await addByKeyboard(page, 'Admin workstation');
  await page.getByLabel('Product version').selectOption('8.0');

  await expect(edge(page, 'ADMIN-WS01', 'SEG-AM01')).toHaveAccessibleName(/: tcp\/19001,/);
  await expect(flowRow(page, /ADMIN-WS01.*SEG-AM01.*tcp\/19001/)).toHaveCount(1);

  await page.getByLabel('Product version').selectOption('10.0');
  await expect(edge(page, 'ADMIN-WS01', 'SEG-AM01')).toHaveAccessibleName(/: tcp\/443,/);
  await expect(flowRow(page, /ADMIN-WS01.*SEG-AM01.*tcp\/443/)).toHaveCount(1);
  await expect(flowRow(page, /ADMIN-WS01.*tcp\/19001/)).toHaveCount(0);
});

test('dragging a host into another zone makes its flows cross the firewall', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  await page.getByLabel('Include flows inside a zone').check();
  await page.getByLabel('Filter flows').fill('SQL01');
  await expect(edge(page, 'SEG-AM01', 'SQL01')).toHaveAccessibleName(/inside a zone$/);
  await expect(flowRow(page, /SEG-AM01.*SQL01.*tcp\/1433/)).toContainText('No');

  const dmz = (await canvas(page)
    .getByRole('group', { name: /^Zone DMZ,/ })
    .boundingBox())!;
  await dragBy(page, 'SQL01', { x: dmz.x + dmz.width / 2, y: dmz.y + dmz.height - 30 });

  await expect(edge(page, 'SEG-AM01', 'SQL01')).toHaveAccessibleName(/crosses a firewall$/);
  await expect(flowRow(page, /SEG-AM01.*SQL01.*tcp\/1433/)).toContainText('Yes');
  await expect(canvas(page).getByRole('group', { name: /^Zone DMZ,/ })).toHaveAccessibleName(/3 hosts/);

  // And back out again with Undo.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edge(page, 'SEG-AM01', 'SQL01')).toHaveAccessibleName(/inside a zone$/);
});

test('undo and redo with the buttons and the keyboard', async ({ page }) => {
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();
  await addByKeyboard(page, 'SQL Server');
  await expect(hostNode(page, 'SQL01')).toBeVisible();

  await undo.click();
  await expect(hostNode(page, 'SQL01')).toHaveCount(0);
  await redo.click();
  await expect(hostNode(page, 'SQL01')).toBeVisible();

  await pane(page).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(hostNode(page, 'SQL01')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(hostNode(page, 'SQL01')).toBeVisible();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(hostNode(page, 'SQL01')).toBeVisible();
});

test('delete a host with the Delete key, and a zone without losing its hosts', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  await hostNode(page, 'EXCH01').click();
  await page.keyboard.press('Delete');
  await expect(hostNode(page, 'EXCH01')).toHaveCount(0);

  // The Array Manager and SQL Server share the internal zone: no firewall between them.
  await expect(edge(page, 'SEG-AM01', 'SQL01')).toHaveAccessibleName(/inside a zone$/);
  await canvas(page)
    .getByRole('group', { name: /^Zone Internal network,/ })
    .click({ position: { x: 12, y: 40 } });
  await page.getByRole('button', { name: 'Delete zone' }).click();
  await expect(canvas(page).getByRole('group', { name: /^Zone Internal network,/ })).toHaveCount(0);
  // Its hosts stay, now in no zone, so the flow between them crosses a firewall.
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  await expect(hostNode(page, 'SQL01')).toBeVisible();
  await expect(edge(page, 'SEG-AM01', 'SQL01')).toHaveAccessibleName(/crosses a firewall$/);
});

test('the address field validates as you type with the engine message', async ({ page }) => {
  await addByKeyboard(page, 'Array Manager');
  const address = page.getByRole('complementary', { name: 'Details' }).getByLabel('Address');
  await address.fill('10.0.0.300');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('10.0.0.300 is not an IPv4 address')).toBeVisible();
  await address.fill('10.0.0.30');
  await expect(address).toHaveAttribute('aria-invalid', 'false');
  await expect(hostNode(page, 'SEG-AM01')).toHaveAccessibleName('SEG-AM01: Array Manager, 10.0.0.30');
});

test('roles can be added and removed, never the last one', async ({ page }) => {
  await addByKeyboard(page, 'Array Manager');
  const roles = page.getByRole('group', { name: 'Roles' });
  await roles.getByRole('checkbox', { name: 'Processing node' }).check();
  await expect(hostNode(page, 'SEG-AM01')).toHaveAccessibleName(/Array Manager, Processing node/);
  await expect(page.getByRole('complementary', { name: 'Details' })).toContainText('Local flows (2)');
  await roles.getByRole('checkbox', { name: 'Array Manager' }).uncheck();
  await expect(roles.getByRole('checkbox', { name: 'Processing node' })).toBeDisabled();
});

test('selecting a warning selects its hosts; selecting a flow row selects its edge', async ({ page }) => {
  await addByKeyboard(page, 'Array Manager');
  await addByKeyboard(page, 'Processing node');
  await page.getByRole('tab', { name: /Warnings/ }).click();
  await page.getByRole('button', { name: /No SQL Server in the plan/ }).click();
  await expect(page.getByRole('complementary', { name: 'Details' }).getByLabel('Name')).toHaveValue(
    'SEG-AM01',
  );

  await page.getByRole('tab', { name: /Flows/ }).click();
  await flowRow(page, /SEG-NODE01.*SEG-AM01.*tcp\/19001/).click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'SEG-NODE01 → SEG-AM01' })).toBeVisible();
  await expect(details).toContainText('Array Manager service');
  await expect(details).toContainText('Source: Trustwave KB 10905');
});

test('the flow table filter narrows the rows', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  await page.getByLabel('Include flows inside a zone').check();
  const filter = page.getByLabel('Filter flows');
  await filter.fill('tcp/1433');
  await expect(page.getByRole('table', { name: 'Flows' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByText(/^1 of \d+ flows$/)).toBeVisible();
});

test('the plan survives a reload', async ({ page }) => {
  await page.getByLabel('Plan name').fill('Contoso gateway');
  await addByKeyboard(page, 'Mail server');
  await expect(hostNode(page, 'MAIL01')).toBeVisible();
  await page.waitForFunction(() => localStorage.getItem('portolan.plan')?.includes('MAIL01'));
  await page.reload();
  await expect(hostNode(page, 'MAIL01')).toBeVisible();
  await expect(page.getByLabel('Plan name')).toHaveValue('Contoso gateway');
});

test('a saved plan that cannot be read is kept aside and reported', async ({ page }) => {
  const bad = JSON.stringify({
    format: 'portolan-plan',
    version: 1,
    name: 'Broken',
    productVersion: '10.0',
    zones: [],
    hosts: [{ id: 'h1', name: 'A', roles: ['array-manager'], address: '10.0.0.300' }],
  });
  await page.evaluate((text) => localStorage.setItem('portolan.plan', text), bad);
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The saved plan could not be read');
  await expect(alert).toContainText('hosts[0].address: 10.0.0.300 is not an IPv4 address');
  expect(await page.evaluate(() => localStorage.getItem('portolan.plan.unreadable'))).toBe(bad);
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the unreadable copy' }).click();
  expect((await download).suggestedFilename()).toBe('unreadable-plan.json');
});

test('New plan asks before discarding, and Undo brings the old plan back', async ({ page }) => {
  await openExample(page, /Single server/);
  await page.getByRole('button', { name: 'New plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new plan?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(hostNode(page, 'SEG01')).toBeVisible();

  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Replace plan' }).click();
  await expect(hostNode(page, 'SEG01')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(hostNode(page, 'SEG01')).toBeVisible();
});

// One test per theme, so the two run side by side; the WCAG A and AA rules are what the check is
// for. Transitions are switched off so colours are measured settled, never mid-change.
for (const theme of ['light', 'dark'] as const) {
  test(`the main screen has no serious accessibility violations (${theme} theme)`, async ({ page }) => {
    // axe reads the whole page: 10 to 13 s on an idle machine, close to 30 s beside a build.
    test.slow();
    await openExample(page, /DMZ relay/);
    await page.addStyleTag({
      content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
    });
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await hostNode(page, 'SEG-AM01').click();
    await expect(page.getByRole('complementary', { name: 'Details' }).getByLabel('Name')).toHaveValue(
      'SEG-AM01',
    );
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('"?" opens "Keyboard shortcuts", listing every command that has keys; Escape closes it', async ({
  page,
}) => {
  await page.goto('/');
  // Its key works once the panels are in (they load with the page).
  await expect(page.getByRole('navigation', { name: 'Components' })).toBeVisible();
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const commands = dialog.getByRole('table', { name: 'Commands' }).getByRole('row');
  await expect(commands).toHaveText([
    /^UndoCtrl\+Z$/,
    /^RedoCtrl\+Shift\+Z or Ctrl\+Y$/,
    /^DeleteDelete or Backspace$/,
    /^Clear selectionEscape$/,
    /^Tidy layoutAlt\+Shift\+L$/,
    /^CopyCtrl\+C$/,
    /^CutCtrl\+X$/,
    /^PasteCtrl\+V$/,
    /^DuplicateCtrl\+D$/,
    /^Select all hostsCtrl\+A$/,
    /^Keyboard shortcuts\?$/,
    /^Find a hostCtrl\+F$/,
  ]);
  // The canvas's own keys: walking it, and its context menu.
  const canvasKeys = dialog.getByRole('table', { name: 'On the canvas' });
  await expect(
    canvasKeys.getByRole('row', { name: /^Go to the next card or arrow that way Arrow keys$/ }),
  ).toHaveCount(1);
  await expect(canvasKeys.getByRole('row', { name: /Shift\+F10/ })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Enter on a palette item adds the host where it belongs and puts the keyboard in its name field', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  const details = page.getByRole('complementary', { name: 'Details' });
  // No zone selected: the new host lands outside every zone, whatever zone is mid-view.
  await addByKeyboard(page, 'DNS server');
  const name = details.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('DNS01');
  await page.keyboard.type('DNS-EDGE');
  await expect(name).toHaveValue('DNS-EDGE');
  await expect(details.getByLabel('Zone')).toHaveValue('');

  // With a zone selected, it goes to free space in that zone.
  await canvas(page)
    .getByRole('group', { name: /^Zone DMZ,/ })
    .click({ position: { x: 12, y: 12 } });
  await addByKeyboard(page, 'Mail server');
  await expect(name).toBeFocused();
  await expect(details.getByLabel('Zone').locator('option:checked')).toHaveText('DMZ (DMZ)');
});

test('Ctrl+C and Ctrl+V copy a host under a name of its own and without its address; Ctrl+D duplicates; Ctrl+A selects all', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  await hostNode(page, 'SEG-NODE01').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  const copy = hostNode(page, 'SEG-NODE03');
  await expect(copy).toBeVisible();
  await expect(copy).toContainText('no address');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByLabel('Name', { exact: true })).toHaveValue('SEG-NODE03');

  // Again: one more, a step further.
  await page.keyboard.press('Control+v');
  await expect(hostNode(page, 'SEG-NODE04')).toBeVisible();
  await hostNode(page, 'SEG-NODE04').click();
  await page.keyboard.press('Control+d');
  await expect(hostNode(page, 'SEG-NODE05')).toBeVisible();

  // One undo step each.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(hostNode(page, 'SEG-NODE05')).toHaveCount(0);

  await pane(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  await expect(details.getByRole('heading', { level: 2 })).toContainText('hosts');
});

test('an empty plan says how to start, with a button for each way', async ({ page }) => {
  await page.goto('/');
  const start = canvas(page).getByRole('region', { name: 'Start a plan' });
  await expect(start).toBeVisible();
  // A component: the keyboard goes to the palette, where Enter adds one.
  await start.getByRole('button', { name: 'Add a component' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Components' }).getByRole('button', { name: 'Array Manager' }),
  ).toBeFocused();
  // Hosts from a spreadsheet.
  await start.getByRole('button', { name: 'Import hosts from a spreadsheet' }).click();
  await expect(page.getByRole('dialog', { name: 'Import hosts' })).toBeVisible();
  await page.keyboard.press('Escape');
  // An example: opened at once (an empty plan loses nothing), and the invitation goes.
  await start.getByRole('button', { name: 'DMZ relay with internal array' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('DMZ relay with internal array');
  await expect(start).toHaveCount(0);
});

test('Ctrl+F on the canvas finds a host by name or address, selects it and puts the keyboard on its card', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /^Enterprise/);
  await pane(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  const find = page.getByRole('dialog', { name: 'Find a host' });
  await find.getByLabel('Name or address').fill('node05');
  await expect(find.getByRole('status')).toHaveText('1 host. Enter picks the first.');
  await page.keyboard.press('Enter');
  await expect(find).toBeHidden();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByLabel('Name', { exact: true })).toHaveValue('SEG-NODE05');
  await expect(hostNode(page, 'SEG-NODE05')).toBeFocused();
  await expect(hostNode(page, 'SEG-NODE05')).toBeInViewport();
});

test('several selected hosts get a zone and a role all at once, each change one undo step', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  await hostNode(page, 'SEG-NODE01').click();
  await hostNode(page, 'SEG-NODE02').click({ modifiers: ['Control'] });
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: '2 hosts selected' })).toBeVisible();

  await details.getByLabel('Zone of all').selectOption({ label: 'Internal network (trusted)' });
  await expect(details.getByLabel('Zone of all').locator('option:checked')).toHaveText(
    'Internal network (trusted)',
  );
  const roles = details.getByRole('group', { name: 'Roles of all' });
  // The last role of a host cannot go.
  await expect(roles.getByLabel('Processing node')).toBeDisabled();
  await roles.getByLabel('DNS server').check();
  await expect(hostNode(page, 'SEG-NODE01')).toHaveAccessibleName(/DNS server/);
  await expect(hostNode(page, 'SEG-NODE02')).toHaveAccessibleName(/DNS server/);
  // Now each has another: it can.
  await expect(roles.getByLabel('Processing node')).toBeEnabled();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(hostNode(page, 'SEG-NODE01')).not.toHaveAccessibleName(/DNS server/);
});
