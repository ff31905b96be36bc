// Neither the formats nor their registry are re-exported: the app loads the registry
// (registry.ts) after start-up and each format's code when it is first used, so adding a format
// costs the initial bundle nothing.
export type { ExportFormat } from './registry';
export * from './scope';
export * from './types';
export * from './diagramSvg';
export * from './rows';
