export * from './codec';
export * from './detect';
