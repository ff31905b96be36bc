// The registry is here for the code that lists the formats, which the app itself loads only when
// the Export menu is first wanted; each format's module loads when first used (see registry.ts),
// so adding a format costs the initial bundle nothing.
export * from './registry';
export * from './scope';
export * from './types';
export * from './diagramSvg';
export * from './rows';
export * from './diagramCanvas';
