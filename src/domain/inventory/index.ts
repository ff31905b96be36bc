export * from './parse';
export * from './add';
