import { addZoneInView, deleteSelection, tidyLayout } from './edits';
import { usePlanner, type PlannerState } from '../state';

/**
 * Every edit a person can ask for by name, with its one definition: what it does, the keys that
 * do it, and the label buttons and menus show. Buttons and the keyboard both go through here, so a
 * key and its button can never drift apart.
 */
export interface Action {
  id: string;
  label: string;
  /** Keys that run it, e.g. "Mod+Z" (Ctrl, or ⌘ on a Mac), "Alt+Shift+L", "Delete". */
  keys?: readonly string[];
  /** False while it cannot run (nothing to undo, a layout already running). */
  enabled?: (state: PlannerState) => boolean;
  /** Runs it; false when there was nothing to do (the key then keeps its usual meaning). */
  perform: () => boolean | void;
}

export const ACTIONS = {
  undo: {
    id: 'undo',
    label: 'Undo',
    keys: ['Mod+Z'],
    enabled: (s) => s.past.length > 0,
    perform: () => usePlanner.getState().undo(),
  },
  redo: {
    id: 'redo',
    label: 'Redo',
    keys: ['Mod+Shift+Z', 'Ctrl+Y'],
    enabled: (s) => s.future.length > 0,
    perform: () => usePlanner.getState().redo(),
  },
  deleteSelection: {
    id: 'deleteSelection',
    label: 'Delete',
    keys: ['Delete', 'Backspace', 'Shift+Delete', 'Shift+Backspace'],
    perform: deleteSelection,
  },
  clearSelection: {
    id: 'clearSelection',
    label: 'Clear selection',
    keys: ['Escape'],
    perform: () => {
      const { selection, select } = usePlanner.getState();
      if (selection.kind === 'none') return false;
      select({ kind: 'none' });
    },
  },
  tidyLayout: {
    id: 'tidyLayout',
    label: 'Tidy layout',
    keys: ['Alt+Shift+L'],
    enabled: (s) => !s.layoutBusy && (s.plan.hosts.length > 0 || s.plan.zones.length > 0),
    perform: () => void tidyLayout(),
  },
  addZone: {
    id: 'addZone',
    label: 'Add zone',
    perform: addZoneInView,
  },
} satisfies Record<string, Action>;

export type ActionId = keyof typeof ACTIONS;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Shift+Z" (or "⌘Shift+Z"): the first key of an action as a person reads it. */
export function keyHint(action: Action): string | undefined {
  const key = action.keys?.[0];
  return key?.replace('Mod+', isMac ? '⌘' : 'Ctrl+');
}

/** A button's tooltip: "Undo (Ctrl+Z)". */
export const actionTitle = (action: Action) => {
  const hint = keyHint(action);
  return hint ? `${action.label} (${hint})` : action.label;
};

/** Whether a key event is one of the action's keys. */
export function matches(action: Action, e: KeyboardEvent): boolean {
  return (action.keys ?? []).some((spec) => {
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

/** Runs an action if it is enabled; false when it did nothing. */
export function run(action: Action): boolean {
  if (action.enabled && !action.enabled(usePlanner.getState())) return false;
  return action.perform() !== false;
}
