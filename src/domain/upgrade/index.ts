export * from './delta';
export * from './advisories';
export * from './edit';
