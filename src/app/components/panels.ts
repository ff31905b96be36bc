// The panels around the canvas: the palette, the flows and warnings, the side panel's plan
// details, the notices and the dialog host. They load in a chunk of their own, fetched as soon as the app starts
// (see lazyPanels.ts), so the first chunk holds what the canvas needs.
import {
  CLIPBOARD_COMMANDS,
  DECISION_COMMANDS,
  FIELD_COMMANDS,
  FIREWALL_COMMANDS,
  FIND_COMMANDS,
  HELP_COMMANDS,
  STACK_COMMANDS,
  registerCommands,
} from '../commands';
import { whenIdle } from './idle';

/**
 * The panels' fields, the architect's decisions and the firewall devices are edited in these
 * panels (and on the devices' cards, which register theirs too), so their commands load with them;
 * loadPanels registers them (a call, not a statement of this module: a bundler may skip a
 * module's own statements when it only passes on exports).
 */
export function registerPanelCommands() {
  startOfflineWhenIdle();
  // Printing (the diagram fitted to the page, the rule tables in full): ready once the page is idle.
  whenIdle(
    () =>
      void import('../print').then(
        (m) => m.startPrint(),
        () => undefined,
      ),
  );
  registerCommands(FIELD_COMMANDS);
  registerCommands(DECISION_COMMANDS);
  registerCommands(FIREWALL_COMMANDS);
  registerCommands(CLIPBOARD_COMMANDS);
  registerCommands(HELP_COMMANDS);
  registerCommands(FIND_COMMANDS);
  registerCommands(STACK_COMMANDS);
}

/**
 * Working offline: the service worker is installed once the page has nothing else to do. Started
 * with the panels, whose chunk every visit fetches right after the first.
 */
function startOfflineWhenIdle() {
  whenIdle(
    () =>
      void import('../offline').then(
        (m) => m.startOffline(),
        () => undefined,
      ),
  );
}

export { Palette } from './Palette';
export { BottomPanel } from './BottomPanel';
export { SidePanel } from './SidePanel';
export { Notices } from './Notices';
export { DialogHost } from './DialogHost';
export { TablesSplitter } from './TablesSplitter';
