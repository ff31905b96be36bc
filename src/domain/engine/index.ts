export * from './types';
export { deriveFlows, crossesFirewall, hostAddress } from './deriveFlows';
export { CHECKS } from './warnings';
export * from './views';
