export * from './command';
export * from './registry';
export { startShortcuts } from './keyboard';
export { isPlanEmpty } from './plan';
export { setShortcutsOpener, setViewCentreSource } from './view';
export { DECISION_COMMANDS } from './decisions';
export { FIELD_COMMANDS } from './fields';
export { FIREWALL_COMMANDS, FIREWALL_CARD, deviceProblems } from './firewall';
export { INVENTORY_COMMANDS } from './inventory';
