import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { canvas, edge, exportAs, flowRow, openExample } from './helpers';

/** The change request CSV's flows, "source > destination protocol/port", sorted. */
async function csvFlows(page: Page): Promise<string[]> {
  const text = (await exportAs(page, 'CSV')).body.toString('utf8');
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(rows.errors).toEqual([]);
  return rows.data.map((r) => `${r['Source']} > ${r['Destination']} ${r['Protocol']}/${r['Port']}`).sort();
}

// The DMZ relay's 22 firewall-crossing flows: what its change request holds before anything is excluded.
const REQUEST = [
  'EXCH01 > SEG-NODE01 tcp/25',
  'EXCH01 > SEG-NODE02 tcp/25',
  'Internet > SEG-NODE01 tcp/25',
  'Internet > SEG-NODE02 tcp/25',
  'SEG-AM01 > Internet tcp/443',
  'SEG-AM01 > Internet tcp/80',
  'SEG-AM01 > SEG-NODE01 tcp/19001',
  'SEG-AM01 > SEG-NODE02 tcp/19001',
  'SEG-NODE01 > DC01 tcp/53',
  'SEG-NODE01 > DC01 udp/53',
  'SEG-NODE01 > EXCH01 tcp/25',
  'SEG-NODE01 > Internet tcp/25',
  'SEG-NODE01 > Internet tcp/443',
  'SEG-NODE01 > Internet tcp/80',
  'SEG-NODE01 > SEG-AM01 tcp/19001',
  'SEG-NODE02 > DC01 tcp/53',
  'SEG-NODE02 > DC01 udp/53',
  'SEG-NODE02 > EXCH01 tcp/25',
  'SEG-NODE02 > Internet tcp/25',
  'SEG-NODE02 > Internet tcp/443',
  'SEG-NODE02 > Internet tcp/80',
  'SEG-NODE02 > SEG-AM01 tcp/19001',
];
const without = (...gone: string[]) => REQUEST.filter((r) => !gone.includes(r));

const REASON = 'The DMZ nodes resolve names with the DMZ resolver';

test('flows marked not needed or already allowed leave the table and the CSV; the arrow fades; Undo brings them back', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  const count = page.getByRole('tabpanel').getByText(/^\d+ flows/);
  await expect(count).toHaveText('22 flows (6 inside a zone not shown)');
  expect(await csvFlows(page)).toEqual(REQUEST);

  const arrow = edge(page, 'SEG-NODE01', 'DC01');
  await arrow.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'SEG-NODE01 → DC01' })).toBeVisible();

  // Not needed: the reason is required.
  await details.getByRole('button', { name: 'Exclude udp/53…' }).click();
  const form = details.getByRole('form', { name: 'Exclude udp/53 from the change request' });
  await form.getByRole('radio', { name: 'Not needed' }).check();
  const reason = form.getByRole('textbox', { name: 'Reason' });
  await form.getByRole('button', { name: 'Exclude', exact: true }).click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription('A reason is required');
  await expect(reason).toBeFocused();
  await expect(flowRow(page, /SEG-NODE01.*DC01.*udp\/53/)).toHaveCount(1);

  await reason.fill(REASON);
  await page.screenshot({ path: test.info().outputPath('exclusions-edge-form.png') });
  await reason.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(details).toContainText(`Not needed: ${REASON}`);
  await expect(details.getByRole('button', { name: 'Include udp/53 again' })).toBeFocused();
  await expect(flowRow(page, /SEG-NODE01.*DC01.*udp\/53/)).toHaveCount(0);
  await expect(count).toHaveText('21 flows (1 excluded, not shown) (6 inside a zone not shown)');
  // One of the arrow's two flows is still requested: it is drawn as before.
  await expect(arrow).not.toHaveAccessibleName(/excluded from the change request$/);

  // Already allowed, with the existing rule's reference.
  await details.getByRole('button', { name: 'Exclude tcp/53…' }).click();
  const second = details.getByRole('form', { name: 'Exclude tcp/53 from the change request' });
  await expect(second.getByRole('radio', { name: 'Already allowed' })).toBeChecked();
  await second.getByRole('textbox', { name: /Reference to the existing rule/ }).fill('FW-2019-044');
  await second.getByRole('button', { name: 'Exclude', exact: true }).click();
  await expect(details).toContainText('Already allowed: FW-2019-044');
  await expect(details).toContainText('Excluded from the change request');
  await expect(count).toHaveText('20 flows (2 excluded, not shown) (6 inside a zone not shown)');

  // Every flow of the arrow is excluded: it is drawn faint, and says so.
  await expect(arrow).toHaveAccessibleName(
    /: udp\/53, tcp\/53, crosses a firewall, excluded from the change request$/,
  );
  const line = arrow.locator('path.portolan-edge');
  await expect(line).toHaveCSS('opacity', '0.3');
  await expect(edge(page, 'SEG-NODE02', 'DC01').locator('path.portolan-edge')).toHaveCSS('opacity', '1');

  expect(await csvFlows(page)).toEqual(without('SEG-NODE01 > DC01 udp/53', 'SEG-NODE01 > DC01 tcp/53'));

  // The table shows them again on request, with the decision.
  await page.getByRole('checkbox', { name: 'Show excluded flows' }).check();
  await expect(count).toHaveText('22 flows, 2 excluded (6 inside a zone not shown)');
  await expect(flowRow(page, /SEG-NODE01.*DC01.*udp\/53/)).toContainText(`Not needed: ${REASON}`);
  await expect(flowRow(page, /SEG-NODE01.*DC01.*tcp\/53/)).toContainText('Already allowed: FW-2019-044');
  await expect(flowRow(page, /SEG-NODE02.*DC01.*udp\/53/)).toContainText('Requested');
  await page.getByLabel('Filter flows').fill('DC01');
  await page.screenshot({ path: test.info().outputPath('exclusions-table.png') });
  await page.getByLabel('Filter flows').fill('');
  await page.getByRole('checkbox', { name: 'Show excluded flows' }).uncheck();

  // Each decision is one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(arrow).toHaveAccessibleName(/crosses a firewall$/);
  await expect(line).toHaveCSS('opacity', '1');
  await expect(flowRow(page, /SEG-NODE01.*DC01.*tcp\/53/)).toHaveCount(1);
  await expect(flowRow(page, /SEG-NODE01.*DC01.*udp\/53/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(flowRow(page, /SEG-NODE01.*DC01.*udp\/53/)).toHaveCount(1);
  await expect(count).toHaveText('22 flows (6 inside a zone not shown)');
  expect(await csvFlows(page)).toEqual(REQUEST);
});

test('an excluded flow is included again from the edge details; a flow inside a zone can be excluded too', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  await page.getByLabel('Include flows inside a zone').check();
  const count = page.getByRole('tabpanel').getByText(/^\d+ flows/);
  await expect(count).toHaveText('28 flows');

  const arrow = edge(page, 'SEG-AM01', 'SQL01');
  await arrow.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await details.getByRole('button', { name: 'Exclude tcp/1433…' }).click();
  await details.getByRole('radio', { name: 'Not needed' }).check();
  await details.getByRole('textbox', { name: 'Reason' }).fill('SQL01 is reached through the cluster address');
  await details.getByRole('button', { name: 'Exclude', exact: true }).click();
  await expect(count).toHaveText('27 flows (1 excluded, not shown)');
  await expect(arrow).toHaveAccessibleName(/inside a zone, excluded from the change request$/);
  expect(await csvFlows(page)).not.toContain('SEG-AM01 > SQL01 tcp/1433');

  await details.getByRole('button', { name: 'Include tcp/1433 again' }).click();
  await expect(count).toHaveText('28 flows');
  await expect(arrow).toHaveAccessibleName(/inside a zone$/);
  expect(await csvFlows(page)).toContain('SEG-AM01 > SQL01 tcp/1433');
});

test('a grouped rule is marked already allowed as a whole and leaves the grouped rules', async ({ page }) => {
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  await page.getByRole('tab', { name: 'Grouped rules' }).click();
  const rules = page.getByRole('table', { name: 'Grouped rules' });
  const dns = rules.getByRole('row').filter({ hasText: 'DC01' });
  await expect(dns).toHaveCount(1);
  await expect(dns).toContainText('tcp/53, udp/53');
  const before = await rules.getByRole('row').count();

  await dns.getByRole('button', { name: /^Exclude rule \d+…$/ }).click();
  const form = page.getByRole('form', { name: /^Exclude rule \d+ from the change request$/ });
  await form.getByRole('textbox', { name: /Reference to the existing rule/ }).fill('FW-2019-044');
  await form.getByRole('button', { name: 'Exclude', exact: true }).click();
  await expect(rules.getByRole('row').filter({ hasText: 'DC01' })).toHaveCount(0);
  await expect(rules.getByRole('row')).toHaveCount(before - 1);

  // Its four flows are gone from the request, each marked with the reference.
  await page.getByRole('tab', { name: 'Flows' }).click();
  await expect(page.getByRole('tabpanel').getByText(/^\d+ flows/)).toHaveText(
    '18 flows (4 excluded, not shown) (6 inside a zone not shown)',
  );
  await page.getByRole('checkbox', { name: 'Show excluded flows' }).check();
  await expect(flowRow(page, /DC01.*Already allowed: FW-2019-044/)).toHaveCount(4);
  expect(await csvFlows(page)).toEqual(
    without(
      'SEG-NODE01 > DC01 udp/53',
      'SEG-NODE01 > DC01 tcp/53',
      'SEG-NODE02 > DC01 udp/53',
      'SEG-NODE02 > DC01 tcp/53',
    ),
  );

  // Grouped on the canvas, the arrows stand for the rules still requested: none is drawn faint.
  await page.getByLabel('Group similar hosts').check();
  const arrows = canvas(page).locator('g[aria-roledescription="edge"]');
  await expect(arrows.first()).toBeVisible();
  await expect(canvas(page).getByRole('group', { name: /excluded from the change request$/ })).toHaveCount(0);
});
