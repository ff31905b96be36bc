export * from './exportRun';
export * from './fileDrop';
export * from './files';
export * from './sharedLink';
