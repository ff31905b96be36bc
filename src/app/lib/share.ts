import { formatProblem, serializePlan } from '../../domain';
import { looksLikeShare } from '../../domain/share/detect';
import { isPlanEmpty } from '../commands';
import { usePlanner } from '../store';

/** Where the plan that was open before a share link replaced it is kept, in case of a reload. */
export const BEFORE_LINK_KEY = 'portolan.plan.beforeLink';

/**
 * Opens the plan in the page's share link, if there is one. The plan that was open stays
 * recoverable (Undo, a "Restore previous plan" button, and a copy in local storage); a bad link
 * leaves it untouched and says what is wrong. The fragment is then removed from the address bar,
 * so a reload does not open the link again over later edits.
 */
export async function openSharedLink(): Promise<void> {
  const hash = window.location.hash;
  if (!looksLikeShare(hash)) return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  const { decodeShare } = await import('../../domain/share/codec');
  const result = decodeShare(hash);
  const state = usePlanner.getState();
  if (!result.ok) {
    state.notify({
      tone: 'error',
      title: 'This share link could not be opened. Your plan is as you left it.',
      detail: result.problems.slice(0, 5).map(formatProblem).join('\n'),
    });
    return;
  }
  const previous = state.plan;
  state.replacePlan(result.value);
  if (isPlanEmpty(previous)) {
    state.notify({ tone: 'success', title: `Opened the shared plan “${result.value.name}”.` });
    return;
  }
  try {
    localStorage.setItem(BEFORE_LINK_KEY, serializePlan(previous));
  } catch {
    // The copy in memory (Undo, the button below) still holds it.
  }
  state.notify({
    tone: 'info',
    title: `Opened the shared plan “${result.value.name}”.`,
    detail: `Your previous plan “${previous.name}” is kept: Undo or the button below brings it back.`,
    action: { label: 'Restore previous plan', run: () => usePlanner.getState().replacePlan(previous) },
    persist: true,
  });
}

/** The link for the plan as it is now; later edits do not change a link already made. */
export async function makeShareLink(): Promise<string> {
  const { shareUrl } = await import('../../domain/share/codec');
  return shareUrl(window.location.href, usePlanner.getState().plan);
}
