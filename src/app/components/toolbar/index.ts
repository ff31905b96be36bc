export * from './ActionButton';
export * from './PlanFiles';
export * from './PlanName';
export * from './ThemeSelect';
export * from './VersionSelects';
