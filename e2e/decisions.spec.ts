import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import Papa from 'papaparse';
import { bringIntoView, edge, exportAs, hostNode, openExample } from './helpers';

/*
 * Every kind of decision on the "Two sites, two arrays" example, then what the change request
 * says: a feature switched off, a node moved to the other array, the Array Manager restricted to
 * one DNS server, and a flow excluded with its reason. The expected rows are worked out by hand
 * from the example (docs: src/domain/plan/examples.ts).
 */

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });

async function csvRows(page: Page): Promise<Set<string>> {
  const text = (await exportAs(page, 'CSV')).body.toString('utf8');
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(rows.errors).toEqual([]);
  return new Set(
    rows.data.map((r) => `${r['Source']} > ${r['Destination']} ${r['Protocol']}/${r['Port']} ${r['Rule']}`),
  );
}

async function pdfWords(page: Page): Promise<string> {
  const body = (await exportAs(page, 'PDF')).body;
  const doc = await getDocument({ data: new Uint8Array(body), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += ` ${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}`;
  }
  return text.replace(/\s+/g, ' ');
}

const REASON = 'Outbound mail leaves through EXCH02 only';

test('features, arrays, counterparts and an exclusion reach the table, the CSV and the PDF', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /Two sites, two arrays/);
  await page.getByLabel('Include flows inside a zone').check();
  const before = await csvRows(page);
  // What the example asks for before these decisions.
  for (const row of [
    'SEG-AM01 > Internet tcp/80 spamcensor-updates',
    'SEG-NODE01 > SEG-AM01 tcp/19001 array-manager-service',
    'SEG-AM01 > DNS02 udp/53 dns',
    'SEG-NODE01 > EXCH01 tcp/25 smtp',
    'SEG-NODE01 > DNS-DMZ01 udp/53 dns',
  ])
    expect(before, row).toContain(row);
  expect(before).not.toContain('SEG-NODE01 > DNS01 udp/53 dns');
  expect(before).not.toContain('SEG-NODE01 > SEG-AM02 tcp/19001 array-manager-service');

  // A feature switched off, in the plan panel (nothing selected).
  const features = details(page)
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Features in use' }) });
  await features.getByRole('checkbox', { name: 'Automatic SpamCensor updates' }).uncheck();

  // SEG-NODE01 joins SEG-AM02's array, and resolves names with DNS01 instead of DNS-DMZ01.
  await bringIntoView(page, hostNode(page, 'SEG-NODE01'));
  await hostNode(page, 'SEG-NODE01').click();
  await details(page).getByLabel('Array', { exact: true }).selectOption({ label: 'SEG-AM02' });
  const nodeDns = details(page).getByRole('group', { name: 'Uses DNS servers' });
  await nodeDns.getByRole('checkbox', { name: 'DNS01', exact: true }).check();
  await nodeDns.getByRole('checkbox', { name: 'DNS-DMZ01', exact: true }).uncheck();
  await expect(nodeDns).toContainText('1 of 4: DNS01.');

  // SEG-AM01 uses DNS01 only.
  await hostNode(page, 'SEG-AM01').click();
  await details(page)
    .getByRole('group', { name: 'Uses DNS servers' })
    .getByRole('checkbox', { name: 'DNS02', exact: true })
    .uncheck();

  // SEG-NODE01 → EXCH01 tcp/25 is not needed, and says why.
  const arrow = edge(page, 'SEG-NODE01', 'EXCH01');
  await arrow.focus();
  await page.keyboard.press('Enter');
  await details(page).getByRole('button', { name: 'Exclude tcp/25…' }).click();
  const form = details(page).getByRole('form', { name: 'Exclude tcp/25 from the change request' });
  await form.getByRole('radio', { name: 'Not needed' }).check();
  await form.getByRole('textbox', { name: 'Reason' }).fill(REASON);
  await form.getByRole('textbox', { name: 'Reason' }).press('Enter');
  await expect(arrow).toHaveAccessibleName(/excluded from the change request$/);

  // The table: the flow table no longer lists what the decisions took out.
  const table = page.getByRole('table', { name: 'Flows' });
  await page.getByLabel('Filter flows').fill('SEG-NODE01 19001');
  await expect(table.getByRole('row').filter({ hasText: 'SEG-AM02' })).toHaveCount(2);
  await expect(table.getByRole('row').filter({ hasText: 'SEG-AM01' })).toHaveCount(0);
  await page.getByLabel('Filter flows').fill('spamcensor');
  await expect(table.locator('tbody tr[data-row]')).toHaveCount(0);
  await page.getByLabel('Filter flows').fill('');

  // The CSV.
  const after = await csvRows(page);
  for (const row of [
    'SEG-AM01 > Internet tcp/80 spamcensor-updates',
    'SEG-AM01 > Internet tcp/443 spamcensor-updates',
    'SEG-NODE01 > SEG-AM01 tcp/19001 array-manager-service',
    'SEG-AM01 > SEG-NODE01 tcp/19001 controller-service',
    'SEG-AM01 > DNS02 udp/53 dns',
    'SEG-AM01 > DNS02 tcp/53 dns',
    'SEG-NODE01 > EXCH01 tcp/25 smtp',
    'SEG-NODE01 > DNS-DMZ01 udp/53 dns',
    'SEG-NODE01 > DNS-DMZ01 tcp/53 dns',
  ])
    expect(after, row).not.toContain(row);
  for (const row of [
    'SEG-NODE01 > SEG-AM02 tcp/19001 array-manager-service',
    'SEG-AM02 > SEG-NODE01 tcp/19001 controller-service',
    'SEG-AM01 > DNS01 udp/53 dns',
    'SEG-NODE01 > DNS01 udp/53 dns',
    'SEG-NODE01 > DNS01 tcp/53 dns',
    // SEG-NODE01 still relays through the other mail servers.
    'SEG-NODE01 > EXCH02 tcp/25 smtp',
  ])
    expect(after, row).toContain(row);

  // The PDF: the excluded flow in its own section with the reason, and the decisions in the appendix.
  const pdf = await pdfWords(page);
  expect(pdf).toContain('Excluded flows');
  expect(pdf).toContain(`Not needed ${REASON}`);
  expect(pdf).toContain('Features not in use: Automatic SpamCensor updates.');
  expect(pdf).toContain('Hosts keep to their own array (SEG-AM01, SEG-AM02).');
  expect(pdf).not.toContain('www.marshal.com');
  // The flow list in the appendix: the node's DNS flows go to DNS01 only.
  expect(pdf).toContain('SEG-NODE01 192.0.2.11 DNS01 10.0.0.53 udp/53 dns');
  expect(pdf).not.toContain('SEG-NODE01 192.0.2.11 DNS-DMZ01');
});
