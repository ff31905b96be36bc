export * from './address';
export * from './restore';
export * from './serialize';
export * from './schema';
export * from './types';
export { migrate } from './migrate';
export * from './examples';
export * from './exampleIndex';
export * from './objectPrefix';
