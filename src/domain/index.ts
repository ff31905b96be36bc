// The domain's public face for the app: what most screens need. Folders the app loads on demand
// (export, grouping, share, upgrade) are imported through their own index.
export * from './problems';
export * from './catalog';
export * from './plan';
export * from './engine';
export * from './edit';
export * from './diagram';
export * from './text';
