import { CATALOG, type CatalogRule } from '../catalog';
import type { Plan } from '../plan';
import { buildContext, deriveFlowsWithoutWarnings } from './deriveFlows';
import type { Derivation, Flow, Warning } from './types';
import { deriveWarnings } from './warnings';

/**
 * Derives every flow the plan needs at its product version, plus the warnings. Pure: the same
 * plan always gives the same flows in the same order. This is what the exports and the upgrade
 * comparison read; the app derives the two apart, the warnings once their code is in.
 */
export function deriveFlows(plan: Plan, catalog: readonly CatalogRule[] = CATALOG): Derivation {
  const ctx = buildContext(plan, catalog);
  const derivation = deriveFlowsWithoutWarnings(plan, catalog, ctx);
  return { ...derivation, warnings: deriveWarnings(ctx, derivation.flows) };
}

/** The warnings of a plan whose flows are already derived. */
export function warningsOf(plan: Plan, flows: readonly Flow[], catalog = CATALOG): Warning[] {
  return deriveWarnings(buildContext(plan, catalog), flows);
}
