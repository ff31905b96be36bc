import { groupFlows } from '../../grouping';
import { requestFlows, requestRows } from '../rows';
import { appendix, flowList } from './appendix';
import { requestCover } from './cover';
import { decisionsNote } from './decisions';
import { deviceSections } from './devices';
import { MARGIN, type PdfInput } from './doc';
import { excludedFlows, excludedSection } from './excluded';
import { groupsSection } from './groups';
import type { RequestParts } from './parts';
import { ruleTable } from './ruleTable';
import { warningsPage } from './warnings';

/**
 * The firewall change request: the grouped rules of the flows in scope and their address groups,
 * the flows in scope the architect excluded, the warnings, the rules per firewall device (when the
 * plan has devices, with those that pass none under "No path"), and an appendix of the catalog rules
 * used, the decisions that shape the flows, and every flow.
 */
export function firewallRequest(input: PdfInput): RequestParts {
  const { plan } = input;
  const flows = requestFlows(input.derivation, input.scope);
  const rows = requestRows(plan, flows);
  const grouping = groupFlows(plan, flows);
  const excluded = excludedFlows(plan, input.derivation.flows, input.derivation.excluded, input.scope);
  return {
    title: plan.changeRequest?.title?.trim() || `Firewall change request: ${plan.name}`,
    subject: 'Firewall change request',
    cover: requestCover(input, rows, grouping, excluded.length),
    body(doc) {
      // Each section below the one before when its heading and a few lines fit there.
      let end = ruleTable(doc, plan, grouping);
      if (grouping.groups.length > 0) end = groupsSection(doc, plan, grouping, doc.section(120, end));
      if (excluded.length > 0) end = excludedSection(doc, excluded, doc.section(120, end));
      warningsPage(doc, input, doc.section(100, end));
      // The rules per firewall device, a part of their own, when the plan has devices.
      if (plan.firewalls?.length) {
        doc.pdf.addPage();
        deviceSections(doc, plan, grouping, input.derivation.warnings, MARGIN);
      }
    },
    appendix(doc) {
      const end = decisionsNote(doc, plan, appendix(doc, input, rows));
      if (flows.length > 0) flowList(doc, plan, grouping, flows, doc.section(120, end));
    },
    footer: 'firewall change request',
  };
}
