export * from './types';
export { groupFlows } from './group';
export { GROUP_NAME_MAX, validGroupName, sanitizeName } from './names';
export {
  buildStacks,
  rulesWithin,
  stackArrows,
  stackKey,
  type Stack,
  type StackArrow,
  type Stacks,
} from './stacks';
