export * from './types';
export { groupFlows } from './group';
export { GROUP_NAME_MAX, validGroupName, sanitizeName } from './names';
