import { HOST_SIZE, hostPosition, placeInZone, rectOf, settleMembership } from '../diagram';
import type { Host, Plan, Point, Zone } from '../plan';
import { nextId } from './edit';

/**
 * Copy, cut, paste and duplicate on the canvas. What is copied is a snapshot of hosts and zones
 * (zones with the hosts inside them); pasting makes new ones beside the originals: new ids, names
 * made unique in the plan, and no addresses (two hosts never share one: each copy is given its
 * own). A copied host whose zone was not copied goes back into that zone when it still exists.
 */

export interface Clip {
  hosts: Host[];
  zones: Zone[];
}

/** What the selection holds: the hosts, or a zone with the hosts in it. */
export function copyOf(plan: Plan, hostIds: readonly string[], zoneIds: readonly string[]): Clip {
  const zones = plan.zones.filter((z) => zoneIds.includes(z.id));
  const inZones = new Set(zones.map((z) => z.id));
  const hosts = plan.hosts
    .map((h, i) => ({ ...h, position: hostPosition(h, i) }))
    .filter((h) => hostIds.includes(h.id) || (h.zone !== undefined && inZones.has(h.zone)));
  return { hosts: structuredClone(hosts), zones: structuredClone(zones) };
}

/**
 * "SEG-NODE03" → the next free "SEG-NODE04"; "Mail relay" → "Mail relay 2", "Mail relay 3", …
 * Compared without case, as the plan compares names.
 */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const numbered = /^(.*?)(\d+)$/.exec(name);
  if (numbered) {
    const [, stem = '', digits = ''] = numbered;
    for (let n = Number(digits) + 1; ; n++) {
      const candidate = `${stem}${String(n).padStart(digits.length, '0')}`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }
  for (let n = 2; ; n++) {
    const candidate = `${name} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

const shift = (p: Point, by: Point): Point => ({ x: p.x + by.x, y: p.y + by.y });

/**
 * How far the `n`th paste of `clip` lands from the original (n = 1 for the first): zones beside
 * the copied ones, so no zone covers another; hosts alone a card's height and a gap lower, so the
 * copy does not hide its original.
 */
export function pasteOffset(clip: Clip, n: number): Point {
  if (clip.zones.length) {
    const rects = clip.zones.map(rectOf);
    const width = Math.max(...rects.map((r) => r.x + r.width)) - Math.min(...rects.map((r) => r.x));
    return { x: n * (width + 48), y: 0 };
  }
  return { x: n * 24, y: n * (HOST_SIZE.height + 24) };
}

/**
 * The plan with a copy of `clip` pasted `offset` away from where it was copied, and the ids of
 * what was made (to select them).
 */
export function pasteClip(
  plan: Plan,
  clip: Clip,
  offset: Point,
): { plan: Plan; hostIds: string[]; zoneIds: string[] } {
  const hostNames = new Set(plan.hosts.map((h) => h.name.toLowerCase()));
  const zoneNames = new Set(plan.zones.map((z) => z.name.toLowerCase()));
  const zoneIds = [...plan.zones.map((z) => z.id)];
  const hostIds = [...plan.hosts.map((h) => h.id)];
  const newZone = new Map<string, string>();
  const zones: Zone[] = clip.zones.map((z) => {
    const id = nextId('z', zoneIds);
    zoneIds.push(id);
    newZone.set(z.id, id);
    const name = uniqueName(z.name, zoneNames);
    zoneNames.add(name.toLowerCase());
    const r = rectOf(z);
    return {
      ...z,
      id,
      name,
      position: shift({ x: r.x, y: r.y }, offset),
      size: { width: r.width, height: r.height },
    };
  });
  const existing = new Set(plan.zones.map((z) => z.id));
  const hosts: Host[] = clip.hosts.map((h) => {
    const id = nextId('h', hostIds);
    hostIds.push(id);
    const name = uniqueName(h.name, hostNames);
    hostNames.add(name.toLowerCase());
    const zone =
      h.zone === undefined ? undefined : (newZone.get(h.zone) ?? (existing.has(h.zone) ? h.zone : undefined));
    // Decisions that name other hosts (arrays, chosen servers) are the original's: the copy starts plain.
    const { address: _address, array: _array, uses: _uses, ...rest } = h;
    return {
      ...rest,
      id,
      name,
      ...(zone ? { zone } : {}),
      position: shift(h.position ?? { x: 0, y: 0 }, offset),
    };
  });
  let next: Plan = { ...plan, zones: [...plan.zones, ...zones], hosts: [...plan.hosts, ...hosts] };
  // A copy that stays in its original's zone is kept inside it (in free space if it fell outside).
  const made = new Set(zones.map((z) => z.id));
  for (const h of hosts)
    if (h.zone !== undefined && !made.has(h.zone)) next = placeInZone(next, h.id, h.zone);
  return {
    plan: settleMembership(next),
    hostIds: hosts.map((h) => h.id),
    zoneIds: zones.map((z) => z.id),
  };
}
