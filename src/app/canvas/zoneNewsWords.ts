import type { Flow } from '../../domain/engine';
import { visibleText } from '../../domain/text';
import { TRUST_LABELS, type Plan } from '../../domain/plan';

/*
 * The words for hosts changing zone (see membership.ts for the rules). Apart from membership so
 * the app loads them when there is first something to say, not with the page.
 */

export interface ZoneChange {
  hostId: string;
  /** Zone id before; absent when the host was in no zone. */
  from?: string;
  /** Zone id after; absent when the host is in no zone now. */
  to?: string;
}

/** Hosts present in both plans whose zone differs, in the order of `after`. */
export function zoneChanges(before: Plan, after: Plan): ZoneChange[] {
  const was = new Map(before.hosts.map((h) => [h.id, h]));
  const changes: ZoneChange[] = [];
  for (const h of after.hosts) {
    const old = was.get(h.id);
    if (!old || old.zone === h.zone) continue;
    const change: ZoneChange = { hostId: h.id };
    if (old.zone) change.from = old.zone;
    if (h.zone) change.to = h.zone;
    changes.push(change);
  }
  return changes;
}

/**
 * What an edit did to the flows: flows added and removed (by id), and flows kept whose firewall
 * crossing changed. A host moved between zones often keeps every flow but changes which of them
 * cross a firewall, and that changes the change request as much as a new flow does.
 */
export interface FlowDelta {
  added: number;
  removed: number;
  /** Kept flows that now cross a firewall. */
  nowCrossing: number;
  /** Kept flows that now stay inside one zone. */
  nowInside: number;
}

export function flowDelta(beforeFlows: readonly Flow[], afterFlows: readonly Flow[]): FlowDelta {
  const before = new Map(beforeFlows.map((f) => [f.id, f]));
  const after = new Set<string>();
  const delta: FlowDelta = { added: 0, removed: 0, nowCrossing: 0, nowInside: 0 };
  for (const f of afterFlows) {
    after.add(f.id);
    const old = before.get(f.id);
    if (!old) delta.added++;
    else if (old.crossesFirewall !== f.crossesFirewall) {
      if (f.crossesFirewall) delta.nowCrossing++;
      else delta.nowInside++;
    }
  }
  for (const id of before.keys()) if (!after.has(id)) delta.removed++;
  return delta;
}

function flowText({ added, removed, nowCrossing, nowInside }: FlowDelta): string {
  const flows = (n: number) => `${n} ${n === 1 ? 'flow' : 'flows'}`;
  const parts: string[] = [];
  if (added) parts.push(`${flows(added)} added`);
  if (removed) parts.push(parts.length ? `${removed} removed` : `${flows(removed)} removed`);
  if (nowCrossing) parts.push(`${parts.length ? nowCrossing : flows(nowCrossing)} now through a firewall`);
  if (nowInside) parts.push(`${parts.length ? nowInside : flows(nowInside)} now inside a zone`);
  return parts.length ? parts.join(', ') : 'no flows changed';
}

/** "DMZ", or "no zone" for none or a zone the plan does not hold. */
function zoneName(plan: Plan, id: string | undefined, withTrust: boolean): string {
  const zone = id ? plan.zones.find((z) => z.id === id) : undefined;
  if (!zone) return 'no zone';
  const name = visibleText(zone.name);
  return withTrust ? `${name} (${TRUST_LABELS[zone.trust]})` : name;
}

/** "SEG-NODE05 moved from DMZ to Internet (Untrusted): 4 flows added, 3 removed". */
export function describeZoneChange(before: Plan, after: Plan, change: ZoneChange, delta: FlowDelta): string {
  const host =
    after.hosts.find((h) => h.id === change.hostId) ?? before.hosts.find((h) => h.id === change.hostId);
  const name = visibleText(host?.name ?? change.hostId);
  return (
    `${name} moved from ${zoneName(before, change.from, false)} to ${zoneName(after, change.to, true)}: ` +
    flowText(delta)
  );
}

/**
 * One sentence for the zone changes of one edit: the single-host sentence for one host,
 * "3 hosts moved to DMZ (DMZ): …" when all went to one zone, "3 hosts changed zone: …"
 * otherwise. Empty when nothing changed zone.
 */
export function describeZoneChanges(
  before: Plan,
  after: Plan,
  changes: readonly ZoneChange[],
  delta: FlowDelta,
): string {
  const [first] = changes;
  if (!first) return '';
  if (changes.length === 1) return describeZoneChange(before, after, first, delta);
  const flows = flowText(delta);
  const sameTarget = changes.every((c) => c.to === first.to);
  if (sameTarget) return `${changes.length} hosts moved to ${zoneName(after, first.to, true)}: ${flows}`;
  return `${changes.length} hosts changed zone: ${flows}`;
}
