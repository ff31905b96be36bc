import { serializePlan, type Plan } from '../../domain';
import { fileStem } from '../../domain/export';
import { usePlanner } from '../state';

/**
 * Autosave: the plan is written to local storage shortly after every change and read back on
 * start. Nothing is ever dropped or overwritten without the person being told:
 * - a saved plan that cannot be opened is kept aside under a key of its own (keptCopies.ts); when
 *   it cannot be kept (storage full, or enough copies kept already), it stays where it is,
 *   autosave holds off, and the notice offers the download at once;
 * - when another tab has saved a different plan since this tab last read or wrote it, this tab
 *   stops saving and asks which plan to keep (or offers its own as a download);
 * - while this tab holds edits that are not in storage (a save failed, or autosave holds off),
 *   a status says so (`unsavedStatus`, shown by SaveStatus) and closing the tab warns.
 */
export const STORAGE_KEY = 'portolan.plan';
const SAVE_DELAY_MS = 250;

export function downloadText(filename: string, data: string | ArrayBuffer, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads a plan as its plan file, `<plan name>.portolan.json`. */
export function downloadPlan(plan: Plan) {
  downloadText(`${fileStem(plan.name)}.portolan.json`, serializePlan(plan));
}

export function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes and says whether it worked (storage can be full, blocked or disabled). */
export function safeSet(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Autosave's state, shared with the rarely needed parts that load on demand (savedPlan.ts: a saved
 * plan that cannot be opened; tabConflict.ts: another tab's plan).
 * - `lastKnown`: what this tab last read from or wrote to STORAGE_KEY. When storage holds
 *   something else, another tab has saved since, and writing would silently replace its plan.
 * - `hold`: why autosave holds off, if it does: a plan in storage that must not be overwritten yet.
 */
export const saved: {
  lastKnown: string | null;
  hold: 'conflict' | 'unsaved-original' | undefined;
  /** Shows again the choice that ends the hold (its notice may have been dismissed). */
  ask: (() => void) | undefined;
  conflictNotice: number | undefined;
} = { lastKnown: null, hold: undefined, ask: undefined, conflictNotice: undefined };

/** Why this tab's edits are not in storage: a failed save ('full', 'failed') or a hold. */
export type Unsaved = 'full' | 'failed' | NonNullable<(typeof saved)['hold']>;

let unsaved: Unsaved | undefined;
const listeners = new Set<() => void>();

/** Closing the tab would lose edits: the browser asks first. */
function warnOnLeave(e: BeforeUnloadEvent) {
  e.preventDefault();
  e.returnValue = '';
}

function setUnsaved(next: Unsaved | undefined) {
  if (next === unsaved) return;
  if (!next) window.removeEventListener('beforeunload', warnOnLeave);
  else if (!unsaved) window.addEventListener('beforeunload', warnOnLeave);
  unsaved = next;
  listeners.forEach((l) => l());
}

/** For useSyncExternalStore: why edits are not saved, or undefined when all are. */
export const unsavedStatus = {
  get: () => unsaved,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

/** A failed write: storage is full, or not available at all (blocked, disabled). */
export const failureOf = (e: unknown): Unsaved =>
  e instanceof DOMException && /quota/i.test(e.name) ? 'full' : 'failed';

/**
 * Loads the saved plan, if any, into the store (without an undo step). The code that reads it
 * (and the validator) loads only when there is something to read, to keep the first load small.
 */
export async function restoreSavedPlan(): Promise<void> {
  const raw = safeGet(STORAGE_KEY);
  saved.lastKnown = raw;
  if (raw === null) return;
  const { openSavedPlan } = await import('./savedPlan');
  openSavedPlan(raw);
}

/** Lets autosave write again after the person dealt with what it was holding off for. */
export function release() {
  saved.hold = undefined;
  saved.lastKnown = safeGet(STORAGE_KEY);
  savePlanNow(usePlanner.getState().plan);
}

/**
 * Saves the plan now, unless another tab's plan would be overwritten. A failed save is tried
 * again at the next edit; until one works, the status says so.
 */
export function savePlanNow(plan: Plan) {
  const stored = safeGet(STORAGE_KEY);
  const text = serializePlan(plan);
  if (saved.hold) return setUnsaved(text === stored ? undefined : saved.hold);
  if (text === stored) {
    saved.lastKnown = stored;
    return setUnsaved(undefined);
  }
  if (stored !== saved.lastKnown && stored !== null) {
    // Another tab saved since this one last read or wrote: never replace its plan unasked.
    showConflict();
    return setUnsaved('conflict');
  }
  try {
    localStorage.setItem(STORAGE_KEY, text);
    saved.lastKnown = text;
    setUnsaved(undefined);
  } catch (e) {
    setUnsaved(failureOf(e));
  }
}

/** Another tab saved its own plan: stop saving here at once, and let the person choose (tabConflict.ts). */
function showConflict() {
  saved.hold = 'conflict';
  saved.ask = () => void import('./tabConflict').then((m) => m.askWhichPlan());
  saved.ask();
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Starts autosaving; returns a function that stops it. */
export function startAutosave(): () => void {
  const unsubscribe = usePlanner.subscribe((state, prev) => {
    if (state.plan === prev.plan) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      savePlanNow(state.plan);
    }, SAVE_DELAY_MS);
  });
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      savePlanNow(usePlanner.getState().plan);
    }
  };
  // Another tab wrote the plan: if this tab has changes waiting to be saved, say so at once
  // rather than at the next save.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== STORAGE_KEY || e.newValue === saved.lastKnown) return;
    if (timer !== undefined || saved.hold === 'conflict') {
      clearTimeout(timer);
      timer = undefined;
      savePlanNow(usePlanner.getState().plan);
    }
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('storage', onStorage);
  };
}
