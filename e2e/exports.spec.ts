import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Plan } from '../src/domain/plan';
import { hostNode, exportAs } from './helpers';

/**
 * A small plan at SEG 8.0, written out so that every expected row below can be checked by hand
 * against the vendor's port table (Trustwave KB 10905): an Internet host, one processing node in the
 * DMZ, and the Array Manager, SQL Server, a domain controller that also serves DNS, and the
 * administrators' workstations in the internal network.
 */
const PLAN: Plan = {
  format: 'portolan-plan',
  version: 3,
  name: 'Contoso gateway',
  productVersion: '8.0',
  zones: [
    { id: 'dmz', name: 'DMZ', trust: 'dmz', position: { x: 280, y: 40 }, size: { width: 260, height: 300 } },
    {
      id: 'lan',
      name: 'Internal network',
      trust: 'trusted',
      position: { x: 640, y: 20 },
      size: { width: 540, height: 360 },
    },
  ],
  hosts: [
    { id: 'internet', name: 'Internet', roles: ['internet'], position: { x: 30, y: 160 } },
    {
      id: 'node1',
      name: 'SEG-NODE01',
      roles: ['processing-node'],
      zone: 'dmz',
      address: '192.0.2.11',
      position: { x: 320, y: 160 },
    },
    {
      id: 'am',
      name: 'SEG-AM01',
      roles: ['array-manager'],
      zone: 'lan',
      address: '10.0.0.5',
      position: { x: 680, y: 160 },
    },
    {
      id: 'sql',
      name: 'SQL01',
      roles: ['sql-server'],
      zone: 'lan',
      address: '10.0.0.6',
      position: { x: 960, y: 60 },
    },
    {
      id: 'dc',
      name: 'DC01',
      roles: ['directory-server', 'dns-server'],
      zone: 'lan',
      address: '10.0.0.2',
      position: { x: 960, y: 170 },
    },
    {
      id: 'admin',
      name: 'ADMIN-WS01',
      roles: ['admin-workstation'],
      zone: 'lan',
      address: '10.0.5.0/24',
      position: { x: 960, y: 280 },
    },
  ],
  changeRequest: { title: 'SEG 8.0 firewall rules', requester: 'Dana Admin', ticket: 'CHG-2048' },
};

/** The plan file as a person would have it: plain JSON, written without the app's own serializer. */
const PLAN_TEXT = JSON.stringify(PLAN, null, 2);

/** The Justification column: each rule's explanation, as the catalog words it. */
const WHY = {
  smtp:
    'The processing nodes are the mail relays of the gateway. They accept mail from the Internet and from ' +
    'internal mail servers, and hand mail on to both, over SMTP on TCP port 25. Each node must be able to ' +
    'open and accept SMTP connections in both directions with every SMTP peer.',
  dns:
    'Every MailMarshal component resolves names through the DNS servers set in its configuration: reverse ' +
    '(PTR) checks on connecting servers, block-list look-ups, sender authentication checks, and MX look-ups ' +
    'to deliver to outside recipients. Queries go over UDP port 53, and over TCP port 53 when an answer is ' +
    'too large for UDP.',
  updates:
    'The automatic update feature of the Array Manager contacts www.marshal.com from time to time over ' +
    'HTTP and HTTPS to fetch new SpamCensor anti-spam definitions and, depending on the version, updates ' +
    'to other features.',
  nodeHttp:
    'Several features of the processing node services (Controller, Receiver and Engine) fetch content over ' +
    'HTTP and HTTPS. The sites involved are not a fixed list, so the nodes need general outbound web access ' +
    'rather than access to a few known addresses.',
  ldap:
    'The Array Manager queries Active Directory domain controllers or another LDAP directory on TCP port 389 ' +
    'to read group membership, to check SMTP AUTH credentials, and to look up the addresses that users may ' +
    'manage in the Spam Quarantine Management website.',
  sql:
    'The Array Manager keeps the configuration, message logs and quarantine records in a SQL Server ' +
    'database and connects to it on TCP port 1433. This connection is mandatory.',
  arrayManager:
    'The Controller service on each processing node connects to the Array Manager on TCP port 19001 to ' +
    'receive configuration updates and service commands. The web components connect to it as well, and ' +
    'before 10.0 so do the Configurator and Console on administrators\u2019 workstations.',
  controller:
    'The Array Manager connects to the Controller service on each processing node on TCP port 19001 to ' +
    'check the node\u2019s status and to carry out administrative tasks.',
};

const HEADER = [
  'Source',
  'Source Address',
  'Source Zone',
  'Destination',
  'Destination Address',
  'Destination Zone',
  'Protocol',
  'Port',
  'Rule',
  'Justification',
];

/*
 * The change request for PLAN, worked out by hand from KB 10905 at version 8.0, in the documented
 * order: by source zone, destination zone (zones alphabetically, no zone last), source, destination,
 * protocol, port. An Internet host without an address stands for "any". No management console
 * (tcp/443, from 10.0); the workstations reach the Array Manager on tcp/19001 (before 10.0).
 */
const CROSSING = [
  ['SEG-NODE01', '192.0.2.11', 'DMZ', 'DC01', '10.0.0.2', 'Internal network', 'tcp', '53', 'dns', WHY.dns],
  ['SEG-NODE01', '192.0.2.11', 'DMZ', 'DC01', '10.0.0.2', 'Internal network', 'udp', '53', 'dns', WHY.dns],
  [
    'SEG-NODE01',
    '192.0.2.11',
    'DMZ',
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'tcp',
    '19001',
    'array-manager-service',
    WHY.arrayManager,
  ],
  ['SEG-NODE01', '192.0.2.11', 'DMZ', 'Internet', 'any', '', 'tcp', '25', 'smtp', WHY.smtp],
  ['SEG-NODE01', '192.0.2.11', 'DMZ', 'Internet', 'any', '', 'tcp', '80', 'node-http', WHY.nodeHttp],
  ['SEG-NODE01', '192.0.2.11', 'DMZ', 'Internet', 'any', '', 'tcp', '443', 'node-http', WHY.nodeHttp],
  [
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'SEG-NODE01',
    '192.0.2.11',
    'DMZ',
    'tcp',
    '19001',
    'controller-service',
    WHY.controller,
  ],
  [
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'Internet',
    'www.marshal.com',
    '',
    'tcp',
    '80',
    'spamcensor-updates',
    WHY.updates,
  ],
  [
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'Internet',
    'www.marshal.com',
    '',
    'tcp',
    '443',
    'spamcensor-updates',
    WHY.updates,
  ],
  ['Internet', 'any', '', 'SEG-NODE01', '192.0.2.11', 'DMZ', 'tcp', '25', 'smtp', WHY.smtp],
];

/** The flows inside the internal network, which join the request when the checkbox is ticked. */
const INSIDE = [
  [
    'ADMIN-WS01',
    '10.0.5.0/24',
    'Internal network',
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'tcp',
    '19001',
    'array-manager-service',
    WHY.arrayManager,
  ],
  [
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'DC01',
    '10.0.0.2',
    'Internal network',
    'tcp',
    '53',
    'dns',
    WHY.dns,
  ],
  [
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'DC01',
    '10.0.0.2',
    'Internal network',
    'tcp',
    '389',
    'ldap',
    WHY.ldap,
  ],
  [
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'DC01',
    '10.0.0.2',
    'Internal network',
    'udp',
    '53',
    'dns',
    WHY.dns,
  ],
  [
    'SEG-AM01',
    '10.0.0.5',
    'Internal network',
    'SQL01',
    '10.0.0.6',
    'Internal network',
    'tcp',
    '1433',
    'sql',
    WHY.sql,
  ],
];

/** Both lists in the request's order: the internal network's own flows sit between its outgoing ones. */
const ALL = [...CROSSING.slice(0, 6), CROSSING[6]!, ...INSIDE, ...CROSSING.slice(7)];

async function importText(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import plan' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Reads the CSV with papaparse, an independent reader, after checking the byte-order mark and CRLF end. */
function readCsv(body: Buffer): string[][] {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1, -2), { delimiter: ',', newline: '\r\n', quoteChar: '"' });
  expect(result.errors).toEqual([]);
  return result.data;
}

async function pdfText(body: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(body), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += ` ${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}`;
  }
  return { pages: doc.numPages, text: text.replace(/\s+/g, ' ') };
}

/**
 * A line of the PDF's flow list (its appendix): source, its address, destination, its address,
 * protocol/port and catalog rule, after the number of the grouped rule that carries it.
 */
const pdfLine = (row: string[]) => ` ${row[0]} ${row[1]} ${row[3]} ${row[4]} ${row[6]}/${row[7]} ${row[8]}`;

/** The PDF's flow list: the text from its heading on. */
const flowList = (text: string) => {
  const at = text.indexOf('Appendix: flows');
  expect(at).toBeGreaterThan(0);
  return text.slice(at);
};

/** Text matched literally inside a regular expression. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('import a plan file, then export the CSV: the rows worked out by hand, in both scopes', async ({
  page,
}) => {
  await importText(page, 'contoso.portolan.json', PLAN_TEXT);
  await expect(page.getByLabel('Plan name')).toHaveValue('Contoso gateway');
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  await expect(page.getByLabel('Product version')).toHaveValue('8.0');

  const csv = await exportAs(page, 'CSV');
  expect(csv.name).toBe('Contoso gateway-firewall-request.csv');
  const [header, ...rows] = readCsv(csv.body);
  expect(header!.slice(0, 10)).toEqual(HEADER);
  expect(rows.map((r) => r.slice(0, 10))).toEqual(CROSSING);

  // The scope checkbox drives the export too.
  await page.getByLabel('Include flows inside a zone').check();
  const all = await exportAs(page, 'CSV');
  const [allHeader, ...allRows] = readCsv(all.body);
  expect(allHeader!.slice(0, 10)).toEqual(HEADER);
  expect(allRows.map((r) => r.slice(0, 10))).toEqual(ALL);
});

test('export the PDF: a valid change request holding the rows worked out by hand', async ({ page }) => {
  await importText(page, 'contoso.portolan.json', PLAN_TEXT);
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  const pdf = await exportAs(page, 'PDF');
  expect(pdf.name).toBe('Contoso gateway-firewall-request.pdf');
  expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { pages, text } = await pdfText(pdf.body);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(text).toContain('SEG 8.0 firewall rules');
  expect(text).toContain('CHG-2048');
  expect(text).toContain('DMZ -> Internal network');
  // Every row worked out by hand is in the flow list, once, after its grouped rule's number;
  // none of the flows inside the internal network.
  const list = flowList(text);
  for (const row of CROSSING) {
    expect(list.match(new RegExp(` \\d+${escape(pdfLine(row))}`, 'g')), pdfLine(row)).toHaveLength(1);
  }
  expect(list).not.toContain('SEG-AM01 10.0.0.5 SQL01 10.0.0.6 tcp/1433');
  await expect(page.getByRole('button', { name: 'Export', exact: true })).not.toHaveAttribute(
    'aria-busy',
    'true',
  );

  await page.getByLabel('Include flows inside a zone').check();
  const all = await pdfText((await exportAs(page, 'PDF')).body);
  const allList = flowList(all.text);
  for (const row of ALL) {
    expect(allList.match(new RegExp(` \\d+${escape(pdfLine(row))}`, 'g')), pdfLine(row)).toHaveLength(1);
  }
  expect(all.text).toContain('Internal network -> Internal network');
});

test('a name with a bidirectional control shows it as a code point in the flow table and the CSV', async ({
  page,
}) => {
  // U+202E reverses what follows: "DC\u202E10" would pass for "DC01".
  const spoofed: Plan = structuredClone(PLAN);
  spoofed.hosts[4]!.name = 'DC\u202E10';
  await importText(page, 'spoofed.portolan.json', JSON.stringify(spoofed, null, 2));
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  const table = page.getByRole('table', { name: 'Flows' });
  await expect(table).toContainText('DC<U+202E>10');
  expect(await table.textContent()).not.toContain('\u202E');

  const csv = await exportAs(page, 'CSV');
  expect(csv.body.toString('utf8')).not.toContain('\u202E');
  const [, first] = readCsv(csv.body);
  expect(first!.slice(0, 10)).toEqual([
    'SEG-NODE01',
    '192.0.2.11',
    'DMZ',
    'DC<U+202E>10',
    '10.0.0.2',
    'Internal network',
    'tcp',
    '53',
    'dns',
    WHY.dns,
  ]);
});

test('an invalid plan file shows every problem with its path and changes nothing', async ({ page }) => {
  await importText(page, 'good.portolan.json', PLAN_TEXT);
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  const bad = JSON.parse(PLAN_TEXT) as { hosts: { address?: string; zone?: string }[] };
  bad.hosts[3]!.address = '10.0.0.300';
  bad.hosts[4]!.zone = 'nowhere';
  await importText(page, 'bad.portolan.json', JSON.stringify(bad));
  const dialog = page.getByRole('dialog', { name: 'bad.portolan.json cannot be opened' });
  await expect(dialog).toBeVisible();
  const problems = dialog.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('hosts[3].address: 10.0.0.300 is not an IPv4 address');
  await expect(problems).toContainText('hosts[4].zone: no zone has the id "nowhere"');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('Contoso gateway');
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
});

test('a plan file from a newer format, or cut short, says so plainly', async ({ page }) => {
  const future = PLAN_TEXT.replace('"version": 3', '"version": 4');
  expect(future).not.toBe(PLAN_TEXT);
  await importText(page, 'future.portolan.json', future);
  const dialog = page.getByRole('dialog', { name: 'future.portolan.json cannot be opened' });
  await expect(dialog).toContainText('saved by a newer Portolan (plan format version 4)');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await importText(page, 'cut.portolan.json', PLAN_TEXT.slice(0, PLAN_TEXT.length / 2));
  await expect(page.getByRole('dialog', { name: 'cut.portolan.json cannot be opened' })).toContainText(
    'may be truncated',
  );
});

test('a file larger than any plan is refused with its size, before it is read', async ({ page }) => {
  await importText(page, 'good.portolan.json', PLAN_TEXT);
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  // One byte past the 26 MB limit (the largest plan the format allows is 25.1 MB), dropped on the
  // page: the file is made in the page, as sending 26 MB through the file chooser is slow.
  const data = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(26_000_001)], 'huge.portolan.json', { type: 'application/json' }));
    return dt;
  });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  const dialog = page.getByRole('dialog', { name: 'huge.portolan.json cannot be opened' });
  await expect(dialog).toContainText('the file is 26.1 MB; a plan file is at most 26 MB');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('Contoso gateway');
});

test('export the plan and import it again: same plan, same flows', async ({ page }) => {
  await importText(page, 'contoso.portolan.json', PLAN_TEXT);
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  const file = await exportAs(page, 'Plan file');
  expect(file.name).toBe('Contoso gateway.portolan.json');
  expect(JSON.parse(file.body.toString('utf8'))).toEqual(PLAN);

  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Replace plan' }).click();
  await expect(hostNode(page, 'SEG-AM01')).toHaveCount(0);
  await importText(page, file.name, file.body.toString('utf8'));
  await expect(hostNode(page, 'SEG-AM01')).toBeVisible();
  // 10 flows cross a firewall and 5 stay inside the internal network (the rows listed above).
  await expect(page.getByText('10 flows (5 inside a zone not shown)', { exact: true })).toBeVisible();
  await page.getByLabel('Include flows inside a zone').check();
  await expect(page.getByText('15 flows', { exact: true })).toBeVisible();
});

test('a plan file dropped on the page is imported', async ({ page }) => {
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.portolan.json', { type: 'application/json' }));
    return dt;
  }, PLAN_TEXT);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect(page.getByLabel('Plan name')).toHaveValue('Contoso gateway');
});
