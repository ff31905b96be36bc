export * from './Icon';
export * from './RoleIcon';
export * from './theme';
export * from './ui';
export * from './drag';
