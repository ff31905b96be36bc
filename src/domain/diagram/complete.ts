import { placeInZone } from './membership';
import { CANVAS_LIMIT, type Plan } from '../plan';
import { layoutProblems } from './layout';

/**
 * At most this share of a plan's hosts may be misplaced for them alone to be placed; past it the
 * hand-made arrangement is mostly missing anyway, and the whole plan is laid out instead.
 */
const FEW = 0.25;

/**
 * An opened plan with its few misplaced hosts (no position, a shared or overlapping one, outside
 * their zone) put in free space inside their zones, everything else where its author put it; or
 * undefined when that is not the right repair: too many misplaced, a misplaced host in no zone, a
 * zone with no area of its own, or a placement that still leaves a problem. The caller then lays
 * the whole plan out.
 */
export function placeMisplaced(plan: Plan): Plan | undefined {
  const { hostIds, reasons } = layoutProblems(plan);
  if (hostIds.length === 0) return plan;
  if (hostIds.length > Math.max(1, Math.floor(plan.hosts.length * FEW))) return undefined;
  if ([...reasons.values()].some((r) => r.includes('zone-without-area'))) return undefined;
  const byId = new Map(plan.hosts.map((h) => [h.id, h]));
  if (hostIds.some((id) => byId.get(id)?.zone === undefined)) return undefined;
  // They come back one at a time, each from far off the canvas, so placing it looks for a free
  // slot (any other misplaced host still on the plan would be pulled into its zone's first slot).
  const misplaced = new Set(hostIds);
  const away = { x: -CANVAS_LIMIT, y: -CANVAS_LIMIT };
  let next: Plan = { ...plan, hosts: plan.hosts.filter((h) => !misplaced.has(h.id)) };
  for (const id of hostIds) {
    const host = byId.get(id)!;
    next = placeInZone({ ...next, hosts: [...next.hosts, { ...host, position: away }] }, id, host.zone);
  }
  const placed = new Map(next.hosts.map((h) => [h.id, h]));
  next = { ...next, hosts: plan.hosts.map((h) => placed.get(h.id)!) };
  return layoutProblems(next).hostIds.length === 0 ? next : undefined;
}
