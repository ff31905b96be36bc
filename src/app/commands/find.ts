import { defineCommand } from './command';

/** Opens "Find a host": set by the dialog host, which loads with these commands. */
let findOpener: (() => void) | undefined;
export function setFindOpener(open: (() => void) | undefined) {
  findOpener = open;
}

/** Focus on the canvas (or nowhere): Ctrl+F there finds a host; elsewhere it is the browser's. */
const onCanvas = () =>
  typeof document === 'undefined' ||
  document.activeElement === document.body ||
  !!document.activeElement?.closest('.react-flow');

/** Finding a host on the canvas: registered with the panels (see components/panels.ts). */
export const FIND_COMMANDS = {
  findHost: defineCommand({
    id: 'findHost',
    label: 'Find a host',
    keys: ['Mod+F'],
    enabled: (s) => !!findOpener && s.plan.hosts.length > 0 && onCanvas(),
    perform: () => findOpener?.(),
  }),
};
