import type { ProductVersion } from '../catalog';
import type { Plan } from '../plan';

/**
 * The plan at another product version. A comparison with that same version would compare a
 * version with itself, so it ends (the upgrade has reached its target).
 */
export function setProductVersion(plan: Plan, version: ProductVersion): Plan {
  if (version === plan.productVersion) return plan;
  const next: Plan = { ...plan, productVersion: version };
  if (next.upgradeFrom === version) delete next.upgradeFrom;
  return next;
}

/** Compares the plan's version with `from` (the version run now), or stops comparing (undefined). */
export function setUpgradeFrom(plan: Plan, from: ProductVersion | undefined): Plan {
  if (from === plan.upgradeFrom || from === plan.productVersion) return plan;
  const next: Plan = { ...plan };
  if (from === undefined) delete next.upgradeFrom;
  else next.upgradeFrom = from;
  return next;
}
