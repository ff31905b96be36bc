export * from './problems';
export * from './catalog';
export * from './plan';
export * from './engine';
export * from './text';
