import type { jsPDF } from 'jspdf';
import { buildScene } from '../../diagram/scene';
import type { Scene } from '../../diagram/types';
import { groupFlowsByPair } from '../../engine/views';
import { TRUST_LABELS, type Size, type Trust } from '../../plan';
import { GREY, MARGIN, MUTED, ORANGE, type Doc, type PdfInput, type RGB } from './doc';

const TRUST_COLOURS: Record<Trust, { fill: RGB; line: RGB }> = {
  untrusted: { fill: [254, 242, 242], line: [248, 113, 113] },
  dmz: { fill: [255, 251, 235], line: [245, 158, 11] },
  trusted: { fill: [236, 253, 245], line: [16, 185, 129] },
};

/** The smallest arrow label printed, in points: Courier below it is hard to read on paper. */
export const MIN_LABEL_PT = 5;
/** Labels print in Courier, the canvas's 10 px monospace scaled to the page. */
const LABEL_PX = 10;
const LEGEND = 'Solid orange arrows cross a firewall; dashed grey arrows stay inside a zone.';

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

interface Fit {
  scale: number;
  X: (x: number) => number;
  Y: (y: number) => number;
}

/** Fits the scene's bounds into the page area below `top`. */
function fit(doc: Doc, scene: Scene, top: number): Fit {
  const { bounds } = scene;
  const areaW = doc.width - 2 * MARGIN;
  const areaH = doc.height - top - MARGIN - 20;
  const scale = Math.min(areaW / Math.max(bounds.width, 1), areaH / Math.max(bounds.height, 1), 1);
  const ox = MARGIN + (areaW - bounds.width * scale) / 2;
  const oy = top + (areaH - bounds.height * scale) / 2;
  return { scale, X: (x) => ox + (x - bounds.x) * scale, Y: (y) => oy + (y - bounds.y) * scale };
}

/**
 * The shared diagram scene, drawn as vectors and fitted to the page: zones, arrows, their
 * labels, then host cards on top. When the canvas-sized labels would print too small to read,
 * the scene is laid out again with labels of the smallest legible print size, and the legend
 * says how many arrows that left without one.
 */
export function diagram(doc: Doc, input: PdfInput): void {
  const { plan, derivation } = input;
  const { pdf } = doc;
  const pairs = groupFlowsByPair(derivation.flows);
  let scene = buildScene(plan, pairs);
  // The heading's height does not depend on its text; the legend is written once the scene is final.
  const top = MARGIN + 60;
  let frame = fit(doc, scene, top);
  let labelPt = LABEL_PX * frame.scale;
  const enlarged = labelPt < MIN_LABEL_PT;
  if (enlarged) {
    const scale = frame.scale;
    const labelSize = (label: string): Size => ({
      width: (doc.textWidth(label, { size: MIN_LABEL_PT, face: 'mono' }) + 0.8 * MIN_LABEL_PT) / scale,
      height: (1.6 * MIN_LABEL_PT) / scale,
    });
    scene = buildScene(plan, pairs, { labelSize });
    frame = fit(doc, scene, top);
    // Labels sticking out can widen the scene a little, and the page scale shrink with it.
    labelPt = MIN_LABEL_PT * Math.min(1, frame.scale / scale);
  }
  const omitted = scene.unlabelled;
  const why = enlarged ? 'too many to label at this size' : 'no free room beside them';
  doc.heading(
    'Network diagram',
    omitted > 0
      ? `${LEGEND} Labels omitted for ${omitted} of ${scene.edges.length} arrows: ${why}; see the rule table.`
      : LEGEND,
  );
  if (scene.hosts.length === 0 && scene.zones.length === 0) {
    doc.text('The plan has no hosts yet.', MARGIN, top, { colour: MUTED });
    return;
  }
  const { scale, X, Y } = frame;
  const fs = (size: number) => Math.max(3, size * scale);
  // Dashes too small to see only slow a viewer down: such lines are drawn solid.
  const dash = (on: number, off: number) => (scale * off >= 0.05 ? [on * scale, off * scale] : []);

  for (const zone of scene.zones) {
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
    const colour = edge.crossesFirewall ? ORANGE : GREY;
    pdf.setDrawColor(...colour);
    pdf.setFillColor(...colour);
    pdf.setLineWidth((edge.crossesFirewall ? 1.6 : 1.1) * scale);
    pdf.setLineDashPattern(edge.crossesFirewall ? [] : dash(5, 3), 0);
    const points = edge.points.map((p) => [X(p.x), Y(p.y)] as const);
    if (points.every(([x, y]) => finite(x, y))) {
      const [x0, y0] = points[0]!;
      // jsPDF's lines() takes steps relative to the previous point.
      const steps = points.slice(1).map(([x, y], i) => [x - points[i]![0], y - points[i]![1]]);
      pdf.lines(steps, x0, y0, [1, 1], 'S', false);
    }
    pdf.setLineDashPattern([], 0);
    const [ex, ey] = points[points.length - 1]!;
    const [px, py] = points[points.length - 2]!;
    const len = Math.hypot(ex - px, ey - py);
    const [dx, dy] = len > 0 ? [(ex - px) / len, (ey - py) / len] : [1, 0];
    arrowHead(pdf, ex, ey, dx, dy, 8 * scale);
  }

  for (const edge of scene.edges) {
    if (!edge.labelAt) continue;
    const w = edge.labelSize.width * scale;
    const h = edge.labelSize.height * scale;
    const [cx, cy] = [X(edge.labelAt.x), Y(edge.labelAt.y)];
    pdf.setFillColor(255, 255, 255);
    pdf.setDrawColor(...(edge.crossesFirewall ? ORANGE : GREY));
    pdf.setLineWidth(Math.min(0.5, 0.5 * scale));
    const rect = [cx - w / 2, cy - h / 2, w, h] as const;
    if (finite(...rect)) pdf.rect(...rect, 'FD');
    doc.text(edge.label, cx, cy - labelPt * 0.5, {
      size: labelPt,
      face: 'mono',
      colour: edge.crossesFirewall ? [124, 45, 18] : MUTED,
      align: 'center',
    });
  }

  for (const host of scene.hosts) {
    pdf.setFillColor(255, 255, 255);
    pdf.setDrawColor(...MUTED);
    pdf.setLineWidth(0.8 * scale);
    const { rect } = host;
    const [x, y, w, hh] = [X(rect.x), Y(rect.y), rect.width * scale, rect.height * scale];
    if (finite(x, y, w, hh)) pdf.roundedRect(x, y, w, hh, 6 * scale, 6 * scale, 'FD');
    const left = x + 10 * scale;
    doc.text(host.name, left, y + 8 * scale, { size: fs(13), bold: true });
    doc.text(host.roles.replaceAll(' \u00b7 ', ', '), left, y + 28 * scale, { size: fs(10), colour: MUTED });
    doc.text(host.address ?? 'no address', left, y + 46 * scale, { size: fs(10), colour: MUTED });
  }
}
