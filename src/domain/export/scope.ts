import type { Derivation, Flow } from '../engine';

/*
 * What the app needs of the change request at every page load (its scope, and file names); the
 * rows and the exporters load on demand.
 */

/** Which flows a change request holds. Local flows (one host) are never in it. */
export interface RequestScope {
  /** Add flows between hosts in the same zone; by default only firewall-crossing flows. */
  includeInternal: boolean;
}

export function requestFlows(derivation: Pick<Derivation, 'flows'>, scope: RequestScope): Flow[] {
  return scope.includeInternal ? derivation.flows : derivation.flows.filter((f) => f.crossesFirewall);
}

/** A plan name made safe to use as a file name. */
export function fileStem(name: string): string {
  const stem = name
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return stem.slice(0, 100) || 'plan';
}
