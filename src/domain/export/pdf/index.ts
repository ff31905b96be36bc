import { visibleText } from '../../text';
import { fileStem } from '../rows';
import type { Exporter } from '../types';
import { cover } from './cover';
import { diagram } from './diagram';
import { Doc, MARGIN, MUTED, formatDate, type PdfInput } from './doc';
import { allWinAnsi, loadFontData, type FontData } from './fonts';
import type { RequestParts } from './parts';
import { firewallRequest } from './request';
import { upgradeRequest } from './upgrade';

export type { Paper, PdfInput } from './doc';

function footers(doc: Doc, input: PdfInput, what: string) {
  const total = doc.pdf.getNumberOfPages();
  for (let i = 1; i <= total; i++) {
    doc.pdf.setPage(i);
    const y = doc.height - MARGIN + 10;
    doc.text(`${input.plan.name} - ${what} - ${formatDate(input.date)}`, MARGIN, y, {
      size: 8,
      colour: MUTED,
    });
    doc.text(`Page ${i} of ${total}`, doc.width - MARGIN, y, { size: 8, colour: MUTED, align: 'right' });
  }
}

/** Cover, diagram, the request's own pages, its appendix, and a footer on every page. */
function render(input: PdfInput, parts: RequestParts, unicode?: FontData): Doc {
  // Shares of a large plan's build, as measured at 1,000 hosts: the diagram and the flow list
  // take the most, then writing the file out.
  const done = (percent: number) => input.progress?.(percent, 100);
  const doc = new Doc(input.paper, unicode);
  doc.pdf.setProperties({
    // Properties are not set in a font (jsPDF writes UTF-16): only bidi controls need escaping.
    title: visibleText(parts.title),
    subject: parts.subject,
    creator: 'Portolan',
  });
  cover(doc, input, parts.cover);
  done(10);
  doc.pdf.addPage();
  diagram(doc, input);
  done(40);
  doc.pdf.addPage();
  parts.body(doc);
  done(50);
  doc.pdf.addPage();
  parts.appendix(doc);
  done(75);
  footers(doc, input, parts.footer);
  done(80);
  return doc;
}

/**
 * The whole change request as a PDF: cover, diagram, the grouped rules and their address groups,
 * the flows the architect excluded (with the decision), warnings, and an appendix of the catalog
 * rules used, the decisions that shape the flows (features off, arrays, chosen counterparts) and
 * every flow. While the plan compares an upgrade (`upgradeFrom`), the upgrade's change request
 * instead: the rules to open before it, to close after it, the excluded flows among them, its
 * advisories, and the unchanged rules in the appendix. The Unicode font is
 * fetched only when the plan needs it.
 */
export async function buildChangeRequestPdf(input: PdfInput): Promise<ArrayBuffer> {
  const from = input.plan.upgradeFrom;
  const parts = from === undefined ? firewallRequest(input) : upgradeRequest(input, from);
  // The plan and its warnings decide the font; a fixed text beyond Windows-1252 is caught as it
  // prints, and the document is then made again with the Unicode font.
  const unicode = !allWinAnsi([input.plan, input.derivation.warnings]);
  let doc = render(input, parts, unicode ? await loadFontData() : undefined);
  if (doc.missedText) doc = render(input, parts, await loadFontData());
  return doc.pdf.output('arraybuffer');
}

/**
 * `<plan name>-firewall-request.pdf`, or `<plan name>-upgrade-<from>-to-<to>.pdf` while an upgrade
 * is compared, on the paper the change request asks for.
 */
export const exportPdf: Exporter = async ({ plan, derivation, scope, date, view, progress }) => ({
  filename:
    plan.upgradeFrom === undefined
      ? `${fileStem(plan.name)}-firewall-request.pdf`
      : `${fileStem(plan.name)}-upgrade-${plan.upgradeFrom}-to-${plan.productVersion}.pdf`,
  mime: 'application/pdf',
  data: await buildChangeRequestPdf({
    plan,
    derivation,
    scope,
    date,
    paper: plan.changeRequest?.paper ?? 'a4',
    ...(view ? { view } : {}),
    ...(progress ? { progress } : {}),
  }),
});
export * from './ruleTable';
