import { expect, test, type Locator, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { generatePlan } from '../bench/plans';
import { canvas, DMZ_RELAY_HOSTS, hostNode, importPlan, openExample } from './helpers';

const HOSTS = DMZ_RELAY_HOSTS;
/** Its two firewall devices. */
const DEVICES = ['FW-EDGE', 'FW-CORE'];
const device = (page: Page, name: string) =>
  canvas(page).getByRole('group', { name: new RegExp(`^Firewall ${name},`) });

/**
 * Its grouped rules, by hand, as the Grouped rules tab lists them: under FW-EDGE (FortiGate), then
 * under FW-CORE (Cisco ASA); rule 7 passes both. Number, source, destination, services, interfaces.
 */
const RULES: [number: string, source: string, destination: string, services: string, interfaces: string][] = [
  ['4', 'DMZ-PROCESSING-NODES', 'Internet', 'tcp/25, tcp/80, tcp/443', 'dmz → wan1'],
  ['7', 'SEG-AM01', 'WWW-MARSHAL-COM', 'tcp/80, tcp/443', 'dmz → wan1'],
  ['8', 'Internet', 'DMZ-PROCESSING-NODES', 'tcp/25', 'wan1 → dmz'],
  ['1', 'DMZ-PROCESSING-NODES', 'EXCH01', 'tcp/25', 'dmz → inside'],
  ['2', 'DMZ-PROCESSING-NODES', 'DC01', 'tcp/53, udp/53', 'dmz → inside'],
  ['3', 'DMZ-PROCESSING-NODES', 'SEG-AM01', 'tcp/19001', 'dmz → inside'],
  ['5', 'EXCH01', 'DMZ-PROCESSING-NODES', 'tcp/25', 'inside → dmz'],
  ['6', 'SEG-AM01', 'DMZ-PROCESSING-NODES', 'tcp/19001', 'inside → dmz'],
  ['7', 'SEG-AM01', 'WWW-MARSHAL-COM', 'tcp/80, tcp/443', 'inside → dmz'],
];
/** Its address groups, by name. */
const GROUPS = ['DC01', 'DMZ-PROCESSING-NODES', 'EXCH01', 'Internet', 'SEG-AM01', 'WWW-MARSHAL-COM'];

/** Text matched literally inside a regular expression. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const ruleRow = (cells: string[]) => new RegExp(`^${cells.map(literal).join('[\\s\\S]*')}`);

/** An A4 landscape page less the 10 mm margins print.css asks for, in CSS pixels (96 to the inch). */
const PAGE_AREA = { width: 1047, height: 718 };

/** What the app shows around the diagram and tables, none of which belongs on paper. */
const chrome = (page: Page): [string, Locator][] => [
  ['toolbar', page.getByRole('banner')],
  ['palette', page.getByRole('navigation', { name: 'Components' })],
  ['side panel', page.getByRole('complementary', { name: 'Details' })],
  ['splitter', page.getByRole('separator', { name: 'Height of the tables' })],
  ['tables panel', page.getByRole('tablist', { name: 'Flows and warnings' })],
  ['flow table', page.getByRole('table', { name: 'Flows' })],
  ['canvas controls', page.getByRole('toolbar', { name: 'View' })],
  ['minimap', page.getByRole('img', { name: 'Minimap' })],
  ['"Group similar hosts"', page.getByRole('checkbox', { name: 'Group similar hosts' })],
];

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(PAGE_AREA);
  await page.goto('/');
  await openExample(page, /DMZ relay/);
  // Closer in than the fitted view: the screen now shows only part of the plan.
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  await zoomIn.click();
  await zoomIn.click();
  await expect(hostNode(page, 'Internet')).not.toBeInViewport({ ratio: 1 });
});

test('print media shows the whole diagram and every grouped rule, without the app around them', async ({
  page,
}) => {
  for (const [what, locator] of chrome(page)) await expect(locator, what).toBeVisible();

  await page.emulateMedia({ media: 'print' });

  for (const [what, locator] of chrome(page)) await expect(locator, what).toBeHidden();
  await expect(page.getByRole('heading', { name: 'DMZ relay with internal array', level: 1 })).toBeVisible();
  // Every card of the plan, whole, on the page (not cut off by the canvas's edge).
  // (All of it, but for the rounding of a scaled card's edges: a card cut off by even a pixel is below.)
  const whole = { ratio: 0.999 };
  for (const name of HOSTS) await expect(hostNode(page, name), name).toBeInViewport(whole);
  for (const name of DEVICES) await expect(device(page, name), name).toBeInViewport(whole);

  const rules = page.getByRole('table', { name: 'Grouped rules' });
  await expect(rules).toBeVisible();
  // A heading row, a row naming each device, and every rule under each device it passes.
  await expect(rules.getByRole('row')).toHaveCount(1 + DEVICES.length + RULES.length);
  await expect(rules.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveText(RULES.map(ruleRow));
  await expect(page.getByText('22 flows in the change request (firewall-crossing flows)')).toBeVisible();
  // A plan this small draws every card: nothing to warn of.
  await expect(page.getByText(/the diagram below shows the cards in view/)).toHaveCount(0);
  const groups = page.getByRole('table', { name: 'Address groups' });
  await expect(groups.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveText(
    GROUPS.map((g) => new RegExp(`^${literal(g)}`)),
  );

  // Back on screen: the app as it was, and nothing printed left in the page.
  await page.emulateMedia({ media: 'screen' });
  for (const [what, locator] of chrome(page)) await expect(locator, what).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Grouped rules' })).toHaveCount(0);
  await expect(hostNode(page, 'Internet')).not.toBeInViewport({ ratio: 1 });
});

interface PdfText {
  str: string;
  x: number;
  y: number;
}

async function readPdf(body: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(body), verbosity: 0 }).promise;
  const pages: { width: number; height: number; items: PdfText[] }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const [, , width, height] = p.view as [number, number, number, number];
    const items = (await p.getTextContent()).items.flatMap((it) =>
      'str' in it && it.str.trim()
        ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number }]
        : [],
    );
    pages.push({ width, height, items });
  }
  return pages;
}

test('the printed PDF has the whole diagram on its first page and the grouped rules after it', async ({
  page,
}, testInfo) => {
  // Printing in a dark app (here following the system's dark theme) prints in light colours, and
  // the app is dark again after.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);

  const pdf = await page.pdf({ format: 'A4', landscape: true, path: testInfo.outputPath('print.pdf') });
  await testInfo.attach('print.pdf', {
    path: testInfo.outputPath('print.pdf'),
    contentType: 'application/pdf',
  });
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);

  const pages = await readPdf(pdf);
  expect(pages).toHaveLength(2);
  const [diagram, tables] = pages as [(typeof pages)[0], (typeof pages)[0]];
  const onPage = (p: (typeof pages)[0]) => p.items.map((it) => it.str).join(' ');
  // 10 mm margins, in PDF points.
  const margin = (10 / 25.4) * 72;
  for (const name of [...HOSTS, ...DEVICES]) {
    const item = diagram.items.find((it) => it.str === name);
    expect(item, `${name} on page 1`).toBeDefined();
    expect(item!.x, name).toBeGreaterThanOrEqual(margin - 1);
    expect(item!.x, name).toBeLessThanOrEqual(diagram.width - margin);
    expect(item!.y, name).toBeGreaterThanOrEqual(margin - 1);
    expect(item!.y, name).toBeLessThanOrEqual(diagram.height - margin);
  }
  for (const app of [
    'Examples',
    'Components',
    'Group similar hosts',
    'Grouped rules',
    'Flows (22)',
    'Zoom In',
  ])
    expect(diagram.items.map((it) => it.str)).not.toContain(app);

  const text = onPage(tables).replace(/\s+/g, ' ');
  expect(text).toContain('Grouped rules');
  // (Its font joins "fl" in one glyph, which the PDF's text keeps apart.)
  expect(text.normalize('NFKC').replace(/ /g, '')).toContain('22flowsinthechangerequest');
  for (const [number, source, destination] of RULES)
    expect(text).toMatch(new RegExp(`\\b${number} ${literal(source)} .*${literal(destination)}`));
  for (const g of GROUPS) expect(text).toContain(g);
  expect(text).not.toContain('Exclude…');
});

test('a plan large enough that only the cards in view are drawn says so on the printed page', async ({
  page,
}) => {
  await importPlan(page, 'estate.json', generatePlan(300));
  await page.emulateMedia({ media: 'print' });
  await expect(
    page.getByText(
      'This plan has 300 hosts: the diagram below shows the cards in view on screen. Export → PDF or Diagram (SVG) draws all of them.',
    ),
  ).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});
