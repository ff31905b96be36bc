// The PDF and CSV modules are not re-exported: they load on demand through EXPORT_FORMATS.
export * from './registry';
export * from './scope';
export * from './types';
