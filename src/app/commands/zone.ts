import { addZone, newZoneOverlap, resizeZone, visibleText, type Trust } from '../../domain';
import type { PlannerState } from '../state';
import { defineCommand } from './command';
import { viewCentre } from './view';

/**
 * Says why a zone did not move or change size when the plan refused it: it would have covered
 * another zone. (A size kept large enough for its hosts shows in the zone itself.)
 */
export function explainZoneRefusal(
  s: PlannerState,
  zoneId: string,
  rect: { x: number; y: number; width: number; height: number },
) {
  const zone = s.plan.zones.find((z) => z.id === zoneId);
  const other = zone && newZoneOverlap(s.plan, zone, rect);
  if (!zone || !other) return;
  s.notify({
    tone: 'info',
    title: `${visibleText(zone.name)} stays where it was: it would overlap ${visibleText(other.name)}.`,
    detail: 'Zones cannot overlap, so every card is drawn in its own zone only.',
  });
}

/** Opens "New zone" (name and trust): set by the dialog host, which loads with the panels. */
let newZoneOpener: (() => void) | undefined;
export function setNewZoneOpener(open: (() => void) | undefined) {
  newZoneOpener = open;
}

/** Commands on zones: add, name, trust, place and size. */
export const ZONE_COMMANDS = {
  /** Asks for a new zone's name and trust (the dialog then runs addZone). */
  newZone: defineCommand({
    id: 'newZone',
    label: 'Add zone…',
    enabled: () => !!newZoneOpener,
    perform: () => newZoneOpener?.(),
  }),
  /** Adds a zone, named and trusted as asked, in free space in view, and selects it. */
  addZone: defineCommand<{ name: string; trust: Trust }>({
    id: 'addZone',
    label: 'Add zone',
    perform: (s, { name, trust }) => {
      const c = viewCentre();
      const result = addZone(s.plan, { x: c.x - 220, y: c.y - 150 }, trust, name);
      if (!s.commit(result.plan)) return false;
      s.select({ kind: 'zone', id: result.zone.id });
    },
  }),
  /** A zone resized by its handles; refused (it would cover another zone), the box goes back. */
  resizeZone: defineCommand<{ id: string; rect: { x: number; y: number; width: number; height: number } }>({
    id: 'resizeZone',
    label: 'Resize zone',
    perform: (s, { id, rect }) => {
      const next = resizeZone(
        s.plan,
        id,
        { x: rect.x, y: rect.y },
        { width: rect.width, height: rect.height },
      );
      if (next === s.plan) {
        s.redrawCanvas();
        explainZoneRefusal(s, id, rect);
        return false;
      }
      return s.commit(next);
    },
  }),
};
