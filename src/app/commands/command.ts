import type { PlannerState } from '../state';

/**
 * A command: every edit or action a person can ask for by name, with its one definition — what it
 * does, the keys that do it, the label that buttons, menus and the shortcuts list show. Components
 * call `run(id, args)` (registry.ts); the keyboard handler and the shortcuts list read the same
 * definitions, so a key, its button and its menu item can never drift apart.
 */
export interface Command<A = void> {
  id: string;
  label: string;
  /** Keys that run it, e.g. "Mod+Z" (Ctrl, or ⌘ on a Mac), "Alt+Shift+L", "Delete". */
  keys?: readonly string[];
  /** False while it cannot run (nothing to undo, a layout already running). */
  enabled?: (state: PlannerState, args: A) => boolean;
  /**
   * Does it, reading the store's state at that moment; false when there was nothing to do or the
   * plan refused it (a key then keeps its usual meaning, a field keeps its error).
   */
  perform: (state: PlannerState, args: A) => boolean | void | Promise<unknown>;
}

/** Keeps a command's argument type, so run(id, args) is checked against it. */
export const defineCommand = <A = void>(command: Command<A>): Command<A> => command;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Shift+Z" (or "⌘Shift+Z"): a key as a person reads it. */
export const readableKey = (key: string) => key.replace('Mod+', isMac ? '⌘' : 'Ctrl+');

/** A key as aria-keyshortcuts writes it: "Mod+C" is "Control+C", or "Meta+C" on a Mac. */
export const ariaKey = (key: string) =>
  key.replace('Mod+', isMac ? 'Meta+' : 'Control+').replace('Ctrl+', 'Control+');

/** The first key of a command as a person reads it. */
export function keyHint(command: Pick<Command<never>, 'keys'>): string | undefined {
  const key = command.keys?.[0];
  return key && readableKey(key);
}

/** A button's tooltip: "Undo (Ctrl+Z)". */
export function commandTitle(command: Pick<Command<never>, 'keys' | 'label'>): string {
  const hint = keyHint(command);
  return hint ? `${command.label} (${hint})` : command.label;
}

/** Whether a key event is one of the command's keys. */
export function matches(command: Pick<Command<never>, 'keys'>, e: KeyboardEvent): boolean {
  return (command.keys ?? []).some((spec) => {
    const parts = spec.split('+');
    const key = parts.pop()!.toLowerCase();
    const mod = parts.includes('Mod');
    const ctrl = parts.includes('Ctrl');
    const wantsCtrl = mod ? e.ctrlKey || e.metaKey : ctrl ? e.ctrlKey : !(e.ctrlKey || e.metaKey);
    // With Alt held, a letter arrives as another character on many layouts (Alt+Shift+L as "Ò"
    // on a Mac): then, and only then, the physical key counts. Without Alt the character decides,
    // so Ctrl+Y on a German keyboard (the key where US keyboards have Z) stays Redo.
    const pressed =
      e.key.toLowerCase() === key ||
      (e.altKey && /^[a-z]$/.test(key) && e.code.toLowerCase() === `key${key}`);
    return (
      pressed && wantsCtrl && e.shiftKey === parts.includes('Shift') && e.altKey === parts.includes('Alt')
    );
  });
}

/**
 * Whether the keyboard is on the canvas (or nowhere): keys such as Ctrl+A and Ctrl+F act on the
 * plan there, and keep the browser's meaning everywhere else.
 */
export const focusOnCanvas = () =>
  typeof document === 'undefined' ||
  document.activeElement === document.body ||
  !!document.activeElement?.closest('.portolan-canvas');
