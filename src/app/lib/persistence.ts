import {
  formatProblem,
  planSizeProblem,
  serializePlan,
  settleMembership,
  type Plan,
  type Problem,
} from '../../domain';
import { fileStem } from '../../domain/export/scope';
import { usePlanner } from '../store';

/**
 * Autosave: the plan is written to local storage shortly after every change and read back on
 * start. Nothing is ever dropped or overwritten without the person being told:
 * - a saved plan that cannot be opened is moved aside under its own key; when even that copy
 *   cannot be made (storage full), it stays where it is, autosave holds off, and the notice
 *   offers the download at once;
 * - when another tab has saved a different plan since this tab last read or wrote it, this tab
 *   stops saving and asks which plan to keep (or offers its own as a download).
 */
export const STORAGE_KEY = 'portolan.plan';
export const UNREADABLE_KEY = 'portolan.plan.unreadable';
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

function safeGet(key: string): string | null {
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
 * What this tab last read from or wrote to STORAGE_KEY. When storage holds something else, another
 * tab has saved since, and writing would silently replace its plan.
 */
let lastKnown: string | null = null;
/** Why autosave holds off, if it does: a plan in storage that must not be overwritten yet. */
let hold: 'conflict' | 'unsaved-original' | undefined;
let conflictNotice: number | undefined;
let failing = false;

/**
 * Loads the saved plan, if any, into the store (without an undo step). The validator is loaded
 * only when there is something to validate, to keep the first load small.
 */
export async function restoreSavedPlan(): Promise<void> {
  const raw = safeGet(STORAGE_KEY);
  lastKnown = raw;
  if (raw === null) return;
  const { parsePlanText } = await import('../../domain/plan/restore');
  const result = parsePlanText(raw);
  const tooLarge = result.ok ? planSizeProblem(result.value) : undefined;
  if (result.ok && !tooLarge) {
    // A plan saved before zones were the truth may draw a card outside its zone: settle it.
    const plan = settleMembership(result.value);
    usePlanner.setState((s) => ({ plan, planEpoch: s.planEpoch + 1 }));
    return;
  }
  const problems: Problem[] = result.ok ? [tooLarge!] : result.problems;
  setAside(raw, problems, result.ok ? 'is too large to open' : 'could not be read');
}

/** Moves a saved plan that cannot be opened out of the way, or, if that fails, guards it. */
function setAside(raw: string, problems: Problem[], why: string) {
  const { notify } = usePlanner.getState();
  const list = `${problems.length} problem(s):\n${problems.slice(0, 5).map(formatProblem).join('\n')}`;
  const download = {
    label: 'Download it',
    run: () => downloadText('unreadable-plan.json', raw),
    keepOpen: true,
  };
  const keptAside = safeSet(UNREADABLE_KEY, raw) && safeGet(UNREADABLE_KEY) === raw;
  if (keptAside) {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // It is kept aside; the next save replaces the original.
    }
    notify({
      tone: 'error',
      title: `The saved plan ${why}, so a new plan was started.`,
      detail: `It has been kept aside in this browser, unchanged. ${list}`,
      actions: [{ ...download, label: 'Download the unreadable copy' }],
    });
    return;
  }
  // The copy could not be made: the original stays under its own key, and nothing may save over
  // it until the person has it or lets it go.
  hold = 'unsaved-original';
  notify({
    tone: 'error',
    title: `The saved plan ${why}, and this browser's storage is full, so it could not be kept aside.`,
    detail:
      `Download it now. Until you do, or choose to discard it, your work in this tab is not saved ` +
      `in the browser. ${list}`,
    actions: [
      {
        label: 'Download the unreadable copy',
        run: () => {
          downloadText('unreadable-plan.json', raw);
          release();
        },
      },
      { label: 'Discard it and save my work', run: release },
    ],
  });
}

/** Lets autosave write again after the person dealt with what it was holding off for. */
function release() {
  hold = undefined;
  lastKnown = safeGet(STORAGE_KEY);
  savePlanNow(usePlanner.getState().plan);
}

/** Saves the plan now, unless another tab's plan would be overwritten. */
function savePlanNow(plan: Plan) {
  if (hold) return;
  const stored = safeGet(STORAGE_KEY);
  const text = serializePlan(plan);
  if (text === stored) {
    lastKnown = stored;
    return;
  }
  if (stored !== lastKnown && stored !== null) {
    // Another tab saved since this one last read or wrote: never replace its plan unasked.
    showConflict();
    return;
  }
  try {
    localStorage.setItem(STORAGE_KEY, text);
    lastKnown = text;
    failing = false;
  } catch (e) {
    if (failing) return;
    failing = true;
    usePlanner.getState().notify({
      tone: 'error',
      title: 'The plan could not be saved in this browser.',
      detail: `${e instanceof Error ? e.message : String(e)} Export the plan to keep a copy.`,
      actions: [
        { label: 'Download this plan', run: () => downloadPlan(usePlanner.getState().plan), keepOpen: true },
      ],
    });
  }
}

/** Another tab saved its own plan: stop saving here and let the person choose. */
function showConflict() {
  hold = 'conflict';
  const { notify, notices } = usePlanner.getState();
  if (conflictNotice !== undefined && notices.some((n) => n.id === conflictNotice)) return;
  conflictNotice = notify({
    tone: 'error',
    title: 'Another tab has saved a different plan in this browser.',
    detail:
      'To keep both, this tab has stopped saving. Keep this tab’s plan (the other tab is then told), ' +
      'open the other one here (Undo brings this one back), or download this one as a file first.',
    actions: [
      DOWNLOAD_THIS_TAB,
      KEEP_THIS_TAB,
      { label: 'Open the other tab’s plan', run: () => void openStoredPlan() },
    ],
  });
}

const DOWNLOAD_THIS_TAB = {
  label: 'Download this tab’s plan',
  run: () => downloadPlan(usePlanner.getState().plan),
  keepOpen: true,
};

/** Saves this tab's plan over the other tab's, as the person chose; that tab is told at its next save. */
const KEEP_THIS_TAB = {
  label: 'Keep this tab’s plan',
  run: () => {
    hold = undefined;
    conflictNotice = undefined;
    lastKnown = safeGet(STORAGE_KEY);
    savePlanNow(usePlanner.getState().plan);
  },
};

async function openStoredPlan() {
  conflictNotice = undefined;
  const raw = safeGet(STORAGE_KEY);
  hold = undefined;
  lastKnown = raw;
  if (raw === null) return;
  const { parsePlanText } = await import('../../domain/plan/restore');
  const result = parsePlanText(raw);
  if (result.ok) {
    usePlanner.getState().replacePlan(settleMembership(result.value));
    return;
  }
  // The other tab's copy cannot be opened here (a newer Portolan wrote it?): keep this tab's plan
  // and leave that copy alone.
  hold = 'conflict';
  usePlanner.getState().notify({
    tone: 'error',
    title: 'The other tab’s plan could not be opened here; this tab’s plan stays open and is not saved.',
    detail: result.problems.slice(0, 5).map(formatProblem).join('\n'),
    actions: [DOWNLOAD_THIS_TAB, KEEP_THIS_TAB],
  });
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
    if (e.key !== STORAGE_KEY || e.newValue === lastKnown) return;
    if (timer !== undefined || hold === 'conflict') {
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
