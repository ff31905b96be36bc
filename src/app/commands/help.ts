import { defineCommand } from './command';

/** Opens the list of keyboard shortcuts: set by the dialog host, which loads with these commands. */
let shortcutsOpener: (() => void) | undefined;
export function setShortcutsOpener(open: (() => void) | undefined) {
  shortcutsOpener = open;
}

/** Help: registered with the panels (see components/panels.ts), whose dialog host shows it. */
export const HELP_COMMANDS = {
  showShortcuts: defineCommand({
    id: 'showShortcuts',
    label: 'Keyboard shortcuts',
    // "?" is a key of its own on some keyboards, Shift and "/" on others.
    keys: ['?', 'Shift+?'],
    enabled: () => !!shortcutsOpener,
    perform: () => shortcutsOpener?.(),
  }),
};
