// The panels around the canvas: the palette, the flows and warnings, the side panel's plan
// details and the notices. They load in a chunk of their own, fetched as soon as the app starts
// (see lazyPanels.ts), so the first chunk holds what the canvas needs.
export { Palette } from './Palette';
export { BottomPanel } from './BottomPanel';
export { SidePanel } from './SidePanel';
export { Notices } from './Notices';
