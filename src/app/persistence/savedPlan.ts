import { formatProblem, planSizeProblem, settleMembership, type Problem } from '../../domain';
import { parsePlanText } from '../../domain/plan';
import { usePlanner } from '../state';
import { KEEP_UNREADABLE, keptCopyKey } from './keptCopies';
import { STORAGE_KEY, downloadText, release, safeGet, safeSet, saved } from './persistence';

/**
 * Opens the plan autosave found in storage (see persistence.ts). A plan that cannot be opened is
 * moved aside under a key of its own, never dropped and never over another kept copy.
 */
export function openSavedPlan(raw: string): void {
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
  const key = keptCopyKey(storageKeys(), new Date());
  // Written only to a free key: a kept copy is never replaced.
  const keptAside = key !== undefined && safeGet(key) === null && safeSet(key, raw) && safeGet(key) === raw;
  if (keptAside) {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // It is kept aside; the next save replaces the original.
    }
    notify({
      tone: 'error',
      title: `The saved plan ${why}, so a new plan was started.`,
      detail: `It has been kept aside in this browser, unchanged, under its own key (${key}). ${list}`,
      actions: [{ ...download, label: 'Download the unreadable copy' }],
    });
    return;
  }
  // The copy could not be made: the original stays under its own key, and nothing may save over
  // it until the person has it or lets it go.
  saved.hold = 'unsaved-original';
  const notice = {
    tone: 'error' as const,
    title:
      key === undefined
        ? `The saved plan ${why}, and ${KEEP_UNREADABLE} unreadable plans are already kept in this browser, so it could not be kept aside.`
        : `The saved plan ${why}, and this browser's storage is full, so it could not be kept aside.`,
    detail:
      (key === undefined ? 'None of the kept ones is deleted to make room. ' : '') +
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
  };
  let shown = notify(notice);
  saved.ask = () => {
    if (!usePlanner.getState().notices.some((n) => n.id === shown)) shown = notify(notice);
  };
}

/** The keys local storage holds now; none when it cannot be read. */
function storageKeys(): string[] {
  try {
    return Object.keys(localStorage);
  } catch {
    return [];
  }
}
