export * from './types';
export { deriveFlows, crossesFirewall, hostAddress, flowId } from './deriveFlows';
export { CHECKS } from './warnings';
export * from './views';
export { MAX_FLOWS, estimateFlows, planSizeProblem } from './limits';
export { sameFlowInputs } from './inputs';
export * from './explain';
export { firewallPaths, pathLabel, NO_PATH, type FirewallPaths, type Hop } from './paths';
