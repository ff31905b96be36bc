export * from './types';
export { groupFlows } from './group';
export { sanitizeName } from './names';
export {
  buildStacks,
  rulesWithin,
  stackArrows,
  stackKey,
  type Stack,
  type StackArrow,
  type Stacks,
} from './stacks';
export {
  rulesByDevice,
  crossesZones,
  ruleSections,
  type DeviceRule,
  type DeviceRules,
  type RuleSection,
  type RulesByDevice,
} from './devices';
