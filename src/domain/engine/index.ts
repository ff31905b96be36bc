export * from './types';
export {
  deriveFlowsWithoutWarnings,
  crossesFirewall,
  hostAddress,
  flowId,
  type FlowSet,
} from './deriveFlows';
// The warnings' code loads on demand in the app (see vite.config.ts): it names derive.ts by path.
export { deriveFlows, warningsOf } from './derive';
export { CHECKS } from './warnings';
export * from './views';
export { MAX_FLOWS, MAX_PLAN_HOSTS, MAX_PLAN_ZONES, estimateFlows, planSizeProblem } from './limits';
export { sameFlowInputs } from './inputs';
export * from './explain';
export { firewallPaths, pathLabel, NO_PATH, type FirewallPaths, type Hop } from './paths';
