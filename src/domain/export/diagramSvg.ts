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
import { versionLabel } from '../upgrade';
import { diagramScene } from './diagramScene';
import { TRUST_LABELS, TRUST_LEVELS, type Point } from '../plan';
import { visibleText } from '../text';
import { legendRows } from './diagramLegend';
import { fileStem } from './rows';
import type { ExportInput, QuickExporter } from './types';

/**
 * The diagram on its own as a standalone SVG 1.1 document, for design documents and wikis. It draws
 * the shared Scene (the same positions and routes as the canvas and the PDF) and a legend below it.
 * Plain string building: the domain has no DOM, and the output must open in any viewer, so it uses
 * presentation attributes only (no CSS), generic font stacks and no external references.
 */

export interface DiagramMeta {
  planName: string;
  /** As shown in the legend, e.g. "Trustwave SEG 8.0". */
  productVersion: string;
  /** As shown in the legend, e.g. "2026-11-28". */
  date?: string;
  /** While an upgrade is compared: the two versions as the legend names them ("SEG 8.0", "SEG 10.0"). */
  upgrade?: { from: string; to: string };
}

export const SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

/** Room around the drawing, in px. */
export const MARGIN = 24;
const LEGEND_GAP = 32;
const LINE = 20;
const MARKER_CROSSING = 'portolan-arrow-crossing';
const MARKER_INTERNAL = 'portolan-arrow-internal';
const MARKER_REMOVED = 'portolan-arrow-removed';
/** The arrowheads of what an upgrade keeps, faded like their lines. */
const KEPT = '-kept';

/*
 * Characters XML 1.0 does not allow at all (C0 controls other than tab and line ends, U+FFFE/U+FFFF,
 * unpaired surrogates): a single one makes the whole file unreadable, so each is written as its code
 * point, `<U+0001>`, the way bidirectional controls are shown.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are what is being removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text from the plan: bidirectional controls shown as `<U+202E>`, then escaped. */
const planText = (text: string) => xmlEscape(visibleText(text));

/** Coordinates to 0.01 px, which no viewer can tell apart, keeping the file small. */
function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

const finite = (...numbers: number[]) => numbers.every(Number.isFinite);
const finiteRect = (r: Rect) => finite(r.x, r.y, r.width, r.height) && r.width >= 0 && r.height >= 0;

/*
 * A file cannot measure text, so widths are estimated: East Asian wide characters take a full em,
 * everything else `em` of one (about right for system sans faces; monospace is 0.6). Only used to
 * cut names that would run off their card and to size the legend, where a small error is harmless.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

export function estimateWidth(text: string, size: number, em: number): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? size : size * em;
  return width;
}

/** The text, cut with an ellipsis where its estimated width would pass `max`. */
function fit(text: string, max: number, size: number, em: number): string {
  if (estimateWidth(text, size, em) <= max) return text;
  const chars = [...text];
  while (chars.length > 0 && estimateWidth(`${chars.join('')}…`, size, em) > max) chars.pop();
  return `${chars.join('')}…`;
}

interface TextOptions {
  size: number;
  fill: string;
  weight?: 'bold';
  mono?: boolean;
  italic?: boolean;
  anchor?: 'middle';
}

/** A text element; `content` must already be escaped. */
function text(x: number, y: number, content: string, o: TextOptions): string {
  const attrs = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    `font-size="${o.size}"`,
    `fill="${o.fill}"`,
    o.weight ? `font-weight="${o.weight}"` : '',
    o.mono ? `font-family="${MONO}"` : '',
    o.italic ? 'font-style="italic"' : '',
    o.anchor ? `text-anchor="${o.anchor}"` : '',
  ];
  return `<text ${attrs.filter(Boolean).join(' ')}>${content}</text>`;
}

function marker(id: string, colour: string, opacity?: number): string {
  const fade = opacity === undefined ? '' : ` fill-opacity="${opacity}"`;
  return (
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">` +
    `<path d="M0,0 L10,5 L0,10 z" fill="${colour}"${fade}/></marker>`
  );
}

const CHIP_SIZE = 11;

/** Trust chip first, then the name: the chip's width is known, so a long name never runs under it. */
function zone(z: SceneZone): string {
  const { rect: r } = z;
  if (!finiteRect(r)) return '';
  const c = TRUST_COLOURS[z.trust];
  const chipLabel = TRUST_LABELS[z.trust].toUpperCase();
  const chipWidth = estimateWidth(chipLabel, CHIP_SIZE, 0.68) + 12;
  const chipX = r.x + 12;
  const nameX = chipX + chipWidth + 8;
  const name = fit(visibleText(z.name), r.x + r.width - 12 - nameX, 14, 0.62);
  return (
    `<g class="zone">` +
    `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}" rx="12" ` +
    `fill="${c.fill}" fill-opacity="${c.fillOpacity}" stroke="${c.border}" stroke-opacity="${c.borderOpacity}" ` +
    `stroke-width="2" stroke-dasharray="6 4"/>` +
    `<rect class="trust-chip" x="${num(chipX)}" y="${num(r.y + 11)}" width="${num(chipWidth)}" height="20" rx="4" fill="${c.chip}"/>` +
    text(chipX + chipWidth / 2, r.y + 25, chipLabel, {
      size: CHIP_SIZE,
      fill: c.chipText,
      weight: 'bold',
      anchor: 'middle',
    }) +
    text(nameX, r.y + 26, xmlEscape(name), { size: 14, fill: CARD_COLOURS.heading, weight: 'bold' }) +
    `</g>`
  );
}

function host(h: SceneHost): string {
  const { rect: r } = h;
  if (!finiteRect(r)) return '';
  const room = r.width - 24;
  const x = r.x + 12;
  const address =
    h.address !== undefined
      ? text(x, r.y + 58, xmlEscape(fit(visibleText(h.address), room, 12, 0.6)), {
          size: 12,
          fill: CARD_COLOURS.address,
          mono: true,
        })
      : text(x, r.y + 58, 'no address', { size: 12, fill: CARD_COLOURS.address, italic: true });
  return (
    `<g class="host">` +
    `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}" rx="8" ` +
    `fill="${CARD_COLOURS.fill}" stroke="${CARD_COLOURS.border}"/>` +
    text(x, r.y + 22, xmlEscape(fit(visibleText(h.name), room, 14, 0.62)), {
      size: 14,
      fill: CARD_COLOURS.name,
      weight: 'bold',
    }) +
    text(x, r.y + 40, xmlEscape(fit(visibleText(h.roles), room, 12, 0.56)), {
      size: 12,
      fill: CARD_COLOURS.roles,
    }) +
    address +
    `</g>`
  );
}

const points = (ps: readonly Point[]) => ps.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');

/**
 * Solid orange across a firewall, dashed slate inside a zone, as on the canvas; while an upgrade
 * is compared, dashed rose for what it removes and faded for what it keeps.
 */
function lineStyle(e: SceneEdge): string {
  const tone = flowTone(e);
  const c = FLOW_COLOURS[tone];
  // Faded by the stroke's own opacity and a faded arrowhead, not by `opacity`: that makes the
  // renderer draw each arrow on a layer of its own, which took a PNG of 300 hosts over a minute.
  const kept = e.change === 'keep';
  const fade = kept ? ` stroke-opacity="${KEPT_OPACITY}"` : '';
  const head = kept ? KEPT : '';
  if (tone === 'removed')
    return `stroke="${c.line}" stroke-width="2" stroke-dasharray="7 4" marker-end="url(#${MARKER_REMOVED})"`;
  return tone === 'crossing'
    ? `stroke="${c.line}" stroke-width="2" marker-end="url(#${MARKER_CROSSING}${head})"${fade}`
    : `stroke="${c.line}" stroke-width="1.5" stroke-dasharray="5 3" marker-end="url(#${MARKER_INTERNAL}${head})"${fade}`;
}

/** Rose dashes over the line of an arrow some of whose services an upgrade removes. */
const partlyRemoved = (at: string) =>
  `<polyline class="flow partly-removed" points="${at}" fill="none" stroke-linejoin="round" ` +
  `stroke="${FLOW_COLOURS.removed.line}" stroke-width="2" stroke-dasharray="${PARTLY_REMOVED_DASH.join(' ')}"/>`;

function edge(e: SceneEdge): string {
  if (e.points.length < 2 || !e.points.every((p) => finite(p.x, p.y))) return '';
  const change = e.change ? ` ${e.change}` : '';
  const line =
    `<polyline class="flow ${e.crossesFirewall ? 'crossing' : 'internal'}${change}" points="${points(e.points)}" ` +
    `fill="none" stroke-linejoin="round" ${lineStyle(e)}/>`;
  return e.partlyRemoved ? line + partlyRemoved(points(e.points)) : line;
}

const LABEL_SIZE = 10;

function label(e: SceneEdge): string {
  const at = e.labelAt;
  if (!at || !finite(at.x, at.y, e.labelSize.width, e.labelSize.height)) return '';
  const c = FLOW_COLOURS[flowTone(e)];
  const { width, height } = e.labelSize;
  // Faded part by part, for the same reason as the lines (see lineStyle).
  const fade = e.change === 'keep' ? ` fill-opacity="${KEPT_OPACITY}" stroke-opacity="${KEPT_OPACITY}"` : '';
  return (
    `<g class="label"${fade}>` +
    `<rect x="${num(at.x - width / 2)}" y="${num(at.y - height / 2)}" width="${num(width)}" height="${num(height)}" ` +
    `rx="3" fill="${c.labelFill}" stroke="${c.labelBorder}"/>` +
    // 0.35 em below the centre puts the middle of lower-case letters on it (no dominant-baseline,
    // which some renderers ignore).
    text(at.x, at.y + LABEL_SIZE * 0.35, xmlEscape(e.label), {
      size: LABEL_SIZE,
      fill: c.labelText,
      mono: true,
      anchor: 'middle',
    }) +
    `</g>`
  );
}

interface Legend {
  svg: string;
  width: number;
  height: number;
}

/** What the colours and arrows mean, which labels are missing, and what the diagram is of. */
function legend(scene: Scene, meta: DiagramMeta, x: number, top: number): Legend {
  const parts: string[] = [];
  let width = 0;
  let y = top + 14;
  const line = (content: string, plain: string, o: Omit<TextOptions, 'size'> & { size?: number }, dx = 0) => {
    const size = o.size ?? 12;
    parts.push(text(x + dx, y, content, { ...o, size }));
    width = Math.max(width, dx + estimateWidth(plain, size, o.weight ? 0.62 : 0.56));
    y += LINE;
  };
  line('Legend', 'Legend', { size: 13, weight: 'bold', fill: CARD_COLOURS.heading });

  // Zone swatches, one row.
  let sx = x;
  for (const trust of TRUST_LEVELS) {
    const c = TRUST_COLOURS[trust];
    parts.push(
      `<rect class="legend-swatch" x="${num(sx)}" y="${num(y - 12)}" width="28" height="16" rx="4" fill="${c.fill}" ` +
        `fill-opacity="${Math.min(1, c.fillOpacity * 4)}" stroke="${c.border}" stroke-opacity="${c.borderOpacity}" ` +
        `stroke-width="2" stroke-dasharray="6 4"/>`,
    );
    const name = `${TRUST_LABELS[trust]} zone`;
    parts.push(text(sx + 36, y, name, { size: 12, fill: CARD_COLOURS.roles }));
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
    else if (row.kind === 'line') {
      const content = row.about ? `Plan: ${row.about.map(planText).join(' · ')}` : xmlEscape(row.words);
      line(content, row.words, style[row.tone]);
    } else {
      const at = `${num(x)},${num(y - 4)} ${num(x + 36)},${num(y - 4)}`;
      const { partlyRemoved: partly, ...look } = row.look;
      // The rose dashes go under the sample's line, as on an arrow.
      if (partly) parts.push(partlyRemoved(at));
      parts.push(
        `<polyline class="legend-arrow" points="${at}" fill="none" ${lineStyle(look as SceneEdge)}/>`,
      );
      line(xmlEscape(row.words), row.words, style.plain, 48);
    }
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, width, height: y - top - LINE + 6 };
}

/** The scene as a standalone SVG 1.1 document, the legend below the drawing. */
export function diagramSvg(scene: Scene, meta: DiagramMeta): string {
  const empty = scene.zones.length === 0 && scene.hosts.length === 0;
  const drawn: Rect = finiteRect(scene.bounds) ? scene.bounds : { x: 0, y: 0, width: 0, height: 0 };
  const area: Rect = empty ? { x: drawn.x, y: drawn.y, width: 0, height: 16 } : drawn;
  const top = area.y + area.height + LEGEND_GAP;
  const key = legend(scene, meta, area.x, top);
  const x = area.x - MARGIN;
  const y = area.y - MARGIN;
  // Whole pixels, so a PNG of it has no half-covered edge row.
  const width = Math.ceil(Math.max(area.width, key.width) + 2 * MARGIN);
  const height = Math.ceil(top + key.height + MARGIN - y);
  const title = `Network diagram: ${planText(meta.planName)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" ` +
      `viewBox="${num(x)} ${num(y)} ${width} ${height}" font-family="${SANS}">`,
    `<title>${title}</title>`,
    `<defs>${marker(MARKER_CROSSING, FLOW_COLOURS.crossing.line)}${marker(MARKER_INTERNAL, FLOW_COLOURS.internal.line)}${marker(MARKER_REMOVED, FLOW_COLOURS.removed.line)}` +
      `${marker(MARKER_CROSSING + KEPT, FLOW_COLOURS.crossing.line, KEPT_OPACITY)}${marker(MARKER_INTERNAL + KEPT, FLOW_COLOURS.internal.line, KEPT_OPACITY)}</defs>`,
    `<rect class="background" x="${num(x)}" y="${num(y)}" width="${width}" height="${height}" fill="#ffffff"/>`,
    empty
      ? text(area.x, area.y + 12, 'The plan has no hosts yet.', { size: 12, fill: CARD_COLOURS.roles })
      : '',
    `<g class="zones">${scene.zones.map(zone).join('')}</g>`,
    `<g class="flows">${scene.edges.map(edge).join('')}</g>`,
    `<g class="hosts">${scene.hosts.map(host).join('')}</g>`,
    `<g class="labels">${scene.edges.map(label).join('')}</g>`,
    key.svg,
    '</svg>',
    '',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** The date as YYYY-MM-DD in local time, as on the PDF's cover. */
function isoDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The open plan's diagram as an SVG document: the picture the canvas shows (diagramScene.ts). */
export function planDiagramSvg(input: Pick<ExportInput, 'plan' | 'derivation' | 'scope' | 'date' | 'view'>) {
  const { plan, date } = input;
  const scene = diagramScene(input);
  return diagramSvg(scene, {
    planName: plan.name,
    productVersion: `${productName(plan.productVersion)} ${plan.productVersion}`,
    date: isoDate(date),
    // The stacked picture draws the grouped rules, without the upgrade's marks (as the canvas).
    ...(plan.upgradeFrom && !input.view?.stacks
      ? { upgrade: { from: versionLabel(plan.upgradeFrom), to: versionLabel(plan.productVersion) } }
      : {}),
  });
}

/** `<plan name>-diagram`, the name of the SVG and PNG diagram files before the extension. */
export const diagramFileStem = (planName: string) => `${fileStem(planName)}-diagram`;

/** `<plan name>-diagram.svg`. */
export const exportDiagramSvg: QuickExporter = (input) => ({
  filename: `${diagramFileStem(input.plan.name)}.svg`,
  mime: 'image/svg+xml',
  data: planDiagramSvg(input),
});
