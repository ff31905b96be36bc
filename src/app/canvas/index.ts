export * from './Canvas';
export * from './zoneNewsWords';
