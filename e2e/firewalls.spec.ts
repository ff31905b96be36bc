import { expect, test, type Page } from '@playwright/test';
import { addByKeyboard, canvas, edge, flowRow, hostNode, openExample, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

/** A firewall device's card, found by its accessible name ("Firewall FW-EDGE, FortiGate: …"). */
const device = (page: Page, name: string) =>
  canvas(page).getByRole('group', { name: new RegExp(`^Firewall ${name},`) });

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const flowTable = (page: Page) => page.getByRole('table', { name: 'Flows' });

test('a firewall added from the palette, named and bound to two zones, is the one the flows pass; undo takes it away', async ({
  page,
}) => {
  // One zone (the internal network) and the Internet in none: one device between them.
  await openExample(page, /Single server/);
  await expect(flowTable(page).getByRole('columnheader', { name: 'Firewalls' })).toHaveCount(0);

  await addByKeyboard(page, 'Firewall');
  const panel = details(page);
  await expect(panel.getByRole('heading', { name: 'FW-1' })).toBeVisible();
  await expect(device(page, 'FW-1')).toBeVisible();

  await panel.getByLabel('Name').fill('FW-EDGE');
  await panel.getByLabel('Vendor').selectOption({ label: 'FortiGate' });
  // The first interface faces the first zone; this one is turned to the hosts in no zone.
  await panel.getByRole('button', { name: 'Add interface' }).click();
  const first = panel.getByRole('group', { name: 'Interface 1' });
  await expect(first.getByLabel('Zone')).toHaveValue('internal');
  await first.getByLabel('Zone').selectOption({ label: '(no zone)' });
  await first.getByLabel('Interface name').fill('outside');
  await panel.getByRole('button', { name: 'Add interface' }).click();
  const second = panel.getByRole('group', { name: 'Interface 2' });
  await expect(second.getByLabel('Zone')).toHaveValue('internal');
  await second.getByLabel('Interface name').fill('inside');
  // Every zone is faced now: a third interface would have nowhere to go.
  await expect(panel.getByRole('button', { name: 'Add interface' })).toBeDisabled();

  // A name the device would not take is refused with the plan format's own words, and not kept.
  await second.getByLabel('Interface name').fill('eth 0');
  await expect(second.getByLabel('Interface name')).toHaveAttribute('aria-invalid', 'true');
  await expect(second).toContainText('"eth 0" is not an interface name');
  await second.getByLabel('Interface name').fill('inside');
  await expect(second.getByLabel('Interface name')).toHaveAttribute('aria-invalid', 'false');

  const card = device(page, 'FW-EDGE');
  await expect(card).toHaveAccessibleName(
    'Firewall FW-EDGE, FortiGate: interfaces outside to no zone, inside to Internal network',
  );

  // The flow table names the device each crossing flow passes.
  await expect(flowTable(page).getByRole('columnheader', { name: 'Firewalls' })).toBeVisible();
  await expect(flowRow(page, /SEG01\s*Internet\s*tcp\/25/).first()).toContainText('FW-EDGE');

  // So does an arrow's details.
  await edge(page, 'SEG01', 'Internet').focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'SEG01 → Internet' })).toBeVisible();
  await expect(panel).toContainText('Passes FW-EDGE');

  // Undo, step by step, back to before the device was added: the card and the column go.
  const undo = page.getByRole('button', { name: 'Undo' });
  for (
    let i = 0;
    i < 12 &&
    (await canvas(page)
      .getByRole('group', { name: /^Firewall / })
      .count());
    i++
  )
    await undo.click();
  await expect(canvas(page).getByRole('group', { name: /^Firewall / })).toHaveCount(0);
  await expect(flowTable(page).getByRole('columnheader', { name: 'Firewalls' })).toHaveCount(0);
  await expect(hostNode(page, 'SEG01')).toBeVisible();
  // The undo that took it away was its own: redo brings back the device as it was added.
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(device(page, 'FW-1')).toHaveAccessibleName('Firewall FW-1, Other: no interfaces');
});

test('a firewall dropped from the palette lands where it is dropped, and joins no zone', async ({ page }) => {
  await openExample(page, /Single server/);
  const target = pane(page);
  const box = (await target.boundingBox())!;
  await page
    .getByRole('navigation', { name: 'Components' })
    .getByRole('button', { name: 'Firewall', exact: true })
    .dragTo(target, { targetPosition: { x: 420, y: 120 } });
  const card = device(page, 'FW-1');
  await expect(card).toBeVisible();
  const at = (await card.boundingBox())!;
  expect(Math.abs(at.x + at.width / 2 - (box.x + 420))).toBeLessThan(16);
  expect(Math.abs(at.y + at.height / 2 - (box.y + 120))).toBeLessThan(16);
  await expect(card).toHaveAccessibleName('Firewall FW-1, Other: no interfaces');
  await expect(details(page).getByLabel('Name')).toHaveValue('FW-1');
});

test('a device card is dragged by the mouse, deleted by the Delete key, and both are undone', async ({
  page,
}) => {
  await openExample(page, /DMZ relay/);
  const core = device(page, 'FW-CORE');
  const name = await core.getAttribute('aria-label');
  const before = (await core.boundingBox())!;

  // Dragged onto the internal network, it stays the same device: it joins no zone it lands on.
  const start = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 24 * i, start.y - 8 * i);
  await page.mouse.up();
  await expect.poll(async () => (await core.boundingBox())!.x).toBeGreaterThan(before.x + 200);
  // Drawn from the plan again (the selection cleared), it stays where it was dropped.
  await page.keyboard.press('Escape');
  await expect(details(page).getByRole('heading', { name: 'FW-CORE' })).toHaveCount(0);
  expect((await core.boundingBox())!.x).toBeGreaterThan(before.x + 200);
  await expect(core).toHaveAccessibleName(name!);
  await expect(flowRow(page, /SEG-NODE01\s*EXCH01/).first()).toContainText('FW-CORE');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => Math.round((await core.boundingBox())!.x)).toBe(Math.round(before.x));

  // Selected and deleted with the key: the flows it carried now pass no device of the plan.
  await core.click();
  await expect(details(page).getByRole('heading', { name: 'FW-CORE' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(core).toHaveCount(0);
  await expect(flowRow(page, /SEG-NODE01\s*EXCH01/).first()).toContainText('(no path)');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(core).toHaveAccessibleName(name!);
  await expect(flowRow(page, /SEG-NODE01\s*EXCH01/).first()).toContainText('FW-CORE');
});
