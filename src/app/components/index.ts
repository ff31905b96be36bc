export * from './DialogHost';
export * from './Icon';
export * from './RoleIcon';
export * from './Toolbar';
export * from './lazyPanels';
export * from './theme';
export * from './ui';
