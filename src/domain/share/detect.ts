/** True when a URL fragment looks like a Portolan share link (cheap; the codec loads only then). */
export function looksLikeShare(fragment: string): boolean {
  return /^#?p\d/.test(fragment);
}
