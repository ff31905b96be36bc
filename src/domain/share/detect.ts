/** Longer fragments are refused before any work: no real plan needs more. */
export const MAX_FRAGMENT_CHARS = 100_000;

/** True when a URL fragment looks like a Portolan share link (cheap; the codec loads only then). */
export function looksLikeShare(fragment: string): boolean {
  return /^#?p\d/.test(fragment);
}
