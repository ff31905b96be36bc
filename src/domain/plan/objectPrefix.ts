import type { Plan } from './types';

/*
 * Every name a firewall file creates (objects, groups, access lists, policies, chains, tables, the
 * Windows rule group) starts with the plan's object prefix, so it cannot be the name of an object
 * already on the device, and applying another plan's file never touches this plan's objects.
 */

/** Short enough to leave room on the tightest platform (iptables chains: 28 characters). */
export const OBJECT_PREFIX_MAX = 12;
/** Letters, digits and inner "-": a name every target takes as it is. */
const PREFIX_RE = /^[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const FALLBACK = 'PORTOLAN';

/** Why `value` cannot be an object prefix, or null when it can. */
export function objectPrefixProblem(value: string): string | null {
  if (value === '') return "the prefix is empty; leave it out for the default made from the plan's name";
  if (value.length > OBJECT_PREFIX_MAX)
    return `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}" is longer than ${OBJECT_PREFIX_MAX} characters`;
  if (!PREFIX_RE.test(value))
    return `"${value}" is not a prefix: use letters, digits and "-", starting with a letter and not ending with "-"`;
  return null;
}

/** The prefix a plan of this name gets until one is chosen: "DMZ relay" → "DMZ-RELAY". */
export function defaultObjectPrefix(planName: string): string {
  const words = planName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let prefix = /^[A-Z]/.test(words) ? words : words ? `P-${words}` : FALLBACK;
  if (prefix.length > OBJECT_PREFIX_MAX) {
    const cut = prefix.slice(0, OBJECT_PREFIX_MAX);
    const dash = cut.lastIndexOf('-');
    // Cut at a word boundary when one falls in the second half ("TWO-SITES-TWO-ARRAYS" → "TWO-SITES").
    prefix =
      prefix[OBJECT_PREFIX_MAX] === '-' ? cut : dash >= OBJECT_PREFIX_MAX / 2 ? cut.slice(0, dash) : cut;
  }
  prefix = prefix.replace(/-+$/, '');
  return objectPrefixProblem(prefix) === null ? prefix : FALLBACK;
}

/** The prefix of the plan's created firewall names: the one chosen, else the default from its name. */
export function objectPrefix(plan: Pick<Plan, 'name' | 'changeRequest'>): string {
  const chosen = plan.changeRequest?.objectPrefix;
  return chosen !== undefined && objectPrefixProblem(chosen) === null
    ? chosen
    : defaultObjectPrefix(plan.name);
}
