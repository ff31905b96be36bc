import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { exportAs, openExample } from './helpers';

/** Reads a CSV with papaparse (an independent reader) into objects keyed by the header row. */
function read(body: Buffer): Record<string, string>[] {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

test('the grouped rules CSV folds the Enterprise request into few rules that allow exactly its flows', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /Enterprise/);
  const perFlow = read((await exportAs(page, 'CSV')).body);
  const grouped = await exportAs(page, 'Grouped rules CSV');
  expect(grouped.name).toBe('Enterprise-firewall-rules.csv');
  const rules = read(grouped.body);

  // Eight nodes to eight mail servers on tcp/25 is one rule, not 64 rows.
  const nodes = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `SEG-NODE0${n}`).join('; ');
  const mail = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `EXCH0${n}`).join('; ');
  const smtp = rules.filter((r) => r['Sources'] === nodes && r['Destinations'] === mail);
  expect(smtp).toHaveLength(1);
  expect(smtp[0]!['Services']).toBe('tcp/25');
  expect(smtp[0]!['Action']).toBe('Allow');
  expect(rules.length).toBeLessThan(perFlow.length / 4);
  expect(rules.map((r) => r['Rule'])).toEqual(rules.map((_, i) => String(i + 1)));

  // Expanding every rule (each source × each destination × each service, with their addresses)
  // gives exactly the per-flow rows: no flow more, none fewer, none twice.
  const expanded: string[] = [];
  for (const r of rules) {
    const sources = r['Sources']!.split('; ');
    const sourceAddresses = r['Source Addresses']!.split('; ');
    const destinations = r['Destinations']!.split('; ');
    const destinationAddresses = r['Destination Addresses']!.split('; ');
    expect(sourceAddresses).toHaveLength(sources.length);
    expect(destinationAddresses).toHaveLength(destinations.length);
    sources.forEach((s, i) =>
      destinations.forEach((d, j) => {
        for (const service of r['Services']!.split('; '))
          expanded.push(`${s} ${sourceAddresses[i]} > ${d} ${destinationAddresses[j]} ${service}`);
      }),
    );
  }
  const flows = perFlow.map(
    (f) =>
      `${f['Source']} ${f['Source Address']} > ${f['Destination']} ${f['Destination Address']} ${f['Protocol']}/${f['Port']}`,
  );
  expect(new Set(expanded).size).toBe(expanded.length);
  expect(expanded.sort()).toEqual(flows.sort());
});

test('groups can be renamed in the Grouped rules view; the name is checked and kept in the plan', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /Enterprise/);
  await page.getByRole('tab', { name: 'Grouped rules' }).click();
  const groups = page.getByRole('table', { name: 'Address groups' });
  // The group of exactly the eight nodes (another holds them with the web components).
  const eight = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `SEG-NODE0${n}`).join(', ');
  const row = groups.getByRole('row').filter({ hasText: eight, hasNotText: 'SEG-WEB01' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Rename group / }).click();
  const field = row.getByRole('textbox', { name: /^New name for group / });
  await field.fill('bad name!');
  await expect(row.getByText(/is not a valid group name/)).toBeVisible();
  await expect(row.getByRole('button', { name: 'Save' })).toBeDisabled();
  await field.fill('DMZ-RELAYS');
  await field.press('Enter');
  await expect(row).toContainText('DMZ-RELAYS');
  await expect(page.getByRole('table', { name: 'Grouped rules' })).toContainText('DMZ-RELAYS');

  const rules = read((await exportAs(page, 'Grouped rules CSV')).body);
  expect(rules.some((r) => r['Source Group'] === 'DMZ-RELAYS')).toBe(true);
  const file = JSON.parse((await exportAs(page, 'Plan file')).body.toString('utf8')) as {
    groupNames?: Record<string, string>;
  };
  expect(Object.values(file.groupNames ?? {})).toContain('DMZ-RELAYS');

  // One undo step takes the name back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row).not.toContainText('DMZ-RELAYS');
});

test('a firewall file says what it cannot express before it is saved, and then saves it', async ({
  page,
}) => {
  await page.goto('/');
  // A plan without devices: one file for the plan, as it always was.
  await openExample(page, /Single server/);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page
    .getByRole('menu', { name: 'Export' })
    .getByRole('menuitem', { name: 'nftables', exact: true })
    .click();
  // The SpamCensor update site is a DNS name: nftables matches addresses only.
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('cannot express one thing in the plan');
  await expect(dialog).toContainText('Rule 2:');
  await expect(dialog).toContainText('www.marshal.com');
  const event = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save the file' }).click();
  const file = await event;
  expect(file.suggestedFilename()).toBe('Single server-nftables.nft');
  const text = (await readFile(await file.path())).toString('utf8');
  expect(text).toContain('table inet SINGLE_portolan {');
  expect(text).toContain('# Rule 2:');
});

test('a plan with devices gets one file per device of the vendor, and none for a vendor it lacks', async ({
  page,
}) => {
  await page.goto('/');
  // The DMZ relay has an edge FortiGate (FW-EDGE) and an internal Cisco ASA (FW-CORE).
  await openExample(page, /DMZ relay/);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page
    .getByRole('menu', { name: 'Export' })
    .getByRole('menuitem', { name: 'nftables', exact: true })
    .click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    "The plan's firewalls are FW-EDGE (FortiGate) and FW-CORE (Cisco ASA): none is an nftables device.",
  );
  await expect(alert).toContainText("Set a device's vendor to nftables to export its rules.");

  const fortigate = await exportAs(page, 'FortiGate');
  expect(fortigate.name).toBe('DMZ relay with internal array-FW-EDGE-fortigate.conf');
  const text = fortigate.body.toString('utf8');
  expect(text).toContain('# Device: FW-EDGE (FortiGate)');
  expect(text).toContain('set srcintf "wan1"');
  expect(text).not.toContain('set srcintf "any"');
  // Rule 1 (the nodes to EXCH01) passes only FW-CORE.
  expect(text).not.toContain('EXCH01');

  const asa = await exportAs(page, 'Cisco ASA');
  expect(asa.name).toBe('DMZ relay with internal array-FW-CORE-cisco-asa.txt');
  expect(asa.body.toString('utf8')).toMatch(/^access-group DMZ-RELAY-inside-in in interface inside$/m);
  // The refused nftables export saved nothing.
  expect(downloads).toEqual([fortigate.name, asa.name]);
});
