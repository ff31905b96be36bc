export * from './actions';
export * from './decisions';
export * from './edits';
export * from './keyboard';
