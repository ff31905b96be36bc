export * from './membership';
export * from './geometry';
export * from './colours';
export * from './layout';
export * from './pick';
export * from './routes';
export * from './scene';
export * from './types';
