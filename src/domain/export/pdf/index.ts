import type { Flow } from '../../engine';
import { groupFlows, type Grouping } from '../../grouping';
import { visibleText } from '../../text';
import { fileStem, requestFlows, requestRows, type RequestRow } from '../rows';
import type { Exporter } from '../types';
import { appendix, flowList } from './appendix';
import { cover } from './cover';
import { diagram } from './diagram';
import { Doc, MARGIN, MUTED, formatDate, type PdfInput } from './doc';
import { allWinAnsi, loadFontData, type FontData } from './fonts';
import { groupsSection } from './groups';
import { ruleTable } from './ruleTable';
import { warningsPage } from './warnings';

export type { Paper, PdfInput } from './doc';

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

/** What the request asks for: the flows in scope, as per-flow rows and as grouped rules. */
interface Request {
  flows: Flow[];
  rows: RequestRow[];
  grouping: Grouping;
}

function render(input: PdfInput, { flows, rows, grouping }: Request, unicode?: FontData): Doc {
  const doc = new Doc(input.paper, unicode);
  doc.pdf.setProperties({
    // Properties are not set in a font (jsPDF writes UTF-16): only bidi controls need escaping.
    title: visibleText(
      input.plan.changeRequest?.title?.trim() || `Firewall change request: ${input.plan.name}`,
    ),
    subject: 'Firewall change request',
    creator: 'Portolan',
  });
  cover(doc, input, rows, grouping);
  doc.pdf.addPage();
  diagram(doc, input);
  doc.pdf.addPage();
  // Each section below the one before when its heading and a few lines fit there.
  let end = ruleTable(doc, input.plan, grouping);
  if (grouping.groups.length > 0) end = groupsSection(doc, input.plan, grouping, doc.section(120, end));
  warningsPage(doc, input, doc.section(100, end));
  doc.pdf.addPage();
  end = appendix(doc, input, rows);
  if (flows.length > 0) flowList(doc, input.plan, grouping, flows, doc.section(120, end));
  footers(doc, input);
  return doc;
}

/**
 * The whole change request as a PDF: cover, diagram, the grouped rules and their address groups,
 * warnings, and an appendix of the catalog rules used and of every flow. The Unicode font is
 * fetched only when the plan needs it.
 */
export async function buildChangeRequestPdf(input: PdfInput): Promise<ArrayBuffer> {
  const flows: Flow[] = requestFlows(input.derivation, input.scope);
  const request: Request = {
    flows,
    rows: requestRows(input.plan, flows),
    grouping: groupFlows(input.plan, flows),
  };
  // The plan and its warnings decide the font; a fixed text beyond Windows-1252 is caught as it
  // prints, and the document is then made again with the Unicode font.
  const unicode = !allWinAnsi([input.plan, input.derivation.warnings]);
  let doc = render(input, request, unicode ? await loadFontData() : undefined);
  if (doc.missedText) doc = render(input, request, await loadFontData());
  return doc.pdf.output('arraybuffer');
}

/** `<plan name>-firewall-request.pdf`, on the paper the change request asks for. */
export const exportPdf: Exporter = async ({ plan, derivation, scope, date }) => ({
  filename: `${fileStem(plan.name)}-firewall-request.pdf`,
  mime: 'application/pdf',
  data: await buildChangeRequestPdf({
    plan,
    derivation,
    scope,
    date,
    paper: plan.changeRequest?.paper ?? 'a4',
  }),
});
