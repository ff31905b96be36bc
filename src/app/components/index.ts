export * from './DialogHost';
export * from './Toolbar';
export * from './lazyPanels';
