import type { Derivation, Flow } from '../engine';

/*
 * What the app needs of the change request at every page load (its scope, and file names); the
 * rows and the exporters load on demand.
 */

/**
 * Which flows a change request holds. Local flows (one host) are never in it, nor flows the
 * architect excluded (already allowed, or not needed).
 */
export interface RequestScope {
  /** Add flows between hosts in the same zone; by default only firewall-crossing flows. */
  includeInternal: boolean;
}

export function requestFlows(
  derivation: Pick<Derivation, 'flows'> & Partial<Pick<Derivation, 'excluded'>>,
  scope: RequestScope,
): Flow[] {
  const excluded = derivation.excluded;
  if (!excluded?.size)
    return scope.includeInternal ? derivation.flows : derivation.flows.filter((f) => f.crossesFirewall);
  return derivation.flows.filter((f) => (scope.includeInternal || f.crossesFirewall) && !excluded.has(f.id));
}

/** Every flow but the excluded ones: what a host's own firewall must allow. */
export function includedFlows(derivation: Pick<Derivation, 'flows' | 'excluded'>): Flow[] {
  return derivation.excluded.size
    ? derivation.flows.filter((f) => !derivation.excluded.has(f.id))
    : derivation.flows;
}

/** Every flow but those marked not needed: what a connectivity test checks (already allowed ones too). */
export function testedFlows(derivation: Pick<Derivation, 'flows' | 'excluded'>): Flow[] {
  const { excluded } = derivation;
  return excluded.size
    ? derivation.flows.filter((f) => excluded.get(f.id)?.kind !== 'not-needed')
    : derivation.flows;
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
