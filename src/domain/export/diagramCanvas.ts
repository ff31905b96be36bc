import { productName } from '../catalog';
import {
  CARD_COLOURS,
  FLOW_COLOURS,
  KEPT_OPACITY,
  PARTLY_REMOVED_DASH,
  TRUST_COLOURS,
  flowTone,
} from '../diagram';
import type { Rect, Scene, SceneEdge, SceneHost, SceneZone } from '../diagram';
import { TRUST_LABELS, TRUST_LEVELS, type Point } from '../plan';
import { visibleText } from '../text';
import { versionLabel } from '../upgrade';
import { legendRows } from './diagramLegend';
import { diagramScene } from './diagramScene';
import { MARGIN, MONO, SANS, estimateWidth, type DiagramMeta } from './diagramSvg';
import type { ExportInput } from './types';

/**
 * The diagram drawn onto a 2D canvas, for the PNG: the same Scene, sizes, colours and legend as
 * the SVG (diagramSvg.ts), so the PNG is that picture at PNG_SCALE. Drawing it here rather than
 * rasterising the SVG lets a worker do it on an OffscreenCanvas: the browser's first paint of a
 * large SVG was one main-thread task of almost a second. The context is typed by what is used, so
 * the domain names no DOM object.
 */

/** The part of CanvasRenderingContext2D (and its OffscreenCanvas twin) the drawing uses. */
export interface DiagramContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: string;
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  setLineDash(segments: number[]): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void;
  fill(): void;
  stroke(): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** Twice the diagram's size in pixels, so it stays sharp on high-density screens and when zoomed. */
export const PNG_SCALE = 2;
/*
 * Browsers refuse canvases past a limit (Chromium: 32,767 px a side and about 268 million pixels;
 * Safari less) and each pixel takes 4 bytes while it is drawn, so a very large plan gets a smaller
 * scale instead of a failed or blank image.
 */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 40_000_000;

/** The scale for a `width` × `height` image: `wanted`, or less where the canvas would be too large. */
export function rasterScale(width: number, height: number, wanted = PNG_SCALE): number {
  if (!(width > 0 && height > 0)) return wanted;
  return Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

// As in diagramSvg.ts: the layout must give the same size to the pixel.
const LEGEND_GAP = 32;
const LINE = 20;
const CHIP_SIZE = 11;
const LABEL_SIZE = 10;

const finite = (...numbers: number[]) => numbers.every(Number.isFinite);
const finiteRect = (r: Rect) => finite(r.x, r.y, r.width, r.height) && r.width >= 0 && r.height >= 0;

interface TextStyle {
  size: number;
  fill: string;
  weight?: 'bold';
  mono?: boolean;
  italic?: boolean;
  anchor?: 'middle';
  opacity?: number;
}

const fontOf = (o: TextStyle) =>
  `${o.italic ? 'italic ' : ''}${o.weight ? 'bold ' : ''}${o.size}px ${o.mono ? MONO : SANS}`;

/*
 * The font last set on each context: setting one is parsed each time, and a context reads it back
 * normalised, so comparing with `ctx.font` would always differ. Thousands of cards and labels
 * mostly repeat the previous font.
 */
const fonts = new WeakMap<DiagramContext, string>();

function setFont(ctx: DiagramContext, o: TextStyle) {
  const font = fontOf(o);
  if (fonts.get(ctx) === font) return;
  ctx.font = font;
  fonts.set(ctx, font);
}

/** Text at its alphabetic baseline, where SVG places it. */
function text(ctx: DiagramContext, x: number, y: number, content: string, o: TextStyle) {
  setFont(ctx, o);
  ctx.globalAlpha = o.opacity ?? 1;
  ctx.fillStyle = o.fill;
  ctx.textAlign = o.anchor === 'middle' ? 'center' : 'left';
  ctx.fillText(content, x, y);
}

/** The text, cut with an ellipsis where its measured width in `o`'s font would pass `max`. */
function fit(ctx: DiagramContext, content: string, max: number, o: TextStyle): string {
  setFont(ctx, o);
  if (ctx.measureText(content).width <= max) return content;
  const chars = [...content];
  // The longest cut that fits, found by halving: names may be long, and there are many cards.
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${chars.slice(0, mid).join('')}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}

function roundRect(ctx: DiagramContext, r: Rect, radius: number) {
  const rad = Math.max(0, Math.min(radius, r.width / 2, r.height / 2));
  ctx.beginPath();
  ctx.moveTo(r.x + rad, r.y);
  ctx.arcTo(r.x + r.width, r.y, r.x + r.width, r.y + r.height, rad);
  ctx.arcTo(r.x + r.width, r.y + r.height, r.x, r.y + r.height, rad);
  ctx.arcTo(r.x, r.y + r.height, r.x, r.y, rad);
  ctx.arcTo(r.x, r.y, r.x + r.width, r.y, rad);
  ctx.closePath();
}

interface Paint {
  colour: string;
  opacity?: number;
}

function fillShape(ctx: DiagramContext, { colour, opacity = 1 }: Paint) {
  ctx.globalAlpha = opacity;
  ctx.fillStyle = colour;
  ctx.fill();
}

function strokeShape(
  ctx: DiagramContext,
  { colour, opacity = 1 }: Paint,
  width: number,
  dash: number[] = [],
) {
  ctx.globalAlpha = opacity;
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.stroke();
}

function zone(ctx: DiagramContext, z: SceneZone) {
  const { rect: r } = z;
  if (!finiteRect(r)) return;
  const c = TRUST_COLOURS[z.trust];
  roundRect(ctx, r, 12);
  fillShape(ctx, { colour: c.fill, opacity: c.fillOpacity });
  strokeShape(ctx, { colour: c.border, opacity: c.borderOpacity }, 2, [6, 4]);
  // Trust chip first, then the name: the chip's width is known, so a long name never runs under it.
  const chipLabel = TRUST_LABELS[z.trust].toUpperCase();
  const chipText: TextStyle = { size: CHIP_SIZE, fill: c.chipText, weight: 'bold', anchor: 'middle' };
  // The SVG's estimate, not a measure: the chip and the name sit where the SVG has them.
  const chipWidth = estimateWidth(chipLabel, CHIP_SIZE, 0.68) + 12;
  const chipX = r.x + 12;
  roundRect(ctx, { x: chipX, y: r.y + 11, width: chipWidth, height: 20 }, 4);
  fillShape(ctx, { colour: c.chip });
  text(ctx, chipX + chipWidth / 2, r.y + 25, chipLabel, chipText);
  const nameX = chipX + chipWidth + 8;
  const nameStyle: TextStyle = { size: 14, fill: CARD_COLOURS.heading, weight: 'bold' };
  const name = fit(ctx, visibleText(z.name), r.x + r.width - 12 - nameX, nameStyle);
  text(ctx, nameX, r.y + 26, name, nameStyle);
}

function host(ctx: DiagramContext, h: SceneHost) {
  const { rect: r } = h;
  if (!finiteRect(r)) return;
  roundRect(ctx, r, 8);
  fillShape(ctx, { colour: CARD_COLOURS.fill });
  strokeShape(ctx, { colour: CARD_COLOURS.border }, 1);
  const room = r.width - 24;
  const x = r.x + 12;
  const row = (y: number, content: string, o: TextStyle) => text(ctx, x, y, fit(ctx, content, room, o), o);
  row(r.y + 22, visibleText(h.name), { size: 14, fill: CARD_COLOURS.name, weight: 'bold' });
  row(r.y + 40, visibleText(h.roles), { size: 12, fill: CARD_COLOURS.roles });
  if (h.address !== undefined)
    row(r.y + 58, visibleText(h.address), { size: 12, fill: CARD_COLOURS.address, mono: true });
  else text(ctx, x, r.y + 58, 'no address', { size: 12, fill: CARD_COLOURS.address, italic: true });
}

interface LineStyle {
  colour: string;
  width: number;
  dash: number[];
  opacity: number;
}

/**
 * Solid orange across a firewall, dashed slate inside a zone; while an upgrade is compared,
 * dashed rose for what it removes and faded for what it keeps (diagramSvg.ts's lineStyle).
 */
function lineStyle(e: Pick<SceneEdge, 'crossesFirewall' | 'change'>): LineStyle {
  const tone = flowTone(e);
  const colour = FLOW_COLOURS[tone].line;
  const opacity = e.change === 'keep' ? KEPT_OPACITY : 1;
  if (tone === 'removed') return { colour, width: 2, dash: [7, 4], opacity: 1 };
  return tone === 'crossing'
    ? { colour, width: 2, dash: [], opacity }
    : { colour, width: 1.5, dash: [5, 3], opacity };
}

function polyline(ctx: DiagramContext, ps: readonly Point[]) {
  ctx.beginPath();
  ctx.moveTo(ps[0]!.x, ps[0]!.y);
  for (let i = 1; i < ps.length; i++) ctx.lineTo(ps[i]!.x, ps[i]!.y);
}

/**
 * The SVG's arrowhead: a triangle 10 by 10 in marker units, its point at x 10 and its reference
 * at (9, 5) on the line's end, 7 line widths long (markerWidth 7 at markerUnits strokeWidth),
 * turned along the last segment of any length.
 */
function arrowhead(ctx: DiagramContext, ps: readonly Point[], style: LineStyle) {
  const end = ps[ps.length - 1]!;
  let from: Point | undefined;
  for (let i = ps.length - 2; i >= 0 && !from; i--) {
    const p = ps[i]!;
    if (p.x !== end.x || p.y !== end.y) from = p;
  }
  // The triangle's corners worked out here rather than by transforming the context: thousands of
  // arrows, and each save/restore of the context costs more than the arithmetic.
  const length = from ? Math.hypot(end.x - from.x, end.y - from.y) : 1;
  const unit = (7 * style.width) / 10;
  const dx = from ? ((end.x - from.x) / length) * unit : unit;
  const dy = from ? ((end.y - from.y) / length) * unit : 0;
  // (u, v) in marker units from the reference point: u along the line, v across it.
  const at = (u: number, v: number) => [end.x + u * dx - v * dy, end.y + u * dy + v * dx] as const;
  ctx.beginPath();
  ctx.moveTo(...at(-9, -5));
  ctx.lineTo(...at(1, 0));
  ctx.lineTo(...at(-9, 5));
  ctx.closePath();
  fillShape(ctx, { colour: style.colour, opacity: style.opacity });
}

/** An arrow along `ps`, with its head; the rose dashes over it where an upgrade removes part of it. */
function arrow(
  ctx: DiagramContext,
  ps: readonly Point[],
  look: Pick<SceneEdge, 'crossesFirewall' | 'change'>,
) {
  const style = lineStyle(look);
  polyline(ctx, ps);
  strokeShape(ctx, { colour: style.colour, opacity: style.opacity }, style.width, style.dash);
  arrowhead(ctx, ps, style);
}

function partlyRemoved(ctx: DiagramContext, ps: readonly Point[]) {
  polyline(ctx, ps);
  strokeShape(ctx, { colour: FLOW_COLOURS.removed.line }, 2, [...PARTLY_REMOVED_DASH]);
}

function edge(ctx: DiagramContext, e: SceneEdge) {
  if (e.points.length < 2 || !e.points.every((p) => finite(p.x, p.y))) return;
  arrow(ctx, e.points, e);
  if (e.partlyRemoved) partlyRemoved(ctx, e.points);
}

function label(ctx: DiagramContext, e: SceneEdge) {
  const at = e.labelAt;
  if (!at || !finite(at.x, at.y, e.labelSize.width, e.labelSize.height)) return;
  const c = FLOW_COLOURS[flowTone(e)];
  const { width, height } = e.labelSize;
  // Faded part by part, as the SVG's group of the box and its text.
  const opacity = e.change === 'keep' ? KEPT_OPACITY : 1;
  roundRect(ctx, { x: at.x - width / 2, y: at.y - height / 2, width, height }, 3);
  fillShape(ctx, { colour: c.labelFill, opacity });
  strokeShape(ctx, { colour: c.labelBorder, opacity }, 1);
  // 0.35 em below the centre puts the middle of lower-case letters on it, as in the SVG.
  text(ctx, at.x, at.y + LABEL_SIZE * 0.35, e.label, {
    size: LABEL_SIZE,
    fill: c.labelText,
    mono: true,
    anchor: 'middle',
    opacity,
  });
}

interface Legend {
  draw: (ctx: DiagramContext) => void;
  width: number;
  height: number;
}

/**
 * What the colours and arrows mean, which labels are missing, and what the diagram is of: laid out
 * with the SVG's estimated widths, so the image has the SVG's size, and drawn later.
 */
function legend(scene: Scene, meta: DiagramMeta, x: number, top: number): Legend {
  const parts: ((ctx: DiagramContext) => void)[] = [];
  let width = 0;
  let y = top + 14;
  const line = (content: string, o: Omit<TextStyle, 'size'> & { size?: number }, dx = 0) => {
    const style = { ...o, size: o.size ?? 12 };
    const at = y;
    parts.push((ctx) => text(ctx, x + dx, at, content, style));
    width = Math.max(width, dx + estimateWidth(content, style.size, o.weight ? 0.62 : 0.56));
    y += LINE;
  };
  line('Legend', { size: 13, weight: 'bold', fill: CARD_COLOURS.heading });

  // Zone swatches, one row.
  let sx = x;
  for (const trust of TRUST_LEVELS) {
    const c = TRUST_COLOURS[trust];
    const box = { x: sx, y: y - 12, width: 28, height: 16 };
    const name = `${TRUST_LABELS[trust]} zone`;
    const at = y;
    parts.push((ctx) => {
      roundRect(ctx, box, 4);
      fillShape(ctx, { colour: c.fill, opacity: Math.min(1, c.fillOpacity * 4) });
      strokeShape(ctx, { colour: c.border, opacity: c.borderOpacity }, 2, [6, 4]);
      text(ctx, box.x + 36, at, name, { size: 12, fill: CARD_COLOURS.roles });
    });
    sx += 36 + estimateWidth(name, 12, 0.56) + 20;
  }
  width = Math.max(width, sx - x);
  y += LINE + 2;

  const style = {
    plain: { fill: CARD_COLOURS.roles },
    warning: { fill: CARD_COLOURS.heading, weight: 'bold' },
    plan: { fill: CARD_COLOURS.heading, weight: 'bold' },
    source: { fill: CARD_COLOURS.address },
  } as const;
  for (const row of legendRows(scene, meta)) {
    if (row.kind === 'gap') y += row.by;
    else if (row.kind === 'line') line(row.words, style[row.tone]);
    else {
      const ps = [
        { x, y: y - 4 },
        { x: x + 36, y: y - 4 },
      ];
      parts.push((ctx) => edge(ctx, { ...row.look, points: ps } as SceneEdge));
      line(row.words, style.plain, 48);
    }
  }
  const height = y - top - LINE + 6;
  return { draw: (ctx) => parts.forEach((part) => part(ctx)), width, height };
}

interface Layout {
  /** The drawing's area in scene coordinates, legend and margin included: the SVG's viewBox. */
  frame: Rect;
  empty: boolean;
  area: Rect;
  legend: Legend;
}

function layout(scene: Scene, meta: DiagramMeta): Layout {
  const empty = scene.zones.length === 0 && scene.hosts.length === 0;
  const drawn: Rect = finiteRect(scene.bounds) ? scene.bounds : { x: 0, y: 0, width: 0, height: 0 };
  const area: Rect = empty ? { x: drawn.x, y: drawn.y, width: 0, height: 16 } : drawn;
  const top = area.y + area.height + LEGEND_GAP;
  const key = legend(scene, meta, area.x, top);
  const x = area.x - MARGIN;
  const y = area.y - MARGIN;
  // Whole pixels, as the SVG's width and height.
  const width = Math.ceil(Math.max(area.width, key.width) + 2 * MARGIN);
  const height = Math.ceil(top + key.height + MARGIN - y);
  return { frame: { x, y, width, height }, empty, area, legend: key };
}

/** The diagram's size in CSS pixels (the SVG's width and height); the canvas is that × the scale. */
export function diagramSize(scene: Scene, meta: DiagramMeta): { width: number; height: number } {
  const { width, height } = layout(scene, meta).frame;
  return { width, height };
}

/** The canvas's size in pixels for the diagram at `scale` (see rasterScale). */
export const canvasSize = (size: { width: number; height: number }, scale: number) => ({
  width: Math.max(1, Math.round(size.width * scale)),
  height: Math.max(1, Math.round(size.height * scale)),
});

/**
 * Draws the diagram onto a context of canvasSize(diagramSize(scene, meta), scale): white
 * background, zones, arrows, cards, labels, legend, in the SVG's order.
 */
export function drawDiagram(ctx: DiagramContext, scene: Scene, meta: DiagramMeta, scale: number): void {
  const { frame, empty, area, legend: key } = layout(scene, meta);
  const pixels = canvasSize(frame, scale);
  fonts.delete(ctx);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, pixels.width, pixels.height);
  ctx.setTransform(scale, 0, 0, scale, -frame.x * scale, -frame.y * scale);
  ctx.lineJoin = 'round';
  ctx.textBaseline = 'alphabetic';
  if (empty)
    text(ctx, area.x, area.y + 12, 'The plan has no hosts yet.', { size: 12, fill: CARD_COLOURS.roles });
  for (const z of scene.zones) zone(ctx, z);
  for (const e of scene.edges) edge(ctx, e);
  for (const h of scene.hosts) host(ctx, h);
  for (const e of scene.edges) label(ctx, e);
  key.draw(ctx);
}

/** The date as YYYY-MM-DD in local time, as on the SVG's legend and the PDF's cover. */
function isoDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The open plan's scene and legend text, as planDiagramSvg draws them. */
export function planDiagram(input: Pick<ExportInput, 'plan' | 'derivation' | 'scope' | 'date' | 'view'>): {
  scene: Scene;
  meta: DiagramMeta;
} {
  const { plan, date } = input;
  return {
    scene: diagramScene(input),
    meta: {
      planName: plan.name,
      productVersion: `${productName(plan.productVersion)} ${plan.productVersion}`,
      date: isoDate(date),
      // The stacked picture draws the grouped rules, without the upgrade's marks (as the canvas).
      ...(plan.upgradeFrom && !input.view?.stacks
        ? { upgrade: { from: versionLabel(plan.upgradeFrom), to: versionLabel(plan.productVersion) } }
        : {}),
    },
  };
}
