import { serializePlan } from '../src/domain/plan';
import { deriveFlows, groupFlowsByPair } from '../src/domain/engine';
import { launchChromium } from './browser';
import { generatePlan } from './plans';
import { check } from './report';
import { fmt, median, percentile } from './stats';

/**
 * Frame times in Chromium while one host is dragged across a canvas of 300 hosts in zones, with
 * all their flows drawn. Chromium runs without its frame-rate cap (headless needs all three flags
 * below for that), so the time between frames is
 * the time the page needs to produce each one. Target: 95th percentile <= 16.7 ms.
 */
export async function benchCanvasDrag(url: string, extraCss = ''): Promise<void> {
  const plan = generatePlan(300);
  const edges = groupFlowsByPair(deriveFlows(plan).flows).length;
  console.log(
    `\n== Canvas drag, Chromium: ${plan.hosts.length} hosts, ${plan.zones.length} zones, ${edges} edges ==`,
  );

  const browser = await launchChromium([
    '--disable-frame-rate-limit',
    '--disable-gpu-vsync',
    '--run-all-compositor-stages-before-draw',
  ]);
  try {
    const page = await browser.newPage({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
    // tsx names functions with a helper that the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    await page.addInitScript((text) => localStorage.setItem('portolan.plan', text), serializePlan(plan));
    await page.goto(url);
    await page.locator('.react-flow__node-host').first().waitFor();
    if (extraCss) await page.addStyleTag({ content: extraCss });
    await page.waitForTimeout(1000);

    // A card wholly in view: the view opens on the plan's middle at a readable size.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const workstations = page.getByRole('group', { name: /^ADMIN-WORKSTATION-\d+:/ });
    let handle = workstations.first();
    let box = null;
    for (let i = 0; i < (await workstations.count()); i++) {
      const b = await workstations.nth(i).boundingBox();
      if (
        b &&
        b.x > pane.x &&
        b.y > pane.y &&
        b.x + b.width < pane.x + pane.width / 2 &&
        b.y + b.height < pane.y + pane.height
      ) {
        // By its name: culling mounts and unmounts cards as the view moves, so "the nth" changes.
        const name = (await workstations.nth(i).getAttribute('aria-label'))!;
        handle = page.getByRole('group', { name, exact: true });
        box = b;
        break;
      }
    }
    if (!box) throw new Error('no host to drag');

    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __inputs: number[]; __stop: boolean };
      w.__frames = [];
      w.__inputs = [];
      w.__stop = false;
      window.addEventListener('pointermove', () => w.__inputs.push(performance.now()), { capture: true });
      const loop = (t: number) => {
        w.__frames.push(t);
        if (!w.__stop) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });

    const start = { x: box.x + box.width / 2, y: box.y + 10 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    const steps = 150;
    for (let i = 1; i <= steps; i++) {
      const f = i / steps;
      // Clear of the pane's edges, where React Flow would pan the view along.
      await page.mouse.move(
        pane.x + 80 + (pane.width - 200) * f,
        start.y + (pane.y + pane.height * 0.75 - start.y) * f,
      );
    }
    // Fast frames mean nothing unless the card really travelled with the pointer: looked at before
    // the drop (a drop the plan refuses puts the card back).
    const after = await handle.boundingBox({ timeout: 2000 }).catch(() => null);
    await page.mouse.up();
    await page.waitForTimeout(300);
    if (!after || Math.hypot(after.x - box.x, after.y - box.y) < 200) {
      throw new Error('the dragged card did not follow the pointer');
    }

    const { frames, inputs } = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __inputs: number[]; __stop: boolean };
      w.__stop = true;
      return { frames: w.__frames, inputs: w.__inputs };
    });
    // A frame counts when a pointer move arrived since the previous one: it had drag work to do.
    const times: number[] = [];
    let next = 0;
    for (let i = 1; i < frames.length; i++) {
      let had = false;
      while (next < inputs.length && inputs[next]! <= frames[i]!) {
        if (inputs[next]! > frames[i - 1]!) had = true;
        next++;
      }
      if (had) times.push(frames[i]! - frames[i - 1]!);
    }
    console.log(
      `${times.length} frames with drag input: median ${fmt(median(times))}, p95 ${fmt(percentile(times, 95))}, ` +
        `max ${fmt(Math.max(...times))}`,
    );
    if (process.env.BENCH_VERBOSE) console.log(times.map((t) => t.toFixed(1)).join(' '));
    check('Canvas drag p95 frame time, 300 hosts', percentile(times, 95), 16.7, 'ms');
  } finally {
    await browser.close();
  }
}
