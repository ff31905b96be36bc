import { looksLikeShare } from '../../domain/share';

/**
 * Opens the plan in the page's share link, if there is one (see share.ts, which loads only then:
 * most visits carry no link).
 */
export async function openSharedLink(): Promise<void> {
  if (!looksLikeShare(window.location.hash)) return;
  const { openSharedLink: open } = await import('./share');
  return open();
}
