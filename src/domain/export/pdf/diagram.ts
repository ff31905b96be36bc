import type { jsPDF } from 'jspdf';
import { FLOW_COLOURS, KEPT_OPACITY, PARTLY_REMOVED_DASH, flowTone } from '../../diagram';
import type { Rect, Scene, SceneEdge } from '../../diagram';
import { versionLabel } from '../../upgrade';
import { diagramScene } from '../diagramScene';
import { TRUST_LABELS, type Size, type Trust } from '../../plan';
import { GREY, MARGIN, MUTED, ORANGE, type Doc, type PdfInput, type RGB } from './doc';

const TRUST_COLOURS: Record<Trust, { fill: RGB; line: RGB }> = {
  untrusted: { fill: [254, 242, 242], line: [248, 113, 113] },
  dmz: { fill: [255, 251, 235], line: [245, 158, 11] },
  trusted: { fill: [236, 253, 245], line: [16, 185, 129] },
};

/** The smallest arrow label printed, in points: Courier below it is hard to read on paper. */
export const MIN_LABEL_PT = 5;
/** The smallest host name printed, in points; roles, addresses and zone names print at MIN_LABEL_PT or more. */
export const MIN_NAME_PT = 6;
/** Host names are set at 13 px on the canvas, roles and addresses at 10 px. */
const NAME_PX = 13;
/** Labels print in Courier, the canvas's 10 px monospace scaled to the page. */
const LABEL_PX = 10;
/** The scale at which host names print at MIN_NAME_PT: a diagram smaller than this is cut into tiles. */
const LEGIBLE_SCALE = MIN_NAME_PT / NAME_PX;
/** More tiles than this would not be a diagram any more: such a plan prints small on one page. */
export const MAX_TILES = 16;
const LEGEND = 'Solid orange arrows cross a firewall; dashed grey arrows stay inside a zone.';

/** The legend's words for the marks an upgrade puts on the arrows. */
function upgradeLegend(from: string, to: string): string {
  return (
    `${versionLabel(from)} \u2192 ${to}: + marks a service to open before the upgrade, \u2212 one to close ` +
    'after it; dashed rose arrows carry only services to close, rose dashes over an arrow mark one that ' +
    'loses some, faded arrows stay as they are.'
  );
}

function rgb(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A colour as it looks at `opacity` on white paper: jsPDF has no cheap transparency. */
export function onWhite([r, g, b]: RGB, opacity: number): RGB {
  const mix = (c: number) => Math.round(255 - (255 - c) * opacity);
  return [mix(r), mix(g), mix(b)];
}

/** How an arrow is drawn: line colour and width, dashed or not, and its label's border and text. */
interface EdgeLook {
  line: RGB;
  width: number;
  dashed: boolean;
  labelBorder: RGB;
  labelText: RGB;
}

/**
 * Solid orange across a firewall, dashed grey inside a zone; while an upgrade is compared, dashed
 * rose for an arrow whose services all go, and faded for one the upgrade leaves as it is.
 */
function edgeLook(edge: Pick<SceneEdge, 'crossesFirewall' | 'change'>): EdgeLook {
  if (flowTone(edge) === 'removed') {
    const c = FLOW_COLOURS.removed;
    return {
      line: rgb(c.line),
      width: 1.6,
      dashed: true,
      labelBorder: rgb(c.labelBorder),
      labelText: rgb(c.labelText),
    };
  }
  const look: EdgeLook = edge.crossesFirewall
    ? { line: ORANGE, width: 1.6, dashed: false, labelBorder: ORANGE, labelText: [124, 45, 18] }
    : { line: GREY, width: 1.1, dashed: true, labelBorder: GREY, labelText: MUTED };
  if (edge.change !== 'keep') return look;
  return {
    ...look,
    line: onWhite(look.line, KEPT_OPACITY),
    labelBorder: onWhite(look.labelBorder, KEPT_OPACITY),
    // Still readable, if lighter.
    labelText: onWhite(look.labelText, 0.6),
  };
}
/** Room above the diagram for the heading and legend. */
const HEADER = 60;

/** Draws only when every number is finite: one bad shape is left out, never the whole PDF. */
function finite(...numbers: number[]): boolean {
  return numbers.every(Number.isFinite);
}

function arrowHead(pdf: jsPDF, x: number, y: number, dx: number, dy: number, size: number) {
  const px = -dy;
  const py = dx;
  const corners = [
    x,
    y,
    x - dx * size + px * size * 0.45,
    y - dy * size + py * size * 0.45,
    x - dx * size - px * size * 0.45,
    y - dy * size - py * size * 0.45,
  ] as const;
  if (finite(...corners)) pdf.triangle(...corners, 'F');
}

/** One page's part of the scene, in scene units. */
interface Tile {
  rect: Rect;
  row: number;
  column: number;
}

/** How the scene is printed: at one scale, on one page or on a grid of overlapping tiles. */
interface Frame {
  scale: number;
  rows: number;
  columns: number;
  tiles: Tile[];
  /** True when names print at MIN_NAME_PT or more. */
  legible: boolean;
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function meets(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

function labelRect(edge: Scene['edges'][number]): Rect | undefined {
  if (!edge.labelAt) return undefined;
  const { width, height } = edge.labelSize;
  return { x: edge.labelAt.x - width / 2, y: edge.labelAt.y - height / 2, width, height };
}

function edgeBox(edge: Scene['edges'][number], pad: number): Rect {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of edge.points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad };
}

/**
 * Fits the scene to the page when names stay legible; otherwise finds the smallest grid of tiles
 * that prints them at MIN_NAME_PT. Neighbouring tiles overlap by more than a card and a label, so
 * each of them is whole on at least one page.
 */
function frame(doc: Doc, scene: Scene): Frame {
  const { bounds } = scene;
  const areaW = doc.width - 2 * MARGIN;
  const areaH = doc.height - MARGIN - HEADER - MARGIN - 20;
  const grid = (columns: number, rows: number, scale: number, overlapX = 0, overlapY = 0): Frame => {
    const [tw, th] = [areaW / scale, areaH / scale];
    const [stepX, stepY] = [tw - overlapX, th - overlapY];
    // The grid is centred on the scene.
    const x0 = bounds.x - ((columns - 1) * stepX + tw - bounds.width) / 2;
    const y0 = bounds.y - ((rows - 1) * stepY + th - bounds.height) / 2;
    const tiles: Tile[] = [];
    for (let row = 0; row < rows; row++)
      for (let column = 0; column < columns; column++)
        tiles.push({
          rect: { x: x0 + column * stepX, y: y0 + row * stepY, width: tw, height: th },
          row,
          column,
        });
    return { scale, rows, columns, tiles, legible: scale >= LEGIBLE_SCALE };
  };
  const onePage = Math.min(areaW / Math.max(bounds.width, 1), areaH / Math.max(bounds.height, 1), 1);
  if (onePage >= LEGIBLE_SCALE) return grid(1, 1, onePage);

  let [cardW, cardH, labelW, labelH] = [0, 0, 0, 0];
  for (const h of scene.hosts)
    [cardW, cardH] = [Math.max(cardW, h.rect.width), Math.max(cardH, h.rect.height)];
  for (const e of scene.edges)
    if (e.labelAt)
      [labelW, labelH] = [Math.max(labelW, e.labelSize.width), Math.max(labelH, e.labelSize.height)];
  const [tw, th] = [areaW / LEGIBLE_SCALE, areaH / LEGIBLE_SCALE];
  // At least 5% of a tile, and more than the widest card or label: none has to be cut.
  const overlapX = Math.min(Math.max(0.05 * tw, cardW + 16, labelW + 16), tw / 2);
  const overlapY = Math.min(Math.max(0.05 * th, cardH + 16, labelH + 16), th / 2);
  const columns = Math.max(1, Math.ceil((bounds.width - overlapX) / (tw - overlapX)));
  const rows = Math.max(1, Math.ceil((bounds.height - overlapY) / (th - overlapY)));
  if (!(columns * rows <= MAX_TILES)) return grid(1, 1, onePage);
  // The smallest grid, at the largest scale that still covers the scene with it.
  const scale = Math.min(
    (areaW * columns) / (bounds.width + (columns - 1) * overlapX),
    (areaH * rows) / (bounds.height + (rows - 1) * overlapY),
    1,
  );
  return grid(columns, rows, scale, overlapX, overlapY);
}

/** "top left", "middle", "row 2, column 3": where a tile sits in its grid. */
function tilePlace(tile: Tile, f: Frame): string {
  const word = (i: number, n: number, names: string[][], what: string) =>
    n === 1 ? undefined : (names[n - 2]?.[i] ?? `${what} ${i + 1}`);
  const vertical = word(
    tile.row,
    f.rows,
    [
      ['top', 'bottom'],
      ['top', 'middle', 'bottom'],
    ],
    'row',
  );
  const horizontal = word(
    tile.column,
    f.columns,
    [
      ['left', 'right'],
      ['left', 'centre', 'right'],
    ],
    'column',
  );
  if (vertical && horizontal)
    return vertical.startsWith('row') || horizontal.startsWith('column')
      ? `${vertical}, ${horizontal}`
      : `${vertical} ${horizontal}`;
  return vertical ?? horizontal ?? '';
}

/** A small map of the whole scene with the tile's area outlined, in the heading's right corner. */
function overviewMap(doc: Doc, scene: Scene, tile: Rect, right: number, top: number, w: number, h: number) {
  const { pdf } = doc;
  const { bounds } = scene;
  const m = Math.min(w / Math.max(bounds.width, 1), h / Math.max(bounds.height, 1));
  const ox = right - bounds.width * m;
  const X = (x: number) => ox + (x - bounds.x) * m;
  const Y = (y: number) => top + (y - bounds.y) * m;
  pdf.setLineDashPattern([], 0);
  pdf.setLineWidth(0.3);
  pdf.setDrawColor(...GREY);
  pdf.setFillColor(248, 250, 252);
  pdf.rect(ox, top, bounds.width * m, bounds.height * m, 'FD');
  for (const z of scene.zones) {
    const r = [X(z.rect.x), Y(z.rect.y), z.rect.width * m, z.rect.height * m] as const;
    pdf.setFillColor(...TRUST_COLOURS[z.trust].fill);
    pdf.setDrawColor(...TRUST_COLOURS[z.trust].line);
    if (finite(...r)) pdf.rect(...r, 'FD');
  }
  pdf.setFillColor(...MUTED);
  for (const host of scene.hosts) {
    const r = [X(host.rect.x), Y(host.rect.y), host.rect.width * m, host.rect.height * m] as const;
    if (finite(...r)) pdf.rect(...r, 'F');
  }
  // The tile's part, as far as it lies on the scene.
  const x0 = Math.max(tile.x, bounds.x);
  const y0 = Math.max(tile.y, bounds.y);
  const x1 = Math.min(tile.x + tile.width, bounds.x + bounds.width);
  const y1 = Math.min(tile.y + tile.height, bounds.y + bounds.height);
  pdf.setDrawColor(...ORANGE);
  pdf.setLineWidth(1);
  if (finite(x0, y0, x1, y1)) pdf.rect(X(x0), Y(y0), (x1 - x0) * m, (y1 - y0) * m, 'S');
}

/**
 * The shared diagram scene, drawn as vectors: zones, arrows, their labels, then host cards on
 * top. It is fitted to one page when host names print at MIN_NAME_PT or more there, and cut into
 * the smallest grid of overlapping tiles, one a page, that prints them so otherwise. When the
 * canvas-sized labels would print too small to read, the scene is laid out again with labels of
 * the smallest legible print size, and the legend says how many arrows that left without one.
 */
export function diagram(doc: Doc, input: PdfInput): void {
  const { plan } = input;
  const { pdf } = doc;
  let scene = diagramScene(input);
  const top = MARGIN + HEADER;
  let f = frame(doc, scene);
  let labelPt = LABEL_PX * f.scale;
  const enlarged = labelPt < MIN_LABEL_PT;
  if (enlarged) {
    const scale = f.scale;
    const labelSize = (label: string): Size => ({
      width: (doc.textWidth(label, { size: MIN_LABEL_PT, face: 'mono' }) + 0.8 * MIN_LABEL_PT) / scale,
      height: (1.6 * MIN_LABEL_PT) / scale,
    });
    scene = diagramScene(input, { labelSize });
    f = frame(doc, scene);
    // Labels sticking out can widen the scene a little, and the page scale shrink with it; the
    // padding in each label's box leaves room for that.
    labelPt = f.legible ? MIN_LABEL_PT : MIN_LABEL_PT * Math.min(1, f.scale / scale);
  }
  const omitted = scene.unlabelled;
  const why = enlarged ? 'too many to label at this size' : 'no free room beside them';
  // The stacked picture draws the grouped rules, without the upgrade's marks (as the canvas).
  const marks =
    plan.upgradeFrom === undefined || input.view?.stacks
      ? ''
      : ` ${upgradeLegend(plan.upgradeFrom, plan.productVersion)}`;
  const legend =
    omitted > 0
      ? `${LEGEND}${marks} Labels omitted for ${omitted} of ${scene.edges.length} arrows: ${why}; see the rule table.`
      : `${LEGEND}${marks}`;
  if (scene.hosts.length === 0 && scene.zones.length === 0) {
    doc.heading('Network diagram', legend);
    doc.text('The plan has no hosts yet.', MARGIN, top, { colour: MUTED });
    return;
  }
  const { scale, tiles } = f;
  // Names print at MIN_NAME_PT or more once the scale is legible; the smaller text is kept at MIN_LABEL_PT.
  const fs = (size: number) => Math.max(f.legible ? MIN_LABEL_PT : 3, size * scale);
  // Dashes too small to see only slow a viewer down: such lines are drawn solid.
  const dash = (on: number, off: number) => (scale * off >= 0.05 ? [on * scale, off * scale] : []);
  // Each label prints once: on the first tile that holds it whole (with overlapping tiles there is one).
  const labelTile = scene.edges.map((e) => {
    const r = labelRect(e);
    return r ? tiles.findIndex((t) => contains(t.rect, r)) : -1;
  });
  const area = { x: MARGIN, y: top, width: doc.width - 2 * MARGIN, height: doc.height - top - MARGIN - 20 };

  tiles.forEach((tile, index) => {
    if (index > 0) pdf.addPage();
    const tiled = tiles.length > 1;
    if (tiled) {
      const mapW = 150;
      const title = `Network diagram, part ${index + 1} of ${tiles.length} (${tilePlace(tile, f)})`;
      doc.text(title, MARGIN, MARGIN, { size: 18, bold: true });
      doc.text(
        index === 0 ? legend : 'The legend is on part 1. Parts overlap a little at their edges.',
        MARGIN,
        MARGIN + 24,
        {
          size: 10,
          colour: MUTED,
          maxWidth: doc.width - 2 * MARGIN - mapW - 16,
        },
      );
      overviewMap(doc, scene, tile.rect, doc.width - MARGIN, MARGIN, mapW, HEADER - 12);
      pdf.saveGraphicsState();
      pdf.rect(area.x, area.y, area.width, area.height, null);
      pdf.clip();
      pdf.discardPath();
    } else {
      doc.heading('Network diagram', legend);
    }
    drawTile(tile.rect, index);
    if (tiled) {
      pdf.restoreGraphicsState();
      pdf.setDrawColor(...GREY);
      pdf.setLineWidth(0.5);
      pdf.setLineDashPattern([2, 2], 0);
      pdf.rect(area.x, area.y, area.width, area.height, 'S');
      pdf.setLineDashPattern([], 0);
    }
  });

  function drawTile(view: Rect, index: number) {
    const X = (x: number) => MARGIN + (x - view.x) * scale;
    const Y = (y: number) => top + (y - view.y) * scale;
    // Only what reaches the tile is drawn; text sticks out of its shape by a little at most.
    const near = (r: Rect) => tiles.length === 1 || meets(view, r);

    for (const zone of scene.zones) {
      if (!near(zone.rect)) continue;
      const c = TRUST_COLOURS[zone.trust];
      pdf.setFillColor(...c.fill);
      pdf.setDrawColor(...c.line);
      pdf.setLineWidth(1.2 * scale);
      pdf.setLineDashPattern(dash(6, 4), 0);
      const { rect } = zone;
      const [x, y, w, h] = [X(rect.x), Y(rect.y), rect.width * scale, rect.height * scale];
      if (finite(x, y, w, h)) pdf.roundedRect(x, y, w, h, 8 * scale, 8 * scale, 'FD');
      pdf.setLineDashPattern([], 0);
      doc.text(`${zone.name}  [${TRUST_LABELS[zone.trust]}]`, x + 10 * scale, y + 8 * scale, {
        size: fs(12),
        bold: true,
      });
    }

    for (const edge of scene.edges) {
      if (!near(edgeBox(edge, 10))) continue;
      const look = edgeLook(edge);
      pdf.setDrawColor(...look.line);
      pdf.setFillColor(...look.line);
      pdf.setLineWidth(look.width * scale);
      pdf.setLineDashPattern(look.dashed ? dash(flowTone(edge) === 'removed' ? 7 : 5, 3) : [], 0);
      const points = edge.points.map((p) => [X(p.x), Y(p.y)] as const);
      if (points.every(([x, y]) => finite(x, y))) {
        const [x0, y0] = points[0]!;
        // jsPDF's lines() takes steps relative to the previous point.
        const steps = points.slice(1).map(([x, y], i) => [x - points[i]![0], y - points[i]![1]]);
        pdf.lines(steps, x0, y0, [1, 1], 'S', false);
        if (edge.partlyRemoved) {
          // Some of its services go with the upgrade: rose dashes over the line.
          pdf.setDrawColor(...rgb(FLOW_COLOURS.removed.line));
          pdf.setLineDashPattern(dash(...PARTLY_REMOVED_DASH), 0);
          pdf.lines(steps, x0, y0, [1, 1], 'S', false);
          pdf.setDrawColor(...look.line);
        }
      }
      pdf.setLineDashPattern([], 0);
      const [ex, ey] = points[points.length - 1]!;
      const [px, py] = points[points.length - 2]!;
      const len = Math.hypot(ex - px, ey - py);
      const [dx, dy] = len > 0 ? [(ex - px) / len, (ey - py) / len] : [1, 0];
      arrowHead(pdf, ex, ey, dx, dy, 8 * scale);
    }

    scene.edges.forEach((edge, i) => {
      const r = labelRect(edge);
      if (!r || !edge.labelAt) return;
      // A label no tile holds whole is drawn, cut, on every tile it reaches.
      if (labelTile[i] !== index && !(labelTile[i] === -1 && near(r))) return;
      const w = edge.labelSize.width * scale;
      const h = edge.labelSize.height * scale;
      const [cx, cy] = [X(edge.labelAt.x), Y(edge.labelAt.y)];
      const look = edgeLook(edge);
      pdf.setFillColor(255, 255, 255);
      pdf.setDrawColor(...look.labelBorder);
      pdf.setLineWidth(Math.min(0.5, 0.5 * scale));
      const box = [cx - w / 2, cy - h / 2, w, h] as const;
      if (finite(...box)) pdf.rect(...box, 'FD');
      doc.text(edge.label, cx, cy - labelPt * 0.5, {
        size: labelPt,
        face: 'mono',
        colour: look.labelText,
        align: 'center',
      });
    });

    for (const host of scene.hosts) {
      if (!near(host.rect)) continue;
      pdf.setFillColor(255, 255, 255);
      pdf.setDrawColor(...MUTED);
      pdf.setLineWidth(0.8 * scale);
      const { rect } = host;
      const [x, y, w, hh] = [X(rect.x), Y(rect.y), rect.width * scale, rect.height * scale];
      if (finite(x, y, w, hh)) pdf.roundedRect(x, y, w, hh, 6 * scale, 6 * scale, 'FD');
      const left = x + 10 * scale;
      // Each line stays on its card: a stack's list of hosts is cut with an ellipsis, as on the canvas.
      const room = w - 20 * scale;
      doc.text(host.name, left, y + 8 * scale, { size: fs(NAME_PX), bold: true });
      doc.text(fitted(doc, host.roles.replaceAll(' \u00b7 ', ', '), room, fs(10)), left, y + 28 * scale, {
        size: fs(10),
        colour: MUTED,
      });
      doc.text(fitted(doc, host.address ?? 'no address', room, fs(10)), left, y + 46 * scale, {
        size: fs(10),
        colour: MUTED,
      });
    }
  }
}

/** `text`, cut to fit `width` at `size` with an ellipsis when it is wider. */
function fitted(doc: Doc, text: string, width: number, size: number): string {
  if (!(width > 0) || doc.textWidth(text, { size }) <= width) return text;
  let n = text.length;
  while (n > 1 && doc.textWidth(`${text.slice(0, n)}\u2026`, { size }) > width) n--;
  return `${text.slice(0, n).trimEnd()}\u2026`;
}
