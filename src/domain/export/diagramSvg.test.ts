import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { testPlan } from '../plan/plan.testing';
import type { Scene } from '../diagram';
import { deriveFlows } from '../engine';
import type { Plan } from '../plan';
import { diagramSvg, exportDiagramSvg, xmlEscape } from './diagramSvg';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Parses with @xmldom/xmldom, failing on any warning or error. xmldom lets a bare `&` and XML-illegal
 * control characters through, so those are checked on the raw text as well.
 */
function parse(svg: string): Document {
  expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
  // eslint-disable-next-line no-control-regex -- looking for characters XML 1.0 forbids
  expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
}

const all = (doc: Document | Element, tag: string) => Array.from(doc.getElementsByTagNameNS(SVG_NS, tag));
const byClass = (doc: Document, tag: string, cls: string) =>
  all(doc, tag).filter((e) => (e.getAttribute('class') ?? '').split(' ').includes(cls));
const texts = (e: Element) => all(e, 'text').map((t) => t.textContent);

const META = { planName: 'Contoso gateway', productVersion: 'Trustwave SEG 8.0', date: '2026-11-28' };

/** A hand-built scene: three zones, four hosts, two arrows (one without room for its label). */
function scene(): Scene {
  return {
    zones: [
      { id: 'dmz', name: 'DMZ', trust: 'dmz', rect: { x: 0, y: 0, width: 400, height: 300 } },
      {
        id: 'lan',
        name: 'Inside <LAN> & "core"',
        trust: 'trusted',
        rect: { x: 500, y: 0, width: 400, height: 300 },
      },
      { id: 'net', name: 'Outside', trust: 'untrusted', rect: { x: -300, y: 0, width: 260, height: 200 } },
    ],
    hosts: [
      {
        id: 'node1',
        name: 'SEG-NODE01',
        roles: 'Processing node',
        address: '192.0.2.11',
        rect: { x: 40, y: 80, width: 200, height: 72 },
        zone: 'dmz',
      },
      {
        id: 'am',
        name: 'SEG-\u202Eeton',
        roles: 'Array Manager · SQL Server',
        address: '10.0.0.5',
        rect: { x: 540, y: 80, width: 200, height: 72 },
        zone: 'lan',
      },
      {
        id: 'internet',
        name: 'Internet',
        roles: 'Internet',
        address: 'any',
        rect: { x: -280, y: 60, width: 200, height: 72 },
        zone: 'net',
      },
      {
        id: 'dc',
        name: 'DC01',
        roles: 'Domain controller',
        rect: { x: 540, y: 200, width: 200, height: 72 },
      },
    ],
    edges: [
      {
        id: 'e1',
        source: 'node1',
        target: 'am',
        crossesFirewall: true,
        hasReverse: false,
        label: 'tcp/25, tcp/19001',
        points: [
          { x: 240, y: 116 },
          { x: 380.5, y: 116 },
          { x: 380.5, y: 200.25 },
          { x: 532, y: 200.25 },
        ],
        labelAt: { x: 310, y: 116 },
        labelSize: { width: 110, height: 16 },
      },
      {
        id: 'e2',
        source: 'am',
        target: 'dc',
        crossesFirewall: false,
        hasReverse: false,
        label: 'tcp/389',
        points: [
          { x: 640, y: 152 },
          { x: 640, y: 192 },
        ],
        labelSize: { width: 50, height: 16 },
      },
    ],
    bounds: { x: -300, y: 0, width: 1200, height: 300 },
    unlabelled: 1,
  };
}

const numbers = (s: string | null) =>
  (s ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);

describe('diagramSvg', () => {
  it('is a well-formed SVG 1.1 document sized from the scene bounds plus margins', () => {
    const doc = parse(diagramSvg(scene(), META));
    const svg = doc.documentElement!;
    expect(svg.localName).toBe('svg');
    expect(svg.namespaceURI).toBe(SVG_NS);
    expect(svg.getAttribute('version')).toBe('1.1');
    const [x, y, w, h] = numbers(svg.getAttribute('viewBox'));
    // bounds start at (-300, 0); the margin is 24 px on every side.
    expect([x, y]).toEqual([-324, -24]);
    expect(Number(svg.getAttribute('width'))).toBe(w);
    expect(Number(svg.getAttribute('height'))).toBe(h);
    expect(Number.isInteger(w) && Number.isInteger(h)).toBe(true);
    expect(w).toBeGreaterThanOrEqual(1200 + 48);
    // The legend goes below the drawing.
    expect(h).toBeGreaterThan(300 + 48 + 100);
    const legendTexts = all(byClass(doc, 'g', 'legend')[0]!, 'text');
    for (const t of legendTexts) {
      expect(Number(t.getAttribute('y'))).toBeGreaterThan(300);
      expect(Number(t.getAttribute('y'))).toBeLessThan(y! + h!);
    }
    expect(svg.getAttribute('font-family')).toMatch(/sans-serif$/);
  });

  it('draws one dashed rectangle per zone in its trust colour, with its name and trust chip', () => {
    const doc = parse(diagramSvg(scene(), META));
    const zones = byClass(doc, 'g', 'zone');
    expect(zones).toHaveLength(3);
    const area = (z: Element) => all(z, 'rect')[0]!;
    expect(zones.map((z) => area(z).getAttribute('stroke'))).toEqual(['#fbbf24', '#10b981', '#f87171']);
    for (const z of zones) expect(area(z).getAttribute('stroke-dasharray')).toBe('6 4');
    expect(numbers(area(zones[1]!).getAttribute('x'))).toEqual([500]);
    expect(area(zones[1]!).getAttribute('width')).toBe('400');
    expect(texts(zones[0]!)).toEqual(['DMZ', 'DMZ']);
    expect(texts(zones[1]!)).toEqual(['TRUSTED', 'Inside <LAN> & "core"']);
    expect(texts(zones[2]!)).toEqual(['UNTRUSTED', 'Outside']);
  });

  it('draws one card per host: bold name, roles, address in monospace or "no address"', () => {
    const doc = parse(diagramSvg(scene(), META));
    const cards = byClass(doc, 'g', 'host');
    expect(cards).toHaveLength(4);
    expect(texts(cards[0]!)).toEqual(['SEG-NODE01', 'Processing node', '192.0.2.11']);
    // The right-to-left override is shown, not obeyed.
    expect(texts(cards[1]!)).toEqual(['SEG-<U+202E>eton', 'Array Manager · SQL Server', '10.0.0.5']);
    expect(texts(cards[2]!)).toEqual(['Internet', 'Internet', 'any']);
    expect(texts(cards[3]!)).toEqual(['DC01', 'Domain controller', 'no address']);
    const [name, , address] = all(cards[0]!, 'text');
    expect(name!.getAttribute('font-weight')).toBe('bold');
    expect(address!.getAttribute('font-family')).toMatch(/monospace$/);
    const rect = all(cards[0]!, 'rect')[0]!;
    expect(['x', 'y', 'width', 'height', 'rx'].map((a) => rect.getAttribute(a))).toEqual([
      '40',
      '80',
      '200',
      '72',
      '8',
    ]);
  });

  it('draws one arrow per edge along its points, orange across a firewall and dashed slate inside a zone', () => {
    const svg = diagramSvg(scene(), META);
    const doc = parse(svg);
    const flows = byClass(doc, 'polyline', 'flow');
    expect(flows).toHaveLength(2);
    expect(numbers(flows[0]!.getAttribute('points'))).toEqual([
      240, 116, 380.5, 116, 380.5, 200.25, 532, 200.25,
    ]);
    expect(numbers(flows[1]!.getAttribute('points'))).toEqual([640, 152, 640, 192]);
    expect(flows[0]!.getAttribute('stroke')).toBe('#ea580c');
    expect(flows[0]!.getAttribute('stroke-dasharray')).toBeNull();
    expect(flows[1]!.getAttribute('stroke')).toBe('#94a3b8');
    expect(flows[1]!.getAttribute('stroke-dasharray')).toBe('5 3');
    // Each arrowhead is a marker defined in the file, in the line's colour.
    const markers = new Map(all(doc, 'marker').map((m) => [m.getAttribute('id'), m]));
    for (const f of flows) {
      const id = /^url\(#(.+)\)$/.exec(f.getAttribute('marker-end') ?? '')?.[1];
      const head = markers.get(id ?? '');
      expect(head).toBeDefined();
      expect(all(head!, 'path')[0]!.getAttribute('fill')).toBe(f.getAttribute('stroke'));
    }
  });

  it('puts each placed label centred on labelAt, and none for an arrow without room', () => {
    const doc = parse(diagramSvg(scene(), META));
    const labels = byClass(doc, 'g', 'label');
    expect(labels).toHaveLength(1);
    expect(texts(labels[0]!)).toEqual(['tcp/25, tcp/19001']);
    const rect = all(labels[0]!, 'rect')[0]!;
    // labelAt (310, 116), size 110 × 16.
    expect(['x', 'y', 'width', 'height'].map((a) => Number(rect.getAttribute(a)))).toEqual([
      255, 108, 110, 16,
    ]);
    expect(all(labels[0]!, 'text')[0]!.getAttribute('text-anchor')).toBe('middle');
  });

  it('escapes every text taken from the plan', () => {
    const s = scene();
    s.hosts[0]!.name = '<script>alert("x")</script>';
    s.hosts[0]!.roles = "O'Brien & co";
    s.edges[0]!.label = 'tcp/25 <&>';
    const raw = diagramSvg(s, { ...META, planName: 'A & B <"\'> \u202Eplan\u0001' });
    expect(raw).not.toContain('<script');
    const doc = parse(raw);
    const card = byClass(doc, 'g', 'host')[0]!;
    // The name is cut to fit its card, so only its start is compared.
    expect(texts(card)[0]).toMatch(/^<script>alert\("x/);
    expect(texts(card)[1]).toBe("O'Brien & co");
    expect(texts(byClass(doc, 'g', 'label')[0]!)).toEqual(['tcp/25 <&>']);
    expect(all(doc, 'title')[0]!.textContent).toBe('Network diagram: A & B <"\'> <U+202E>plan<U+0001>');
    expect(texts(byClass(doc, 'g', 'legend')[0]!)).toContain(
      'Plan: A & B <"\'> <U+202E>plan<U+0001> · Trustwave SEG 8.0 · 2026-11-28',
    );
  });

  it('xmlEscape covers markup characters, quotes and characters XML forbids', () => {
    expect(xmlEscape(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(xmlEscape('x\u0000y\u001Fz\uFFFF')).toBe('x&lt;U+0000&gt;y&lt;U+001F&gt;z&lt;U+FFFF&gt;');
    // Tabs and line ends are allowed; a paired surrogate stays, an unpaired one is shown as a code point.
    expect(xmlEscape('\t\n\r😀\uD800!')).toBe('\t\n\r😀&lt;U+D800&gt;!');
  });

  it('says in the legend how many labels were left out, only when some were', () => {
    const legendOf = (s: Scene) => texts(byClass(parse(diagramSvg(s, META)), 'g', 'legend')[0]!).join('\n');
    const withGap = legendOf(scene());
    expect(withGap).toContain('Labels omitted for 1 of 2 arrows');
    expect(withGap).toContain('Plan: Contoso gateway · Trustwave SEG 8.0 · 2026-11-28');
    expect(withGap).toContain('Trustwave knowledge-base article 10905');
    expect(withGap).toContain('Crosses a firewall');
    const full = scene();
    full.unlabelled = 0;
    expect(legendOf(full)).not.toContain('Labels omitted');
  });

  it('cuts a name too long for its card with an ellipsis', () => {
    const s = scene();
    s.hosts[0]!.name = 'SEG-NODE-WITH-A-VERY-LONG-NAME-THAT-CANNOT-FIT-ON-ONE-CARD';
    const name = texts(byClass(parse(diagramSvg(s, META)), 'g', 'host')[0]!)[0]!;
    expect(name).toMatch(/^SEG-NODE-.+…$/);
    expect(name.length).toBeLessThan(30);
  });

  it('leaves out a shape with a non-finite number instead of writing NaN', () => {
    const s = scene();
    s.hosts[0]!.rect.x = NaN;
    s.edges[1]!.points[1]!.y = Infinity;
    const raw = diagramSvg(s, META);
    expect(raw).not.toMatch(/NaN|Infinity/);
    const doc = parse(raw);
    expect(byClass(doc, 'g', 'host')).toHaveLength(3);
    expect(byClass(doc, 'polyline', 'flow')).toHaveLength(1);
  });

  it('makes a readable file for an empty plan', () => {
    const empty: Scene = {
      zones: [],
      hosts: [],
      edges: [],
      bounds: { x: 0, y: 0, width: 0, height: 0 },
      unlabelled: 0,
    };
    const doc = parse(diagramSvg(empty, META));
    expect(all(doc, 'text').map((t) => t.textContent)).toContain('The plan has no hosts yet.');
    expect(byClass(doc, 'g', 'host')).toHaveLength(0);
  });
});

describe('exportDiagramSvg', () => {
  /** The Internet and one processing node in the DMZ, at SEG 8.0. */
  const plan: Plan = testPlan({
    name: 'Edge / test: 1',
    productVersion: '8.0',
    zones: [
      {
        id: 'dmz',
        name: 'DMZ',
        trust: 'dmz',
        position: { x: 400, y: 40 },
        size: { width: 260, height: 300 },
      },
    ],
    hosts: [
      { id: 'internet', name: 'Internet', roles: ['internet'], position: { x: 0, y: 160 } },
      {
        id: 'n1',
        name: 'SEG-NODE01',
        roles: ['processing-node'],
        zone: 'dmz',
        address: '192.0.2.11',
        position: { x: 440, y: 160 },
      },
    ],
  });

  it('names the file after the plan and draws the plan with its flows', () => {
    const file = exportDiagramSvg({
      plan,
      derivation: deriveFlows(plan),
      scope: { includeInternal: false },
      date: new Date(2026, 10, 28, 9, 30),
    });
    expect(file.filename).toBe('Edge - test- 1-diagram.svg');
    expect(file.mime).toBe('image/svg+xml');
    const doc = parse(file.data as string);
    expect(byClass(doc, 'g', 'zone')).toHaveLength(1);
    expect(byClass(doc, 'g', 'host').map((c) => texts(c)[0])).toEqual(['Internet', 'SEG-NODE01']);
    // KB 10905: inbound SMTP to the node; the node sends mail out and fetches updates over HTTP(S).
    // Both pairs cross a firewall (the Internet is in no zone).
    const flows = byClass(doc, 'polyline', 'flow');
    expect(flows).toHaveLength(2);
    for (const f of flows) expect(f.getAttribute('stroke')).toBe('#ea580c');
    const labels = byClass(doc, 'g', 'label').map((l) => texts(l)[0]);
    const legend = texts(byClass(doc, 'g', 'legend')[0]!).join('\n');
    // Two arrows between cards 240 px apart leave room for both labels.
    expect(labels.sort()).toEqual(['tcp/25', 'tcp/25, tcp/80, tcp/443']);
    expect(legend).not.toContain('Labels omitted');
    expect(legend).toContain('Plan: Edge / test: 1 · Trustwave SEG 8.0 · 2026-11-28');
  });
});

describe('exportDiagramSvg while an upgrade is compared', () => {
  it('marks the arrows as the canvas does: added, partly removed and faded, with a legend for each', async () => {
    const { DMZ_RELAY } = await import('../plan/examples');
    const plan: Plan = { ...DMZ_RELAY, upgradeFrom: '7.1' };
    const file = exportDiagramSvg({
      plan,
      derivation: deriveFlows(plan),
      scope: { includeInternal: false },
      date: new Date('2026-11-28T12:00:00Z'),
    });
    const doc = parse(file.data as string);
    // From 7.1 to 10.0: the REST API arrow is new, the admin workstations' arrow gains tcp/443 and
    // loses tcp/19001, and every other arrow stays as it is.
    expect(byClass(doc, 'polyline', 'add')).toHaveLength(1);
    expect(byClass(doc, 'polyline', 'mixed')).toHaveLength(1);
    expect(byClass(doc, 'polyline', 'partly-removed')).toHaveLength(2); // the arrow's dashes and the legend's
    expect(byClass(doc, 'polyline', 'remove')).toHaveLength(0);
    const kept = byClass(doc, 'polyline', 'keep');
    expect(kept.length).toBeGreaterThan(10);
    for (const k of kept) {
      expect(k.getAttribute('stroke-opacity')).toBe('0.35');
      expect(k.getAttribute('marker-end')).toMatch(/^url\(#portolan-arrow-(crossing|internal)-kept\)$/);
    }
    // No `opacity` anywhere: it puts each element on a layer of its own, and the PNG of a large plan
    // took minutes to draw.
    const all = Array.from(doc.getElementsByTagName('*'));
    expect(all.filter((el) => el.hasAttribute('opacity')).map((el) => el.tagName)).toEqual([]);
    const markers = Array.from(doc.getElementsByTagName('marker'));
    for (const id of ['portolan-arrow-crossing-kept', 'portolan-arrow-internal-kept']) {
      const head = markers.find((m) => m.getAttribute('id') === id)?.getElementsByTagName('path')[0];
      expect(head?.getAttribute('fill-opacity'), id).toBe('0.35');
    }
    const labels = byClass(doc, 'g', 'label').map((g) => texts(g).join(''));
    expect(labels).toContain('+tcp/19006');
    expect(labels).toContain('+tcp/443, \u2212tcp/19001');
    const legend = texts(byClass(doc, 'g', 'legend')[0]!).join('\n');
    expect(legend).toContain('To remove after the upgrade: needed by MailMarshal 7.1, not by SEG 10.0');
    expect(legend).toContain('Rose dashes over an arrow: some of its services go');
    // The legend's rose dashes lie over the sample of the arrow they explain (the mixed one).
    const legendBox = byClass(doc, 'g', 'legend')[0]!;
    const ys = (cls: string) =>
      Array.from(legendBox.getElementsByTagName('polyline'))
        .filter((p) => p.getAttribute('class')!.split(' ').includes(cls))
        .map((p) => p.getAttribute('points')!.split(' ')[0]!.split(',')[1]);
    const samples = Array.from(legendBox.getElementsByTagName('polyline')).filter((p) =>
      p.getAttribute('class')!.includes('legend-arrow'),
    );
    // Samples in order: crossing, inside a zone, to remove, mixed, kept.
    const mixedY = samples[3]!.getAttribute('points')!.split(' ')[0]!.split(',')[1];
    expect(ys('partly-removed')).toEqual([mixedY]);
  });
});
