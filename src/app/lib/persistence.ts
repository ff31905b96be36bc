import { formatProblem, serializePlan, type Plan } from '../../domain';
import { usePlanner } from '../store';

/**
 * Autosave: the plan is written to local storage shortly after every change and read back on
 * start. A saved plan that cannot be read is never dropped: it is moved aside under its own key
 * and the person is told, with a way to download it.
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

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Loads the saved plan, if any, into the store (without an undo step). The validator is loaded
 * only when there is something to validate, to keep the first load small.
 */
export async function restoreSavedPlan(): Promise<void> {
  const raw = safeGet(STORAGE_KEY);
  if (raw === null) return;
  const { parsePlanText } = await import('../../domain/plan/restore');
  const result = parsePlanText(raw);
  const { notify } = usePlanner.getState();
  if (result.ok) {
    usePlanner.setState((s) => ({ plan: result.value, planEpoch: s.planEpoch + 1 }));
    return;
  }
  try {
    localStorage.setItem(UNREADABLE_KEY, raw);
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or blocked: the original stays under its own key, which we then leave alone.
  }
  const problems = result.problems.slice(0, 5).map(formatProblem).join('\n');
  notify({
    tone: 'error',
    title: 'The saved plan could not be read, so a new plan was started.',
    detail: `It has been kept aside, unchanged. ${result.problems.length} problem(s):\n${problems}`,
    action: { label: 'Download the unreadable copy', run: () => downloadText('unreadable-plan.json', raw) },
  });
}

let timer: ReturnType<typeof setTimeout> | undefined;

let failing = false;

/** Saves the plan now. After a failure, one notice is shown until a save works again. */
function savePlanNow(plan: Plan) {
  try {
    localStorage.setItem(STORAGE_KEY, serializePlan(plan));
    failing = false;
  } catch (e) {
    if (failing) return;
    failing = true;
    usePlanner.getState().notify({
      tone: 'error',
      title: 'The plan could not be saved in this browser.',
      detail: `${e instanceof Error ? e.message : String(e)} Export the plan to keep a copy.`,
    });
  }
}

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
      savePlanNow(usePlanner.getState().plan);
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
