export * from './confirm';
export * from './Toolbar';
export * from './lazyPanels';
export * from './SaveStatus';
export * from './tablesHeight';
export type { MenuItem } from './MenuList';
export * from './LoadBoundary';
