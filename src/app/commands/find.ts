import { defineCommand, focusOnCanvas } from './command';

/** Opens "Find a host": set by the dialog host, which loads with these commands. */
let findOpener: (() => void) | undefined;
export function setFindOpener(open: (() => void) | undefined) {
  findOpener = open;
}

/** Finding a host on the canvas: registered with the panels (see components/panels.ts). */
export const FIND_COMMANDS = {
  findHost: defineCommand({
    id: 'findHost',
    label: 'Find a host',
    keys: ['Mod+F'],
    enabled: (s) => !!findOpener && s.plan.hosts.length > 0 && focusOnCanvas(),
    perform: () => findOpener?.(),
  }),
};
