import { describe, expect, it } from 'vitest';
import type { Scene } from '../diagram';
import { deriveFlows } from '../engine';
import { ENTERPRISE, TWO_SITES } from '../plan';
import { canvasSize, diagramSize, drawDiagram, planDiagram, type DiagramContext } from './diagramCanvas';
import { diagramSvg, planDiagramSvg, type DiagramMeta } from './diagramSvg';

/** What the context held when something was painted. */
interface Paint {
  op: 'fill' | 'stroke' | 'fillRect' | 'fillText';
  args: unknown[];
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  globalAlpha: number;
  dash: number[];
  font: string;
  textAlign: string;
  /** The path's points as given (before the transform), for fill and stroke. */
  path: number[][];
}

/** A 2D context that records each paint with its state; text is 7 px a character wide. */
class Recorder implements DiagramContext {
  fillStyle: unknown = '#000000';
  strokeStyle: unknown = '#000000';
  lineWidth = 1;
  lineJoin = 'miter';
  globalAlpha = 1;
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  transforms: number[][] = [];
  paints: Paint[] = [];
  private dash: number[] = [];
  private path: number[][] = [];

  private record(op: Paint['op'], args: unknown[]) {
    const { fillStyle, strokeStyle, lineWidth, globalAlpha, dash, font, textAlign, path } = this;
    this.paints.push({
      op,
      args,
      fillStyle,
      strokeStyle,
      lineWidth,
      globalAlpha,
      dash,
      font,
      textAlign,
      path,
    });
  }
  setTransform(...m: number[]) {
    this.transforms.push(m);
  }
  setLineDash(segments: number[]) {
    this.dash = [...segments];
  }
  beginPath() {
    this.path = [];
  }
  closePath() {}
  moveTo(x: number, y: number) {
    this.path.push([x, y]);
  }
  lineTo(x: number, y: number) {
    this.path.push([x, y]);
  }
  arcTo() {}
  fill() {
    this.record('fill', []);
  }
  stroke() {
    this.record('stroke', []);
  }
  fillRect(...args: number[]) {
    this.record('fillRect', args);
  }
  fillText(...args: unknown[]) {
    this.record('fillText', args);
  }
  measureText(text: string) {
    return { width: [...text].length * 7 };
  }
}

const META: DiagramMeta = { planName: 'Test', productVersion: 'Trustwave SEG 10.0', date: '2026-11-28' };
const UPGRADE: DiagramMeta = { ...META, upgrade: { from: 'SEG 8.0', to: 'SEG 10.0' } };

/** Two cards and the arrows an upgrade marks between them, placed by hand. */
const SCENE: Scene = {
  zones: [{ id: 'z', name: 'Servers', trust: 'trusted', rect: { x: 0, y: 0, width: 600, height: 300 } }],
  hosts: [
    {
      id: 'a',
      name: 'SQL01',
      roles: 'SQL Server',
      address: '10.0.0.9',
      rect: { x: 40, y: 60, width: 200, height: 72 },
    },
    { id: 'b', name: 'DC01', roles: 'Domain controller', rect: { x: 360, y: 60, width: 200, height: 72 } },
  ],
  edges: [
    {
      id: 'a→b',
      source: 'a',
      target: 'b',
      crossesFirewall: true,
      hasReverse: false,
      label: '\u2212tcp/1433',
      change: 'remove',
      points: [
        { x: 240, y: 90 },
        { x: 358, y: 90 },
      ],
      labelAt: { x: 300, y: 80 },
      labelSize: { width: 60, height: 16 },
    },
    {
      id: 'b→a',
      source: 'b',
      target: 'a',
      crossesFirewall: true,
      hasReverse: false,
      label: 'tcp/389',
      change: 'keep',
      points: [
        { x: 360, y: 120 },
        { x: 300, y: 200 },
        { x: 242, y: 120 },
      ],
      labelSize: { width: 50, height: 16 },
    },
    {
      id: 'a→a2',
      source: 'a',
      target: 'b',
      crossesFirewall: true,
      hasReverse: false,
      label: 'tcp/80, \u2212tcp/81',
      change: 'mixed',
      partlyRemoved: true,
      points: [
        { x: 100, y: 132 },
        { x: 100, y: 250 },
        { x: 400, y: 250 },
        { x: 400, y: 134 },
      ],
      labelSize: { width: 100, height: 16 },
    },
  ],
  bounds: { x: 0, y: 0, width: 600, height: 300 },
  unlabelled: 2,
};

function draw(scene: Scene, meta: DiagramMeta, scale = 2) {
  const ctx = new Recorder();
  drawDiagram(ctx, scene, meta, scale);
  return ctx;
}

/** The width and height the SVG of the same scene declares. */
function svgSize(svg: string) {
  const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
}

describe('drawDiagram', () => {
  it('fills the whole image white first, then draws at twice the size from the top-left margin', () => {
    const ctx = draw(SCENE, UPGRADE);
    const { width, height } = svgSize(diagramSvg(SCENE, UPGRADE));
    const first = ctx.paints[0]!;
    expect(first.op).toBe('fillRect');
    expect(first.args).toEqual([0, 0, width * 2, height * 2]);
    expect(first.fillStyle).toBe('#ffffff');
    expect(first.globalAlpha).toBe(1);
    // The drawing's top-left is the scene's minus the 24 px margin.
    expect(ctx.transforms.at(-1)).toEqual([2, 0, 0, 2, 48, 48]);
  });

  it('has the size of the SVG, with and without the upgrade legend', () => {
    for (const meta of [META, UPGRADE]) {
      expect(diagramSize(SCENE, meta)).toEqual(svgSize(diagramSvg(SCENE, meta)));
    }
    expect(canvasSize({ width: 700, height: 500 }, 2)).toEqual({ width: 1400, height: 1000 });
  });

  it('writes each card name in bold 14 px at 12, 22 inside its card', () => {
    const names = draw(SCENE, META).paints.filter(
      (p) => p.op === 'fillText' && p.font.startsWith('bold 14px'),
    );
    expect(names.map((p) => p.args)).toEqual(
      expect.arrayContaining([
        ['SQL01', 52, 82],
        ['DC01', 372, 82],
      ]),
    );
    const sql = names.find((p) => p.args[0] === 'SQL01')!;
    expect(sql.fillStyle).toBe('#0f172a');
    expect(sql.textAlign).toBe('left');
  });

  it('writes the address in monospace, and "no address" in italics where there is none', () => {
    const texts = draw(SCENE, META).paints.filter((p) => p.op === 'fillText');
    const address = texts.find((p) => p.args[0] === '10.0.0.9')!;
    expect(address.args).toEqual(['10.0.0.9', 52, 118]);
    expect(address.font).toMatch(/^12px ui-monospace/);
    const none = texts.find((p) => p.args[0] === 'no address')!;
    expect(none.args).toEqual(['no address', 372, 118]);
    expect(none.font).toMatch(/^italic 12px system-ui/);
  });

  it('cuts a name that would run off its card with an ellipsis', () => {
    const long: Scene = {
      ...SCENE,
      hosts: [{ ...SCENE.hosts[0]!, name: 'A-VERY-LONG-HOST-NAME-INDEED-01' }],
      edges: [],
    };
    const name = draw(long, META).paints.find((p) => p.op === 'fillText' && p.fillStyle === '#0f172a')!;
    // 200 px card, 12 px padding each side: 176 px, 25 characters of 7 px with the ellipsis.
    expect(name.args[0]).toBe('A-VERY-LONG-HOST-NAME-IN…');
  });

  it('draws a removed flow dashed 7 4 in rose, 2 px, with a rose head at its end', () => {
    const paints = draw(SCENE, UPGRADE).paints;
    const line = paints.find((p) => p.op === 'stroke' && p.path.join() === '240,90,358,90')!;
    expect(line.strokeStyle).toBe('#e11d48');
    expect(line.dash).toEqual([7, 4]);
    expect(line.lineWidth).toBe(2);
    expect(line.globalAlpha).toBe(1);
    const head = paints[paints.indexOf(line) + 1]!;
    expect(head.op).toBe('fill');
    expect(head.fillStyle).toBe('#e11d48');
    // The SVG's marker: 7 line widths (14 px) long, its tip 1.4 px past the line's end, 14 px across.
    const corners = [
      [345.4, 83],
      [359.4, 90],
      [345.4, 97],
    ];
    head.path.forEach((p, i) => p.forEach((n, j) => expect(n).toBeCloseTo(corners[i]![j]!, 6)));
    expect(head.path).toHaveLength(3);
  });

  it('fades what an upgrade keeps, line and head, to 0.35', () => {
    const paints = draw(SCENE, UPGRADE).paints;
    const line = paints.find((p) => p.op === 'stroke' && p.path.join() === '360,120,300,200,242,120')!;
    expect(line.strokeStyle).toBe('#ea580c');
    expect(line.dash).toEqual([]);
    expect(line.globalAlpha).toBe(0.35);
    const head = paints[paints.indexOf(line) + 1]!;
    expect([head.op, head.fillStyle, head.globalAlpha]).toEqual(['fill', '#ea580c', 0.35]);
  });

  it('draws rose 3 9 dashes over an arrow the upgrade removes part of', () => {
    const strokes = draw(SCENE, UPGRADE).paints.filter(
      (p) => p.op === 'stroke' && p.path.join() === '100,132,100,250,400,250,400,134',
    );
    expect(strokes.map((p) => [p.strokeStyle, p.dash, p.lineWidth, p.globalAlpha])).toEqual([
      ['#ea580c', [], 2, 1],
      ['#e11d48', [3, 9], 2, 1],
    ]);
  });

  it('draws the label box of a removed flow in rose, its text centred 3.5 px below the middle', () => {
    const paints = draw(SCENE, UPGRADE).paints;
    const text = paints.find((p) => p.op === 'fillText' && p.args[0] === '\u2212tcp/1433')!;
    expect(text.args).toEqual(['\u2212tcp/1433', 300, 83.5]);
    expect(text.textAlign).toBe('center');
    expect(text.font).toMatch(/^10px ui-monospace/);
    expect(text.fillStyle).toBe('#9f1239');
    const box = paints.slice(0, paints.indexOf(text)).filter((p) => p.op === 'fill' || p.op === 'stroke');
    expect(box.at(-2)!.fillStyle).toBe('#fff1f2');
    expect(box.at(-1)!.strokeStyle).toBe('#fda4af');
  });

  it('draws the zone dashed 6 4 with its trust chip and name', () => {
    const paints = draw(SCENE, META).paints;
    const border = paints.find((p) => p.op === 'stroke' && p.strokeStyle === '#10b981')!;
    expect(border.dash).toEqual([6, 4]);
    expect(border.globalAlpha).toBe(0.7);
    const chip = paints.find((p) => p.op === 'fillText' && p.args[0] === 'TRUSTED')!;
    expect(chip.fillStyle).toBe('#064e3b');
    expect(chip.textAlign).toBe('center');
    // The chip is the SVG's estimate wide, 7 x 11 px x 0.68 + 12 = 64.36 px from x 12; the name 8 px after it.
    const name = paints.find((p) => p.op === 'fillText' && p.args[0] === 'Servers')!;
    expect(name.args[1]).toBeCloseTo(84.36, 6);
    expect(name.args[2]).toBe(26);
  });

  it('fades the label of a kept flow, box and text, and nothing after it', () => {
    const scene: Scene = { ...SCENE, edges: [{ ...SCENE.edges[1]!, labelAt: { x: 300, y: 180 } }] };
    const texts = draw(scene, UPGRADE).paints.filter((p) => p.op === 'fillText');
    expect(texts.find((p) => p.args[0] === 'tcp/389')!.globalAlpha).toBe(0.35);
    expect(texts.find((p) => p.args[0] === 'Unchanged by the upgrade from SEG 8.0')!.globalAlpha).toBe(1);
  });

  it('puts the rose dashes of the legend on the sample of an arrow partly removed', () => {
    const paints = draw(SCENE, UPGRADE).paints;
    const sampleY = (words: RegExp) =>
      paints.find((p) => p.op === 'fillText' && words.test(p.args[0] as string))!.args[2] as number;
    const dashes = paints.filter((p) => p.op === 'stroke' && p.dash.join() === '3,9');
    const mixed = sampleY(/^Rose dashes over an arrow/);
    // The arrow's own dashes, then the legend's, 4 px above the sample's text baseline.
    expect(dashes).toHaveLength(2);
    expect(dashes[1]!.path.map((p) => p[1])).toEqual([mixed - 4, mixed - 4]);
  });

  it('writes the legend, with the upgrade lines and the labels left out', () => {
    const texts = draw(SCENE, UPGRADE)
      .paints.filter((p) => p.op === 'fillText')
      .map((p) => p.args[0] as string);
    expect(texts).toContain('Legend');
    expect(texts).toContain('Unchanged by the upgrade from SEG 8.0');
    expect(texts).toContain(
      'Labels omitted for 2 of 3 arrows, where there was no room for them; the flow table and the change request list every service.',
    );
    expect(texts).toContain('Plan: Test · Trustwave SEG 10.0 · 2026-11-28');
  });
});

describe('planDiagram', () => {
  it('draws the examples at the size of their SVG, host by host and in stacks', () => {
    for (const plan of [ENTERPRISE, { ...TWO_SITES, upgradeFrom: '8.0' as const }]) {
      for (const view of [undefined, { stacks: { expanded: [] } }]) {
        const input = {
          plan,
          derivation: deriveFlows(plan),
          scope: { includeInternal: true },
          date: new Date(2026, 10, 28),
          ...(view ? { view } : {}),
        };
        const { scene, meta } = planDiagram(input);
        expect(meta.upgrade !== undefined).toBe(plan.upgradeFrom !== undefined && !view);
        expect(diagramSize(scene, meta)).toEqual(svgSize(planDiagramSvg(input)));
      }
    }
  });
});
