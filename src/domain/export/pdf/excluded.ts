import { flowId } from '../../engine';
import type { Flow } from '../../engine';
import type { Exclusion, ExclusionKind, Plan } from '../../plan';
import { requestRows, type RequestRow, type RequestScope } from '../rows';
import { MARGIN, type Doc } from './doc';
import { listTable, type ListColumn } from './fastGrid';

/*
 * The flows the architect left out of the change request (already allowed by an existing firewall
 * rule, or not needed), each with the decision and its reference or reason, so the firewall team
 * sees what was left out and why.
 */

/** One excluded flow: its row as the request would print it, the decision, and (upgrade) its change. */
export interface ExcludedFlow {
  row: RequestRow;
  exclusion: Exclusion;
  /** In the upgrade's request: whether the flow would have been opened, closed, or kept as it is. */
  change?: 'Open' | 'Close' | 'Keep';
}

const DECISION: Record<ExclusionKind, string> = {
  allowed: 'Already allowed',
  'not-needed': 'Not needed',
};

/** The plan's exclusions by the id of the flow they name. */
export function exclusionsById(plan: Plan): Map<string, Exclusion> {
  return new Map(
    (plan.exclusions ?? []).map((e) => [flowId(e.rule, e.source, e.destination, e.protocol, e.port), e]),
  );
}

/**
 * The excluded flows among `flows` that the request's scope would hold (crossing a firewall,
 * unless it includes internal flows), in the order of `flows` (catalog rule by rule).
 */
export function excludedFlows(
  plan: Plan,
  flows: readonly Flow[],
  excluded: ReadonlyMap<string, Exclusion>,
  scope: RequestScope,
  change?: ExcludedFlow['change'],
): ExcludedFlow[] {
  if (excluded.size === 0) return [];
  return flows.flatMap((f) => {
    const exclusion = excluded.get(f.id);
    if (!exclusion || !(scope.includeInternal || f.crossesFirewall)) return [];
    // One row for one flow; none when a host is missing, as in the request.
    return requestRows(plan, [f]).map((row) => ({ row, exclusion, change }));
  });
}

const SIZE = 8.5;
const PAD = 3.5;
const SERVICE_WIDTH = 60;
const RULE_WIDTH = 110;
const DECISION_WIDTH = 80;
const CHANGE_WIDTH = 45;
const NAME_WIDTH = 145;

/**
 * "Excluded flows", from `y` down: one row per flow, its source and destination (name, and the
 * address under it), service, catalog rule, the decision and its reference or reason. With
 * `change` set on the flows (the upgrade), a first column says whether it would have opened or
 * closed. Returns where the table ended on its last page.
 */
export function excludedSection(doc: Doc, flows: readonly ExcludedFlow[], y: number): number {
  const n = flows.length;
  const top = doc.heading(
    'Excluded flows',
    `${n === 1 ? 'One flow is' : `${n} flows are`} left out of this request, as the architect decided: already allowed by an existing firewall rule, or not needed. None of them is in the rules above.`,
    y,
  );
  const upgrade = flows.some((f) => f.change !== undefined);
  const fixed = 2 * NAME_WIDTH + SERVICE_WIDTH + RULE_WIDTH + DECISION_WIDTH + (upgrade ? CHANGE_WIDTH : 0);
  const noteWidth = doc.width - 2 * MARGIN - fixed;
  const end = (name: string, address: string) => `${name}\n${address || '(no address)'}`;
  // One row per flow, and a plan may exclude thousands: drawn by listTable, as gridTable would.
  const columns: ListColumn[] = [
    ...(upgrade ? [{ head: 'Change', width: CHANGE_WIDTH }] : []),
    { head: 'Source', width: NAME_WIDTH },
    { head: 'Destination', width: NAME_WIDTH },
    { head: 'Service', width: SERVICE_WIDTH },
    { head: 'Catalog rule', width: RULE_WIDTH },
    { head: 'Decision', width: DECISION_WIDTH, bold: true },
    { head: 'Reference / reason', width: noteWidth },
  ].map((c) => ({ ...c, boundaries: true }));
  return listTable(
    doc,
    top,
    SIZE,
    { top: PAD, right: PAD, bottom: PAD, left: PAD },
    columns,
    flows.map(({ row, exclusion, change }) => [
      ...(upgrade ? [change ?? ''] : []),
      end(row.source, row.sourceAddress),
      end(row.destination, row.destinationAddress),
      `${row.protocol}/${row.port}`,
      row.rule,
      DECISION[exclusion.kind],
      exclusion.note?.trim() || '(none given)',
    ]),
  );
}
