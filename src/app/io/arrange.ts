import { settleMembership, type Plan } from '../../domain';
import { usePlanner } from '../state';

export interface Arranged {
  plan: Plan;
  /** Hosts that had no place of their own (no position, a shared or overlapping one, outside their zone). */
  misplaced: number;
  /** The whole plan was laid out afresh because of them. */
  laidOut: boolean;
  /** Only they were placed, in free space in their zones. */
  placed?: boolean;
}

/**
 * Makes an opened plan (a file, a share link) draw truthfully before it is shown. Hand-written
 * and script-made files often leave positions out or put every host on one spot. A few such
 * hosts in zones are placed in free space in their zones, the rest of the diagram kept as its
 * author drew it; otherwise the plan is laid out as "Tidy layout" would. A plan whose cards are
 * all in place is only settled (a card sticking out of its zone is pulled inside). If the layout
 * cannot run, the settled plan is opened, which is still truthful, only untidy.
 */
export async function arrangeOpened(plan: Plan): Promise<Arranged> {
  const [{ layoutProblems }, layout] = await Promise.all([
    import('../../domain/diagram/layout'),
    import('../workers/layout'),
  ]);
  // Judged as the canvas will show it: hosts hidden in a stack may share their card's spot.
  const { groupHosts } = usePlanner.getState();
  const view = { groupHosts, expandedStacks: [] };
  const misplaced = layoutProblems(layout.asShown(plan, view)).hostIds.length;
  if (misplaced === 0) return { plan: settleMembership(plan), misplaced, laidOut: false };
  const placed = await layout.placeShownMisplaced(plan, view);
  if (placed) return { plan: placed, misplaced, laidOut: false, placed: true };
  try {
    return { plan: await layout.tidyLayout(plan, undefined, view), misplaced, laidOut: true };
  } catch {
    return { plan: settleMembership(plan), misplaced, laidOut: false };
  }
}

/** The sentence that tells a person their opened plan was laid out, and why. */
export function arrangedNote({ misplaced, laidOut, placed }: Arranged): string | undefined {
  if (!laidOut && !placed) return undefined;
  const hosts =
    misplaced === 1 ? '1 host had no place of its own' : `${misplaced} hosts had no place of their own`;
  const why = '(no position, one shared with another host, or outside its zone)';
  return placed
    ? `${hosts} on the diagram ${why}, so ${misplaced === 1 ? 'it was' : 'they were'} placed in free space in ${misplaced === 1 ? 'its zone' : 'their zones'}.`
    : `${hosts} on the diagram ${why}, so the plan was laid out automatically.`;
}
