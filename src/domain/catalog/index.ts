export * from './roles';
export * from './rules';
export * from './versions';
export * from './texts';
