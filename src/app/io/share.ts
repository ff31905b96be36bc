import { formatProblem, hasUserContent, planSizeProblem, serializePlan } from '../../domain';
import { looksLikeShare } from '../../domain/share';
import { usePlanner } from '../state';
import { downloadPlan, safeSet } from '../persistence';

/** Where the plan that was open before a share link replaced it is kept, in case of a reload. */
export const BEFORE_LINK_KEY = 'portolan.plan.beforeLink';

/**
 * Opens the plan in the page's share link, if there is one. The plan that was open stays
 * recoverable (Undo, a "Restore previous plan" button, and a copy in local storage, or a download
 * offered at once when storage cannot hold the copy); a bad link leaves it untouched and says what
 * is wrong. The fragment is then removed from the address bar, so a reload does not open the link
 * again over later edits.
 */
export async function openSharedLink(): Promise<void> {
  const hash = window.location.hash;
  if (!looksLikeShare(hash)) return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  const { decodeShare } = await import('../../domain/share/codec');
  const result = decodeShare(hash);
  const state = usePlanner.getState();
  const refused = result.ok ? planSizeProblem(result.value) : undefined;
  if (!result.ok || refused) {
    const problems = result.ok ? [refused!] : result.problems;
    state.notify({
      tone: 'error',
      title: 'This share link could not be opened. Your plan is as you left it.',
      detail: problems.slice(0, 5).map(formatProblem).join('\n'),
    });
    return;
  }
  // Loaded with the plan it arranges: opening is rare, the page load is not.
  const { arrangeOpened, arrangedNote } = await import('./arrange');
  const arranged = await arrangeOpened(result.value);
  const note = arrangedNote(arranged);
  // Read again: the layout ran off the main thread, and the open plan may have changed meanwhile.
  const previous = usePlanner.getState().plan;
  if (!state.replacePlan(arranged.plan)) return;
  if (!hasUserContent(previous)) {
    state.notify({
      tone: 'success',
      title: `Opened the shared plan “${result.value.name}”.`,
      ...(note ? { detail: note } : {}),
    });
    return;
  }
  const restore = { label: 'Restore previous plan', run: () => usePlanner.getState().replacePlan(previous) };
  const download = { label: 'Download previous plan', run: () => downloadPlan(previous), keepOpen: true };
  if (safeSet(BEFORE_LINK_KEY, serializePlan(previous))) {
    state.notify({
      tone: 'info',
      title: `Opened the shared plan “${result.value.name}”.`,
      detail: [
        note,
        `Your previous plan “${previous.name}” is kept in this browser: Undo or the button below brings it back.`,
      ]
        .filter(Boolean)
        .join(' '),
      actions: [restore],
      persist: true,
    });
    return;
  }
  // Storage is full: say so, and offer the file before anything else can be lost.
  state.notify({
    tone: 'error',
    title: `Opened the shared plan “${result.value.name}”, but your previous plan could not be kept in this browser.`,
    detail: `This browser's storage is full. Download “${previous.name}” now, or bring it back with Undo or the button below before you close this tab.`,
    actions: [download, restore],
  });
}

/** The link for the plan as it is now; later edits do not change a link already made. */
export async function makeShareLink(): Promise<string> {
  const { shareUrl } = await import('../../domain/share/codec');
  return shareUrl(window.location.href, usePlanner.getState().plan);
}
