import { settleMembership, type Plan } from '../../domain';

export interface Arranged {
  plan: Plan;
  /** Hosts that had no place of their own (no position, a shared or overlapping one, outside their zone). */
  misplaced: number;
  /** The whole plan was laid out afresh because of them. */
  laidOut: boolean;
}

/**
 * Makes an opened plan (a file, a share link) draw truthfully before it is shown. Hand-written
 * and script-made files often leave positions out or put every host on one spot; such a plan is
 * laid out as "Tidy layout" would. A plan whose cards are all in place is only settled (a card
 * sticking out of its zone is pulled inside). If the layout cannot run, the settled plan is
 * opened, which is still truthful, only untidy.
 */
export async function arrangeOpened(plan: Plan): Promise<Arranged> {
  const { layoutProblems } = await import('../../domain/diagram/layout');
  const misplaced = layoutProblems(plan).hostIds.length;
  if (misplaced === 0) return { plan: settleMembership(plan), misplaced, laidOut: false };
  try {
    const { tidyLayout } = await import('./layout');
    return { plan: await tidyLayout(plan), misplaced, laidOut: true };
  } catch {
    return { plan: settleMembership(plan), misplaced, laidOut: false };
  }
}

/** The sentence that tells a person their opened plan was laid out, and why. */
export function arrangedNote({ misplaced, laidOut }: Arranged): string | undefined {
  if (!laidOut) return undefined;
  const hosts =
    misplaced === 1 ? '1 host had no place of its own' : `${misplaced} hosts had no place of their own`;
  return `${hosts} on the diagram (no position, one shared with another host, or outside its zone), so the plan was laid out automatically.`;
}
