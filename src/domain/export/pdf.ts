import { jsPDF } from 'jspdf';
import { autoTable, type RowInput } from 'jspdf-autotable';
import { ROLES, RULE_IDS, formatServices, getRule, inRange, productName } from '../catalog';
import { groupFlowsByPair, type Derivation, type Flow } from '../engine';
import {
  HOST_SIZE,
  TRUST_LABELS,
  edgeSegment,
  hostCentre,
  hostPosition,
  zoneRect,
  type Plan,
  type Trust,
} from '../plan';
import {
  fileStem,
  requestFlows,
  requestRows,
  zonePairLabel,
  type RequestRow,
  type RequestScope,
} from './rows';
import type { Exporter } from './types';

export type Paper = 'a4' | 'letter';

export interface PdfInput {
  plan: Plan;
  derivation: Derivation;
  scope: RequestScope;
  paper: Paper;
  /** When the document is made (passed in so tests can fix it). */
  date: Date;
}

type RGB = [number, number, number];
const INK: RGB = [15, 23, 42];
const MUTED: RGB = [71, 85, 105];
const TEAL: RGB = [15, 118, 110];
const ORANGE: RGB = [234, 88, 12];
const GREY: RGB = [148, 163, 184];
const TRUST_COLOURS: Record<Trust, { fill: RGB; line: RGB }> = {
  untrusted: { fill: [254, 242, 242], line: [248, 113, 113] },
  dmz: { fill: [255, 251, 235], line: [245, 158, 11] },
  trusted: { fill: [236, 253, 245], line: [16, 185, 129] },
};
const MARGIN = 40;

/**
 * The built-in PDF fonts cover Windows-1252 only. Typographic marks are mapped to plain ones and
 * anything else outside the set becomes "?", so the text stays searchable and never garbles.
 */
export function pdfText(text: string): string {
  return (
    text
      .replace(/[\u2192\u21d2]/g, '->')
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\u2026/g, '...')
      .replace(/\u00a0/g, ' ')
      // eslint-disable-next-line no-control-regex -- tab and line breaks are text to keep
      .replace(/[^\u0009\u000a\u000d\u0020-\u007e\u00a1-\u00ff]/g, '?')
  );
}

/** The local calendar date, YYYY-MM-DD. */
function formatDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

class Doc {
  readonly pdf: jsPDF;
  readonly width: number;
  readonly height: number;

  constructor(paper: Paper) {
    this.pdf = new jsPDF({ orientation: 'landscape', unit: 'pt', format: paper, compress: true });
    this.width = this.pdf.internal.pageSize.getWidth();
    this.height = this.pdf.internal.pageSize.getHeight();
  }

  text(
    text: string,
    x: number,
    y: number,
    opts: {
      size?: number;
      bold?: boolean;
      colour?: RGB;
      align?: 'left' | 'right' | 'center';
      maxWidth?: number;
    } = {},
  ) {
    const { pdf } = this;
    pdf.setFont('helvetica', opts.bold ? 'bold' : 'normal');
    pdf.setFontSize(opts.size ?? 10);
    pdf.setTextColor(...(opts.colour ?? INK));
    const lines = opts.maxWidth
      ? (pdf.splitTextToSize(pdfText(text), opts.maxWidth) as string[])
      : [pdfText(text)];
    pdf.text(lines, x, y, { align: opts.align ?? 'left', baseline: 'top' });
    return lines.length * (opts.size ?? 10) * 1.25;
  }

  heading(title: string, subtitle?: string) {
    this.text(title, MARGIN, MARGIN, { size: 18, bold: true });
    if (subtitle)
      this.text(subtitle, MARGIN, MARGIN + 24, {
        size: 10,
        colour: MUTED,
        maxWidth: this.width - 2 * MARGIN,
      });
    return MARGIN + (subtitle ? 48 : 32);
  }
}

function cover(doc: Doc, input: PdfInput, rows: RequestRow[]) {
  const { plan, derivation, scope, date } = input;
  const cr = plan.changeRequest ?? {};
  const { pdf, width } = doc;
  pdf.setFillColor(...TEAL);
  pdf.rect(0, 0, width, 8, 'F');
  doc.text('FIREWALL CHANGE REQUEST', MARGIN, MARGIN, { size: 10, bold: true, colour: TEAL });
  let y = MARGIN + 18;
  y += doc.text(cr.title?.trim() || `Firewall rules for ${plan.name}`, MARGIN, y, {
    size: 24,
    bold: true,
    maxWidth: width - 2 * MARGIN,
  });
  y += 8;
  const crossing = rows.filter((r) => r.crossesFirewall).length;
  const details: [string, string][] = [
    ['Plan', plan.name],
    ['Product', `${productName(plan.productVersion)} ${plan.productVersion}`],
    ['Requester', cr.requester?.trim() || '-'],
    ['Ticket / reference', cr.ticket?.trim() || '-'],
    ['Change window', cr.window?.trim() || '-'],
    ['Date', formatDate(date)],
    [
      'Scope',
      scope.includeInternal
        ? 'All flows between hosts, including those inside a zone'
        : 'Flows that cross a firewall (between zones, or to hosts in no zone)',
    ],
    ['Rules in this request', `${rows.length} (${crossing} through a firewall)`],
    ['Hosts / zones', `${plan.hosts.length} hosts in ${plan.zones.length} zones`],
    ['Warnings', String(derivation.warnings.length)],
  ];
  autoTable(pdf, {
    startY: y + 6,
    margin: { left: MARGIN, right: width / 2 },
    body: details.map(([k, v]) => [k, pdfText(v)]),
    theme: 'plain',
    styles: { fontSize: 10, cellPadding: { top: 3, bottom: 3, left: 0, right: 8 }, textColor: INK },
    columnStyles: { 0: { fontStyle: 'bold', cellWidth: 130, textColor: MUTED } },
  });

  // Rules per zone pair, at a glance.
  const pairs = new Map<string, number>();
  for (const r of rows) pairs.set(zonePairLabel(r), (pairs.get(zonePairLabel(r)) ?? 0) + 1);
  autoTable(pdf, {
    startY: y + 6,
    margin: { left: width / 2 + 20, right: MARGIN },
    head: [['Zone pair', 'Rules']],
    body: [...pairs].map(([k, v]) => [pdfText(k), String(v)]),
    theme: 'striped',
    headStyles: { fillColor: TEAL },
    styles: { fontSize: 9, cellPadding: 4 },
    columnStyles: { 1: { halign: 'right', cellWidth: 50 } },
  });
  // Before the notes, which may run on to the next page.
  doc.text(
    'Source of the port requirements: Trustwave knowledge-base article 10905.',
    MARGIN,
    doc.height - MARGIN - 20,
    {
      size: 9,
      colour: MUTED,
    },
  );
  if (cr.notes?.trim()) {
    const last = (pdf as unknown as { lastAutoTable?: { finalY: number } }).lastAutoTable?.finalY ?? y;
    // A table cell, so long notes break across pages instead of running off the cover.
    autoTable(pdf, {
      startY: Math.max(last, y + 200) + 16,
      margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 30 },
      head: [['Notes']],
      body: [[pdfText(cr.notes.trim())]],
      theme: 'plain',
      headStyles: {
        fontSize: 11,
        fontStyle: 'bold',
        textColor: INK,
        cellPadding: { top: 0, bottom: 4, left: 0, right: 0 },
      },
      styles: { fontSize: 10, textColor: INK, cellPadding: { top: 0, bottom: 0, left: 0, right: 0 } },
    });
  }
}

function arrowHead(pdf: jsPDF, x: number, y: number, dx: number, dy: number, size: number) {
  const px = -dy;
  const py = dx;
  pdf.triangle(
    x,
    y,
    x - dx * size + px * size * 0.45,
    y - dy * size + py * size * 0.45,
    x - dx * size - px * size * 0.45,
    y - dy * size - py * size * 0.45,
    'F',
  );
}

/** The canvas, drawn as vectors: zones, flows, then hosts on top, fitted to the page. */
function diagram(doc: Doc, input: PdfInput) {
  const { plan, derivation } = input;
  const { pdf } = doc;
  const top = doc.heading(
    'Network diagram',
    'Solid orange arrows cross a firewall; dashed grey arrows stay inside a zone.',
  );
  const positions = new Map(plan.hosts.map((h, i) => [h.id, hostPosition(h, i)]));
  const boxes = [
    ...plan.zones.map((z) => {
      const r = zoneRect(z);
      return { x: r.position.x, y: r.position.y, w: r.size.width, h: r.size.height };
    }),
    ...[...positions.values()].map((p) => ({ x: p.x, y: p.y, w: HOST_SIZE.width, h: HOST_SIZE.height })),
  ];
  if (boxes.length === 0) {
    doc.text('The plan has no hosts yet.', MARGIN, top, { colour: MUTED });
    return;
  }
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  const areaW = doc.width - 2 * MARGIN;
  const areaH = doc.height - top - MARGIN - 20;
  const scale = Math.min(areaW / (maxX - minX), areaH / (maxY - minY), 1);
  const ox = MARGIN + (areaW - (maxX - minX) * scale) / 2;
  const oy = top + (areaH - (maxY - minY) * scale) / 2;
  const X = (x: number) => ox + (x - minX) * scale;
  const Y = (y: number) => oy + (y - minY) * scale;
  const fs = (size: number) => Math.max(3, size * scale);

  for (const zone of plan.zones) {
    const z = { ...zone, ...zoneRect(zone) };
    const c = TRUST_COLOURS[z.trust];
    pdf.setFillColor(...c.fill);
    pdf.setDrawColor(...c.line);
    pdf.setLineWidth(1.2 * scale);
    pdf.setLineDashPattern([6 * scale, 4 * scale], 0);
    pdf.roundedRect(
      X(z.position.x),
      Y(z.position.y),
      z.size.width * scale,
      z.size.height * scale,
      8 * scale,
      8 * scale,
      'FD',
    );
    pdf.setLineDashPattern([], 0);
    doc.text(
      `${z.name}  [${TRUST_LABELS[z.trust]}]`,
      X(z.position.x) + 10 * scale,
      Y(z.position.y) + 8 * scale,
      { size: fs(12), bold: true },
    );
  }

  const labels: { text: string; x: number; y: number; crossing: boolean }[] = [];
  for (const pair of groupFlowsByPair(derivation.flows)) {
    const a = positions.get(pair.source);
    const b = positions.get(pair.target);
    if (!a || !b) continue;
    const { start, end, direction, label } = edgeSegment(hostCentre(a), hostCentre(b), pair.hasReverse);
    const colour = pair.crossesFirewall ? ORANGE : GREY;
    pdf.setDrawColor(...colour);
    pdf.setFillColor(...colour);
    pdf.setLineWidth((pair.crossesFirewall ? 1.6 : 1.1) * scale);
    pdf.setLineDashPattern(pair.crossesFirewall ? [] : [5 * scale, 3 * scale], 0);
    pdf.line(X(start.x), Y(start.y), X(end.x), Y(end.y));
    pdf.setLineDashPattern([], 0);
    arrowHead(pdf, X(end.x), Y(end.y), direction.x, direction.y, 8 * scale);
    labels.push({ text: pair.label, x: X(label.x), y: Y(label.y), crossing: pair.crossesFirewall });
  }
  // Service labels only where they are big enough to read.
  if (scale >= 0.45) {
    for (const l of labels) {
      pdf.setFont('helvetica', 'normal');
      pdf.setFontSize(fs(9));
      const w = pdf.getTextWidth(l.text) + 4 * scale;
      pdf.setFillColor(255, 255, 255);
      pdf.setDrawColor(...(l.crossing ? ORANGE : GREY));
      pdf.setLineWidth(0.5 * scale);
      pdf.rect(l.x - w / 2, l.y - fs(9) * 0.7, w, fs(9) * 1.4, 'FD');
      doc.text(l.text, l.x, l.y - fs(9) * 0.55, {
        size: fs(9),
        colour: l.crossing ? [124, 45, 18] : MUTED,
        align: 'center',
      });
    }
  }

  plan.hosts.forEach((h) => {
    const p = positions.get(h.id)!;
    pdf.setFillColor(255, 255, 255);
    pdf.setDrawColor(...MUTED);
    pdf.setLineWidth(0.8 * scale);
    pdf.roundedRect(
      X(p.x),
      Y(p.y),
      HOST_SIZE.width * scale,
      HOST_SIZE.height * scale,
      6 * scale,
      6 * scale,
      'FD',
    );
    const left = X(p.x) + 10 * scale;
    doc.text(h.name, left, Y(p.y) + 8 * scale, { size: fs(13), bold: true });
    doc.text(h.roles.map((r) => ROLES[r].label).join(', '), left, Y(p.y) + 28 * scale, {
      size: fs(10),
      colour: MUTED,
    });
    const address = h.address ?? (h.roles.includes('internet') ? 'any' : 'no address');
    doc.text(address, left, Y(p.y) + 46 * scale, { size: fs(10), colour: MUTED });
  });
}

function ruleTable(doc: Doc, input: PdfInput, rows: RequestRow[]) {
  const top = doc.heading(
    'Firewall rules',
    `${rows.length} rules, grouped by the zones they connect. Each rule allows one protocol and port from the source to the destination; replies to permitted connections are assumed to be allowed by a stateful firewall.`,
  );
  const body: RowInput[] = [];
  let group = '';
  rows.forEach((r, i) => {
    const label = zonePairLabel(r);
    if (label !== group) {
      group = label;
      const count = rows.filter((x) => zonePairLabel(x) === label).length;
      body.push([
        {
          content: pdfText(`${label}  (${count} rule${count === 1 ? '' : 's'})`),
          colSpan: 8,
          styles: { fontStyle: 'bold', fillColor: [226, 232, 240], textColor: INK, halign: 'left' },
        },
      ]);
    }
    body.push([
      String(i + 1),
      pdfText(r.source),
      pdfText(r.sourceAddress || '(no address)'),
      pdfText(r.destination),
      pdfText(r.destinationAddress || '(no address)'),
      r.protocol,
      String(r.port),
      pdfText(`${r.ruleTitle} (${r.rule})`),
    ]);
  });
  autoTable(doc.pdf, {
    startY: top,
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 10 },
    head: [
      ['#', 'Source', 'Source address', 'Destination', 'Destination address', 'Protocol', 'Port', 'Rule'],
    ],
    body,
    showHead: 'everyPage',
    theme: 'grid',
    headStyles: { fillColor: TEAL, textColor: [255, 255, 255], fontStyle: 'bold' },
    styles: {
      fontSize: 8.5,
      cellPadding: 3.5,
      lineColor: [203, 213, 225],
      lineWidth: 0.4,
      textColor: INK,
      overflow: 'linebreak',
    },
    columnStyles: {
      0: { cellWidth: 28, halign: 'right' },
      1: { cellWidth: 'auto' },
      2: { cellWidth: 100, font: 'courier' },
      4: { cellWidth: 100, font: 'courier' },
      5: { cellWidth: 48 },
      6: { cellWidth: 40, halign: 'right' },
      7: { cellWidth: 170 },
    },
  });
}

function warningsPage(doc: Doc, input: PdfInput) {
  const { plan, derivation } = input;
  const top = doc.heading(
    'Warnings and advisories',
    'Where the plan goes against the vendor\u2019s advice or is incomplete.',
  );
  const names = new Map(plan.hosts.map((h) => [h.id, h.name]));
  if (derivation.warnings.length === 0) {
    doc.text('None: the plan follows the vendor\u2019s advice as far as Portolan can tell.', MARGIN, top, {
      colour: MUTED,
    });
    return;
  }
  const label = { error: 'Error', warning: 'Warning', info: 'Advice' } as const;
  autoTable(doc.pdf, {
    startY: top,
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 10 },
    head: [['Severity', 'Finding', 'Hosts', 'Reference']],
    body: derivation.warnings.map((w) => [
      label[w.severity],
      pdfText(w.message),
      pdfText([...new Set(w.hostIds)].map((id) => names.get(id) ?? id).join(', ')),
      pdfText(w.reference ?? ''),
    ]),
    showHead: 'everyPage',
    theme: 'grid',
    headStyles: { fillColor: TEAL },
    styles: { fontSize: 9, cellPadding: 4, textColor: INK, lineColor: [203, 213, 225], lineWidth: 0.4 },
    columnStyles: { 0: { cellWidth: 60, fontStyle: 'bold' }, 2: { cellWidth: 160 }, 3: { cellWidth: 90 } },
  });
}

function appendix(doc: Doc, input: PdfInput, rows: RequestRow[]) {
  const top = doc.heading(
    'Appendix: rules used',
    'Each catalog rule behind this request, why it is needed, and its source.',
  );
  const inRequest = new Set(rows.map((r) => r.rule));
  const used = RULE_IDS.filter((id) => inRequest.has(id));
  autoTable(doc.pdf, {
    startY: top,
    margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN + 10 },
    head: [['Rule', 'Services', 'When', 'Why', 'Source']],
    body: used.map((id) => {
      const rule = getRule(id);
      const notes = rule.notes
        .filter((n) => !n.versions || inRange(input.plan.productVersion, n.versions))
        .map((n) => n.text);
      return [
        pdfText(`${rule.title}\n(${rule.id})`),
        formatServices(rule.services),
        pdfText(rule.condition),
        pdfText([rule.explanation, ...notes].join('\n\n')),
        pdfText(rule.source.citation),
      ];
    }),
    showHead: 'everyPage',
    theme: 'grid',
    headStyles: { fillColor: TEAL },
    styles: {
      fontSize: 9,
      cellPadding: 5,
      textColor: INK,
      lineColor: [203, 213, 225],
      lineWidth: 0.4,
      valign: 'top',
    },
    columnStyles: {
      0: { cellWidth: 120, fontStyle: 'bold' },
      1: { cellWidth: 80 },
      2: { cellWidth: 130 },
      4: { cellWidth: 80 },
    },
  });
}

function footers(doc: Doc, input: PdfInput) {
  const total = doc.pdf.getNumberOfPages();
  for (let i = 1; i <= total; i++) {
    doc.pdf.setPage(i);
    const y = doc.height - MARGIN + 10;
    doc.text(`${input.plan.name} - firewall change request - ${formatDate(input.date)}`, MARGIN, y, {
      size: 8,
      colour: MUTED,
    });
    doc.text(`Page ${i} of ${total}`, doc.width - MARGIN, y, { size: 8, colour: MUTED, align: 'right' });
  }
}

/** The whole change request as a PDF: cover, diagram, rule table, warnings, appendix. */
export function buildChangeRequestPdf(input: PdfInput): ArrayBuffer {
  const flows: Flow[] = requestFlows(input.derivation, input.scope);
  const rows = requestRows(input.plan, flows);
  const doc = new Doc(input.paper);
  doc.pdf.setProperties({
    title: pdfText(input.plan.changeRequest?.title?.trim() || `Firewall change request: ${input.plan.name}`),
    subject: 'Firewall change request',
    creator: 'Portolan',
  });
  cover(doc, input, rows);
  doc.pdf.addPage();
  diagram(doc, input);
  doc.pdf.addPage();
  ruleTable(doc, input, rows);
  doc.pdf.addPage();
  warningsPage(doc, input);
  doc.pdf.addPage();
  appendix(doc, input, rows);
  footers(doc, input);
  return doc.pdf.output('arraybuffer');
}

/** `<plan name>-firewall-request.pdf`, on the paper the change request asks for. */
export const exportPdf: Exporter = ({ plan, derivation, scope, date }) => ({
  filename: `${fileStem(plan.name)}-firewall-request.pdf`,
  mime: 'application/pdf',
  data: buildChangeRequestPdf({ plan, derivation, scope, date, paper: plan.changeRequest?.paper ?? 'a4' }),
});
