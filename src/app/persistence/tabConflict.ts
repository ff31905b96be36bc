import { formatProblem, settleMembership } from '../../domain';
import { usePlanner } from '../state';
import { STORAGE_KEY, downloadPlan, safeGet, savePlanNow, saved } from './persistence';

/** Another tab saved its own plan: autosave holds off here (persistence.ts) until the person chooses. */
export function askWhichPlan() {
  const { notify, notices } = usePlanner.getState();
  if (saved.conflictNotice !== undefined && notices.some((n) => n.id === saved.conflictNotice)) return;
  saved.conflictNotice = notify({
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
    saved.hold = undefined;
    saved.conflictNotice = undefined;
    saved.lastKnown = safeGet(STORAGE_KEY);
    savePlanNow(usePlanner.getState().plan);
  },
};

async function openStoredPlan() {
  saved.conflictNotice = undefined;
  const raw = safeGet(STORAGE_KEY);
  saved.hold = undefined;
  saved.lastKnown = raw;
  if (raw === null) return;
  const { parsePlanText } = await import('../../domain/plan/restore');
  const result = parsePlanText(raw);
  if (result.ok) {
    usePlanner.getState().replacePlan(settleMembership(result.value));
    return;
  }
  // The other tab's copy cannot be opened here (a newer Portolan wrote it?): keep this tab's plan
  // and leave that copy alone.
  saved.hold = 'conflict';
  savePlanNow(usePlanner.getState().plan);
  usePlanner.getState().notify({
    tone: 'error',
    title: 'The other tab’s plan could not be opened here; this tab’s plan stays open and is not saved.',
    detail: result.problems.slice(0, 5).map(formatProblem).join('\n'),
    actions: [DOWNLOAD_THIS_TAB, KEEP_THIS_TAB],
  });
}
