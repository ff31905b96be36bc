import type { jsPDF } from 'jspdf';
import { ROLES } from '../../catalog';
import { groupFlowsByPair } from '../../engine';
import {
  CANVAS_LIMIT,
  HOST_SIZE,
  TRUST_LABELS,
  edgeSegment,
  hostCentre,
  hostPosition,
  zoneRect,
  type Host,
  type Point,
  type Trust,
  type Zone,
} from '../../plan';
import { GREY, MARGIN, MUTED, ORANGE, type Doc, type PdfInput, type RGB } from './doc';

const TRUST_COLOURS: Record<Trust, { fill: RGB; line: RGB }> = {
  untrusted: { fill: [254, 242, 242], line: [248, 113, 113] },
  dmz: { fill: [255, 251, 235], line: [245, 158, 11] },
  trusted: { fill: [236, 253, 245], line: [16, 185, 129] },
};

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/*
 * jsPDF throws on a NaN or infinite coordinate ("Invalid arguments passed to jsPDF.line") and
 * writes other non-finite numbers into the page as they are. A validated plan keeps positions and
 * sizes within ±CANVAS_LIMIT, but the PDF must not depend on that: every number is brought into
 * those bounds first, so the fitted page coordinates are finite too.
 */
const bounded = (n: number) => Math.min(CANVAS_LIMIT, Math.max(-CANVAS_LIMIT, n));
const finitePoint = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);

/** The host card's top-left corner; hosts with no usable position go on the canvas's grid. */
function hostBox(host: Host, index: number): Box {
  const placed = hostPosition(host, index);
  const p = finitePoint(placed) ? placed : hostPosition({ ...host, position: undefined }, index);
  return { x: bounded(p.x), y: bounded(p.y), w: HOST_SIZE.width, h: HOST_SIZE.height };
}

function zoneBox(zone: Zone): Box {
  const fallback = zoneRect({ ...zone, position: undefined, size: undefined });
  const { position, size } = zoneRect(zone);
  const p = finitePoint(position) ? position : fallback.position;
  const sized =
    size.width > 0 && size.height > 0 && size.width <= CANVAS_LIMIT && size.height <= CANVAS_LIMIT;
  const s = sized ? size : fallback.size;
  return { x: bounded(p.x), y: bounded(p.y), w: s.width, h: s.height };
}

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

/** The canvas, drawn as vectors: zones, flows, then hosts on top, fitted to the page. */
export function diagram(doc: Doc, input: PdfInput): void {
  const { plan, derivation } = input;
  const { pdf } = doc;
  const top = doc.heading(
    'Network diagram',
    'Solid orange arrows cross a firewall; dashed grey arrows stay inside a zone.',
  );
  const hosts = new Map(plan.hosts.map((h, i) => [h.id, hostBox(h, i)]));
  const zones = plan.zones.map((z) => ({ zone: z, box: zoneBox(z) }));
  const boxes = [...zones.map((z) => z.box), ...hosts.values()];
  if (boxes.length === 0) {
    doc.text('The plan has no hosts yet.', MARGIN, top, { colour: MUTED });
    return;
  }
  // A loop, not Math.min(...boxes): a plan may hold 12,000 boxes.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.w);
    maxY = Math.max(maxY, b.y + b.h);
  }
  const areaW = doc.width - 2 * MARGIN;
  const areaH = doc.height - top - MARGIN - 20;
  const scale = Math.min(areaW / (maxX - minX), areaH / (maxY - minY), 1);
  const ox = MARGIN + (areaW - (maxX - minX) * scale) / 2;
  const oy = top + (areaH - (maxY - minY) * scale) / 2;
  const X = (x: number) => ox + (x - minX) * scale;
  const Y = (y: number) => oy + (y - minY) * scale;
  const fs = (size: number) => Math.max(3, size * scale);
  // Dashes too small to see only slow a viewer down: such lines are drawn solid.
  const dash = (on: number, off: number) => (scale * off >= 0.05 ? [on * scale, off * scale] : []);

  for (const { zone, box } of zones) {
    const c = TRUST_COLOURS[zone.trust];
    pdf.setFillColor(...c.fill);
    pdf.setDrawColor(...c.line);
    pdf.setLineWidth(1.2 * scale);
    pdf.setLineDashPattern(dash(6, 4), 0);
    const [x, y, w, h] = [X(box.x), Y(box.y), box.w * scale, box.h * scale];
    if (finite(x, y, w, h)) pdf.roundedRect(x, y, w, h, 8 * scale, 8 * scale, 'FD');
    pdf.setLineDashPattern([], 0);
    doc.text(`${zone.name}  [${TRUST_LABELS[zone.trust]}]`, x + 10 * scale, y + 8 * scale, {
      size: fs(12),
      bold: true,
    });
  }

  const labels: { text: string; x: number; y: number; crossing: boolean }[] = [];
  for (const pair of groupFlowsByPair(derivation.flows)) {
    const a = hosts.get(pair.source);
    const b = hosts.get(pair.target);
    if (!a || !b) continue;
    const { start, end, direction, label } = edgeSegment(hostCentre(a), hostCentre(b), pair.hasReverse);
    const colour = pair.crossesFirewall ? ORANGE : GREY;
    pdf.setDrawColor(...colour);
    pdf.setFillColor(...colour);
    pdf.setLineWidth((pair.crossesFirewall ? 1.6 : 1.1) * scale);
    pdf.setLineDashPattern(pair.crossesFirewall ? [] : dash(5, 3), 0);
    const line = [X(start.x), Y(start.y), X(end.x), Y(end.y)] as const;
    if (finite(...line)) pdf.line(...line);
    pdf.setLineDashPattern([], 0);
    arrowHead(pdf, X(end.x), Y(end.y), direction.x, direction.y, 8 * scale);
    labels.push({ text: pair.label, x: X(label.x), y: Y(label.y), crossing: pair.crossesFirewall });
  }
  // Service labels only where they are big enough to read.
  if (scale >= 0.45) {
    for (const l of labels) {
      const size = fs(9);
      const w = doc.textWidth(l.text, { size }) + 4 * scale;
      pdf.setFillColor(255, 255, 255);
      pdf.setDrawColor(...(l.crossing ? ORANGE : GREY));
      pdf.setLineWidth(0.5 * scale);
      const rect = [l.x - w / 2, l.y - size * 0.7, w, size * 1.4] as const;
      if (finite(...rect)) pdf.rect(...rect, 'FD');
      doc.text(l.text, l.x, l.y - size * 0.55, {
        size,
        colour: l.crossing ? [124, 45, 18] : MUTED,
        align: 'center',
      });
    }
  }

  plan.hosts.forEach((h) => {
    const box = hosts.get(h.id)!;
    pdf.setFillColor(255, 255, 255);
    pdf.setDrawColor(...MUTED);
    pdf.setLineWidth(0.8 * scale);
    const [x, y, w, hh] = [X(box.x), Y(box.y), box.w * scale, box.h * scale];
    if (finite(x, y, w, hh)) pdf.roundedRect(x, y, w, hh, 6 * scale, 6 * scale, 'FD');
    const left = x + 10 * scale;
    doc.text(h.name, left, y + 8 * scale, { size: fs(13), bold: true });
    doc.text(h.roles.map((r) => ROLES[r].label).join(', '), left, y + 28 * scale, {
      size: fs(10),
      colour: MUTED,
    });
    const address = h.address ?? (h.roles.includes('internet') ? 'any' : 'no address');
    doc.text(address, left, y + 46 * scale, { size: fs(10), colour: MUTED });
  });
}
