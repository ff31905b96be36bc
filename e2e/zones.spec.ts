import { expect, test, type Page } from '@playwright/test';
import { DMZ_RELAY } from '../src/domain/plan';
import { canvas, hostNode, openExample, pane } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

/** Every arrow's accessible name and the screen point halfway along its line. */
async function arrowMidpoints(page: Page) {
  await expect(canvas(page).locator('[aria-busy="true"]')).toHaveCount(0);
  return canvas(page)
    .locator('g[aria-roledescription="edge"]')
    .evaluateAll((groups) =>
      groups.map((g) => {
        const path = g.querySelector('path.react-flow__edge-interaction') as SVGPathElement;
        const half = path.getPointAtLength(path.getTotalLength() / 2);
        const m = path.getScreenCTM()!;
        const x = m.a * half.x + m.c * half.y + m.e;
        const y = m.b * half.x + m.d * half.y + m.f;
        // Whether the point is in the open, not under the minimap, the zoom buttons or a notice.
        const top = document.elementFromPoint(x, y);
        const covered =
          !top ||
          !!top.closest('.react-flow__minimap, .react-flow__controls, [role="status"], [role="alert"]');
        return { name: g.getAttribute('aria-label')!, x, y, covered };
      }),
    );
}

test('Enter on a focused arrow selects it, every time', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  const details = page.getByRole('complementary', { name: 'Details' });
  for (let i = 0; i < 4; i++) {
    await canvas(page).locator('g[aria-roledescription="edge"]').nth(i).focus();
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(name).toMatch(/^Flow from /);
    await page.keyboard.press('Enter');
    const arrow = canvas(page).getByRole('group', { name: name!, exact: true });
    await expect(arrow).toHaveClass(/selected/);
    const [, from] = /^Flow from (.+?) to /.exec(name!)!;
    await expect(details).toContainText(from!);
  }
});

test('a click at the midpoint of an arrow selects that arrow, inside a zone too', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  const midpoints = await arrowMidpoints(page);
  expect(midpoints.length).toBeGreaterThan(10);
  let selected = 0;
  for (const m of midpoints) {
    await page.mouse.click(m.x, m.y);
    const arrow = canvas(page).getByRole('group', { name: m.name, exact: true });
    if (await arrow.evaluate((g) => g.classList.contains('selected'))) selected++;
  }
  expect(selected).toBe(midpoints.length);
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the canvas shows: every card and zone rectangle on screen, with the saved plan's membership. */
async function shown(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const saved = localStorage.getItem('portolan.plan');
    if (!saved) return { cards: [], zones: [], saved: false };
    const plan = JSON.parse(saved) as {
      zones: { id: string; name: string }[];
      hosts: { name: string; zone?: string }[];
    };
    const zoneName = new Map(plan.zones.map((z) => [z.id, z.name]));
    const cards = [...document.querySelectorAll('.react-flow__node-host')].map((el) => {
      const name = el.getAttribute('aria-label')!.split(':')[0]!;
      const zone = plan.hosts.find((h) => h.name === name)?.zone;
      return { name, zone: zone ? zoneName.get(zone) : undefined, box: box(el) };
    });
    const zones = [...document.querySelectorAll('.react-flow__node-zone')].map((el) => ({
      name: /^Zone (.+?), /.exec(el.getAttribute('aria-label')!)![1]!,
      box: box(el),
    }));
    return { cards, zones, saved: true };
  });
}

const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** Cards outside their zone, cards inside a zone they are not in, overlapping cards and zones. */
async function truthProblems(page: Page) {
  const { cards, zones, saved } = await shown(page);
  const problems: string[] = saved ? [] : ['the plan is not saved yet'];
  for (const c of cards) {
    for (const z of zones) {
      if (c.zone === z.name && !inside(c.box, z.box))
        problems.push(`${c.name} is outside its zone ${z.name}`);
      if (c.zone !== z.name && overlap(c.box, z.box)) problems.push(`${c.name} is drawn in ${z.name}`);
    }
  }
  cards.forEach((a, i) =>
    cards.slice(i + 1).forEach((b) => overlap(a.box, b.box) && problems.push(`${a.name} overlaps ${b.name}`)),
  );
  zones.forEach((a, i) =>
    zones
      .slice(i + 1)
      .forEach((b) => overlap(a.box, b.box) && problems.push(`zone ${a.name} overlaps ${b.name}`)),
  );
  return problems;
}

/** Waits for the autosave to hold what is shown, then checks the picture against membership. */
async function expectTruthful(page: Page) {
  await expect.poll(() => truthProblems(page), { timeout: 5000 }).toEqual([]);
}

test('changing a host’s zone in its panel moves the card into that zone, says so, and undoes in one step', async ({
  page,
}) => {
  await openExample(page, /DMZ relay/);
  const node = hostNode(page, 'SEG-NODE01');
  const before = (await node.boundingBox())!;
  await node.click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await details.getByLabel('Zone').selectOption({ label: 'Internal network (Trusted)' });

  // Its flows stay, but those to the internal hosts no longer pass a firewall: said in a notice,
  // and once (not twice) to screen readers.
  const news = /^SEG-NODE01 moved from DMZ to Internal network \(Trusted\): \d+ flows now inside a zone$/;
  await expect(page.getByText(news)).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: news })).toHaveCount(1);
  await expect(canvas(page).getByRole('group', { name: /^Zone Internal network,/ })).toHaveAccessibleName(
    /7 hosts/,
  );
  await expectTruthful(page);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(canvas(page).getByRole('group', { name: /^Zone DMZ,/ })).toHaveAccessibleName(/2 hosts/);
  const after = (await node.boundingBox())!;
  expect(Math.round(after.x)).toBe(Math.round(before.x));
  expect(Math.round(after.y)).toBe(Math.round(before.y));
  await expectTruthful(page);
});

test('a zone cannot be made smaller than its hosts, from the keyboard either', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  await canvas(page)
    .getByRole('group', { name: /^Zone DMZ,/ })
    .click({ position: { x: 30, y: 12 } });
  const details = page.getByRole('complementary', { name: 'Details' });
  const width = details.getByLabel('Width');
  await width.fill('220');
  await width.blur();
  // Its hosts are 200 px wide and sit 40 px in: the zone keeps room for them.
  await expect.poll(async () => Number(await width.inputValue())).toBeGreaterThanOrEqual(240);
  await expect(canvas(page).getByRole('group', { name: /^Zone DMZ,/ })).toHaveAccessibleName(/2 hosts/);
  await expectTruthful(page);

  // Moving the zone by number takes its hosts along.
  const card = (await hostNode(page, 'SEG-NODE01').boundingBox())!;
  const left = details.getByLabel('Left');
  const x = Number(await left.inputValue());
  await left.fill(String(x - 100));
  await left.blur();
  await expect
    .poll(async () => (await hostNode(page, 'SEG-NODE01').boundingBox())!.x)
    .toBeLessThan(card.x - 20);
  await expectTruthful(page);
});

test('"Add zone" twice places two zones side by side, not on top of each other', async ({ page }) => {
  await openExample(page, /Single server/);
  const palette = page.getByRole('navigation', { name: 'Components' });
  for (const [name, trust] of [
    ['Servers', 'Trusted'],
    ['Edge', 'DMZ'],
  ] as const) {
    await palette.getByRole('button', { name: 'Add zone' }).click();
    const dialog = page.getByRole('dialog', { name: 'New zone' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('radio', { name: new RegExp(`^${trust}`) }).check();
    await dialog.getByRole('button', { name: 'Add zone' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await expect(canvas(page).locator('.react-flow__node-zone')).toHaveCount(3);
  await expectTruthful(page);
});

test('"Add zone…" asks for the name and the trust at once, refuses a name taken or missing, and Escape adds nothing', async ({
  page,
}) => {
  await openExample(page, /DMZ relay/);
  const zones = canvas(page).getByRole('group', { name: /^Zone / });
  await expect(zones).toHaveCount(2);
  const palette = page.getByRole('navigation', { name: 'Components' });
  await palette.getByRole('button', { name: 'Add zone' }).click();
  const dialog = page.getByRole('dialog', { name: 'New zone' });
  const name = dialog.getByLabel('Name');
  await expect(name).toBeFocused();
  // Neither is chosen for the person: Enter says what is missing.
  await name.press('Enter');
  await expect(dialog.getByText('Give the zone a name.')).toBeVisible();
  await name.fill('dmz');
  await expect(dialog.getByText('A zone is already called “DMZ”.')).toBeVisible();
  await name.fill('Internet edge');
  await name.press('Enter');
  await expect(dialog.getByText('Choose how far the zone is trusted.')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^Untrusted/ })).toBeFocused();
  await page.keyboard.press('Space');
  await dialog.getByRole('button', { name: 'Add zone' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(zones).toHaveCount(3);
  await expect(canvas(page).getByRole('group', { name: /^Zone Internet edge, untrusted/ })).toBeVisible();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByLabel('Trust')).toHaveValue('untrusted');

  // Escape leaves the plan as it was.
  await palette.getByRole('button', { name: 'Add zone' }).click();
  await dialog.getByLabel('Name').fill('Nothing');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(zones).toHaveCount(3);
});

test('"Tidy layout" lays out 40 hosts truthfully: inside their zones, nothing overlapping, every arrow clickable', async ({
  page,
}) => {
  // It clicks the middle of each of the 253 arrows in turn: 20 s on an idle machine, more beside a build.
  test.slow();
  await openExample(page, /Two sites, 40 hosts/);
  await page.getByRole('button', { name: 'Tidy layout' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Laid out the plan.' })).toBeVisible({
    timeout: 15_000,
  });
  await expectTruthful(page);
  // The arrows are routed round the cards once the layout is shown.
  await expect(canvas(page).locator('[aria-busy="true"]')).toHaveCount(0);

  // Zones run left to right by trust.
  const { zones } = await shown(page);
  const x = (name: string) => zones.find((z) => z.name === name)!.box.x;
  expect(x('Internet')).toBeLessThan(x('DMZ'));
  expect(x('DMZ')).toBeLessThan(x('Server network'));

  // At full size (where a person points at one of many close arrows), a click at an arrow's
  // midpoint selects that arrow: at least 95% of those in view.
  await page.getByRole('button', { name: 'Dismiss message' }).first().click();
  const zoom = () =>
    page.locator('.react-flow__viewport').evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
  while ((await zoom()) < 0.95) await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect.poll(zoom).toBeGreaterThanOrEqual(0.95);
  const view = (await pane(page).boundingBox())!;
  const midpoints = (await arrowMidpoints(page)).filter(
    (m) =>
      !m.covered && m.x > view.x && m.y > view.y && m.x < view.x + view.width && m.y < view.y + view.height,
  );
  expect(midpoints.length).toBeGreaterThanOrEqual(15);
  const missed: string[] = [];
  for (const m of midpoints) {
    await page.mouse.click(m.x, m.y);
    const arrow = canvas(page).getByRole('group', { name: m.name, exact: true });
    if (!(await arrow.evaluate((g) => g.classList.contains('selected')))) missed.push(m.name);
  }
  expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(Math.floor(midpoints.length * 0.05));

  // One undo step puts everything back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(hostNode(page, 'SEG-NODE01')).toBeVisible();
});

test('a plan file whose hosts have no positions opens laid out, every card inside its own zone', async ({
  page,
}) => {
  // As scripts write them: zones and hosts, no geometry at all.
  const plan = {
    format: 'portolan-plan',
    version: 1,
    name: 'From a script',
    productVersion: '10.0',
    zones: [
      { id: 'dmz', name: 'DMZ', trust: 'dmz' },
      { id: 'lan', name: 'LAN', trust: 'trusted' },
    ],
    hosts: [
      { id: 'i', name: 'Internet', roles: ['internet'] },
      { id: 'n1', name: 'SEG-NODE01', roles: ['processing-node'], zone: 'dmz', address: '192.0.2.11' },
      { id: 'n2', name: 'SEG-NODE02', roles: ['processing-node'], zone: 'dmz', address: '192.0.2.12' },
      { id: 'am', name: 'SEG-AM01', roles: ['array-manager'], zone: 'lan', address: '10.0.0.5' },
      { id: 'sql', name: 'SQL01', roles: ['sql-server'], zone: 'lan', address: '10.0.0.6' },
      ...[1, 2, 3, 4, 5, 6].map((n) => ({
        id: `ws${n}`,
        name: `ADMIN-WS0${n}`,
        roles: ['admin-workstation'],
        zone: 'lan',
        address: `10.0.5.${n}`,
      })),
    ],
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import plan' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'script.portolan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await expect(
    page.getByRole('status').filter({ hasText: '11 hosts had no place of their own on the diagram' }),
  ).toBeVisible({ timeout: 15_000 });
  await expect(canvas(page).locator('.react-flow__node-host')).toHaveCount(11);
  await expectTruthful(page);
  await expect(canvas(page).getByRole('group', { name: /^Zone LAN,/ })).toHaveAccessibleName(/8 hosts/);
});

test('a zone moved onto another stays where it was, and says why', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  await canvas(page)
    .getByRole('group', { name: /^Zone DMZ,/ })
    .click({ position: { x: 30, y: 12 } });
  const left = page.getByRole('complementary', { name: 'Details' }).getByLabel('Left');
  const before = await left.inputValue();
  await left.fill('700');
  await left.press('Enter');
  await expect(page.getByText('DMZ stays where it was: it would overlap Internal network.')).toBeVisible();
  await expect(left).toHaveValue(before);
  await expectTruthful(page);
});

test('Enter on an arrow of a selected host selects it and keeps the keyboard there', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  await hostNode(page, 'SEG-AM01').click();
  // The host's arrows are drawn above the rest while it is selected; selecting one moves it back.
  const arrow = canvas(page).getByRole('group', { name: /^Flow from SEG-AM01 to SQL01:/ });
  await arrow.focus();
  await page.keyboard.press('Enter');
  await expect(arrow).toHaveClass(/selected/);
  await expect(arrow).toBeFocused();
  // An arrow key goes on from there, and Enter selects what it reached.
  const name = await arrow.getAttribute('aria-label');
  await page.keyboard.press('ArrowDown');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  await expect.poll(focused).not.toBe(name);
  const next = await focused();
  expect(next).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(canvas(page).getByRole('group', { name: next!, exact: true })).toHaveClass(/selected/);
});

test('Alt+Shift+L tidies the layout from the keyboard; one undo puts every card back', async ({ page }) => {
  await openExample(page, /DMZ relay/);
  const positions = () =>
    page.evaluate(() => {
      const saved = localStorage.getItem('portolan.plan');
      const plan = saved
        ? (JSON.parse(saved) as { hosts: { name: string; position: unknown }[] })
        : undefined;
      return plan ? JSON.stringify(plan.hosts.map((h) => [h.name, h.position])) : '';
    });
  await expect.poll(positions).not.toBe('');
  const before = await positions();
  await pane(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Alt+Shift+L');
  await expect(page.getByText('Laid out the plan.')).toBeVisible({ timeout: 15_000 });
  await expect.poll(positions).not.toBe(before);
  await expectTruthful(page);
  await page.keyboard.press('Control+z');
  await expect.poll(positions).toBe(before);
});

test('a plan file with one host out of place keeps its drawing and places that host in free space', async ({
  page,
}) => {
  const plan = structuredClone(DMZ_RELAY);
  delete plan.hosts.find((h) => h.name === 'SQL01')!.position;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import plan' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'one-missing.portolan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await expect(
    page.getByText(
      '1 host had no place of its own on the diagram (no position, one shared with another host, or outside its zone), so it was placed in free space in its zone.',
      { exact: false },
    ),
  ).toBeVisible();
  await expectTruthful(page);
  // Everything else is where the file put it.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('portolan.plan')!) as typeof plan);
  for (const h of plan.hosts.filter((x) => x.position)) {
    expect(saved.hosts.find((x) => x.id === h.id)!.position).toEqual(h.position);
  }
});
